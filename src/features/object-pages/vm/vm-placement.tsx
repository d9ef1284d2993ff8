import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../../components/format/use-format-date';
import { ObjectLink } from '../../../components/object-link';
import { parseXapiDateTime } from '../../../xapi/datetime';
import type { XapiRecord } from '../../../xapi/model/types';
import { NULL_REF } from '../../../xapi/refs';
import { Property } from '../shared/property';

/**
 * Where the VM runs, or for a VM that is not running, where it will start: XAPI
 * clears resident_on when a VM halts and keeps no "last host", so the home server
 * (affinity) is what it knows, plus when and why the VM last shut down.
 */
export function VmPlacement({ poolId, vm }: { poolId: string; vm: XapiRecord<'VM'> }) {
  const { t } = useTranslation('objectPages');
  const formatDate = useFormatDate();
  if (vm.resident_on !== NULL_REF) {
    return (
      <Property label={t('vm.host')}>
        <ObjectLink poolId={poolId} cls="host" objectRef={vm.resident_on} />
      </Property>
    );
  }
  const shutdownAt = parseXapiDateTime(vm.other_config.last_shutdown_time ?? '');
  const reason = vm.other_config.last_shutdown_reason;
  return (
    <>
      <Property label={t('vm.homeServer')}>
        {vm.affinity === NULL_REF ? t('vm.anyHost') : <ObjectLink poolId={poolId} cls="host" objectRef={vm.affinity} />}
      </Property>
      {shutdownAt !== undefined && (
        <Property label={t('vm.lastShutdown')}>
          {formatDate(shutdownAt)}
          {reason && ` (${reason})`}
        </Property>
      )}
    </>
  );
}
