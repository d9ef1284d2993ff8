import { useTranslation } from 'react-i18next';
import type { HostGuest } from '../../../xapi/rules/host-memory';
import { VmRangeRow } from './vm-range-row';

const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** The guests resident on a host, by name, each with its figures and range marker. */
export function HostVmRows({
  poolId,
  hostRef,
  guests,
}: {
  poolId: string;
  hostRef: string;
  guests: readonly HostGuest[];
}) {
  const { t } = useTranslation('memory');
  const resident = guests
    .filter(({ vm }) => vm.resident_on === hostRef && !vm.is_control_domain)
    .sort((a, b) => byName.compare(a.vm.name_label, b.vm.name_label));
  if (resident.length === 0) return <p className="muted">{t('host.noVms')}</p>;
  const scaleBytes = Math.max(...resident.map(({ vm }) => vm.memory_static_max));
  return (
    <table className="memory-vm-table">
      <thead>
        <tr>
          <th scope="col">{t('host.columns.name')}</th>
          <th scope="col">{t('host.columns.actual')}</th>
          <th scope="col">{t('host.columns.range')}</th>
          <th scope="col">{t('host.columns.staticMax')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('host.columns.marker')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {resident.map(({ ref, vm, metrics }) => (
          <VmRangeRow
            key={ref}
            poolId={poolId}
            uuid={vm.uuid}
            name={vm.name_label}
            actualBytes={metrics?.memory_actual ?? 0}
            targetBytes={vm.memory_target}
            dynamicMinBytes={vm.memory_dynamic_min}
            dynamicMaxBytes={vm.memory_dynamic_max}
            staticMaxBytes={vm.memory_static_max}
            scaleBytes={scaleBytes}
          />
        ))}
      </tbody>
    </table>
  );
}
