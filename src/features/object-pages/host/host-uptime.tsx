import { useTranslation } from 'react-i18next';
import { useFormatDuration } from '../../../components/format/use-format-duration';
import { useNow } from '../../../components/format/use-now';
import { useServerClockOffset } from '../../../queries/use-server-clock-offset';
import { parseUnixSeconds } from '../../../xapi/datetime';
import type { XapiRecord } from '../../../xapi/model/types';
import { Property } from '../shared/property';

/**
 * How long the server has been up (other_config boot_time) and the toolstack
 * (agent_start_time), measured on the pool's clock. XAPI writes both as Unix seconds.
 */
export function HostUptime({ poolId, host }: { poolId: string; host: XapiRecord<'host'> }) {
  const { t } = useTranslation('objectPages');
  const formatDuration = useFormatDuration();
  const now = useNow() + useServerClockOffset(poolId);
  const bootedAt = parseUnixSeconds(host.other_config.boot_time);
  const agentStartedAt = parseUnixSeconds(host.other_config.agent_start_time);
  return (
    <>
      {bootedAt !== undefined && <Property label={t('host.uptime')}>{formatDuration(now - bootedAt)}</Property>}
      {agentStartedAt !== undefined && (
        <Property label={t('host.toolstackUptime')}>{formatDuration(now - agentStartedAt)}</Property>
      )}
    </>
  );
}
