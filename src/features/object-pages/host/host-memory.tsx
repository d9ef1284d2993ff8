import { useTranslation } from 'react-i18next';
import { XapiErrorText } from '../../../components/errors/xapi-error-text';
import { formatMemory } from '../../../components/format/bytes';
import { useHostFreeMemory } from '../../../queries/use-host-free-memory';
import { useMirror, useRecord } from '../../../store/mirror-store';
import type { XapiRecord } from '../../../xapi/model/types';
import { Property } from '../shared/property';
import { PropertyList } from '../shared/property-list';
import { UsageBar } from '../shared/usage-bar';

/** The memory actually allocated to the host's guests (its control domain excluded). */
function useMemoryUsedByVms(poolId: string, host: XapiRecord<'host'>): number {
  return useMirror((state) => {
    const objects = state.pools[poolId]?.objects;
    let total = 0;
    for (const ref of host.resident_VMs) {
      const vm = objects?.VM?.[ref];
      if (!vm || vm.is_control_domain) continue;
      total += objects?.VM_metrics?.[vm.metrics]?.memory_actual ?? 0;
    }
    return total;
  });
}

/**
 * Total, what the guests actually use now, and what XAPI could give a new VM (with the
 * guests squeezed to their dynamic minimum); the bar shows the rest as reserved.
 */
export function HostMemory({ poolId, hostRef, host }: { poolId: string; hostRef: string; host: XapiRecord<'host'> }) {
  const { t } = useTranslation('objectPages');
  const metrics = useRecord(poolId, 'host_metrics', host.metrics);
  const free = useHostFreeMemory(poolId, hostRef);
  const usedByVms = useMemoryUsedByVms(poolId, host);
  const total = metrics?.memory_total ?? 0;
  return (
    <PropertyList title={t('sections.memory')}>
      <Property label={t('host.memoryTotal')}>{metrics ? formatMemory(total) : '…'}</Property>
      <Property label={t('host.memoryUsedByVms')}>{formatMemory(usedByVms)}</Property>
      <Property label={t('host.memoryFree')}>
        {free.error ? <XapiErrorText error={free.error} /> : free.data === undefined ? '…' : formatMemory(free.data)}
      </Property>
      {free.data !== undefined && total > 0 && (
        <Property label={t('host.memoryUse')}>
          <UsageBar
            label={t('host.memoryUse')}
            used={total - free.data}
            total={total}
            text={t('host.usedOf', { used: formatMemory(total - free.data), total: formatMemory(total) })}
          />
        </Property>
      )}
    </PropertyList>
  );
}
