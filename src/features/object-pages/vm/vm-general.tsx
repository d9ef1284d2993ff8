import { useTranslation } from 'react-i18next';
import { formatMemory } from '../../../components/format/bytes';
import { useRecord } from '../../../store/mirror-store';
import { NULL_REF } from '../../../xapi/refs';
import { IdentityProperties } from '../shared/identity-properties';
import { Property } from '../shared/property';
import { PropertyList } from '../shared/property-list';
import { osName, toolsVersion } from './guest-info';
import { SnapshotOrigin } from './snapshot-origin';
import { VmDisks } from './vm-disks';
import { VmNetworks } from './vm-networks';
import { VmPlacement } from './vm-placement';

/** A VM's (or template's, or snapshot's) General tab. */
export function VmGeneral({ poolId, vmRef }: { poolId: string; vmRef: string }) {
  const vm = useRecord(poolId, 'VM', vmRef);
  const { t } = useTranslation('objectPages');
  const guest = useRecord(poolId, 'VM_guest_metrics', vm?.guest_metrics ?? NULL_REF);
  const metrics = useRecord(poolId, 'VM_metrics', vm?.metrics ?? NULL_REF);
  if (!vm) return null;
  const isVm = !vm.is_a_template && !vm.is_a_snapshot;
  const tools = toolsVersion(guest);
  const running = vm.power_state === 'Running' || vm.power_state === 'Paused';
  return (
    <>
      <PropertyList title={t('sections.general')}>
        <IdentityProperties poolId={poolId} cls="VM" objectRef={vmRef} record={vm} />
        {isVm && <Property label={t('vm.powerState')}>{t(`powerState.${vm.power_state}`)}</Property>}
        {isVm && <VmPlacement poolId={poolId} vm={vm} />}
        {vm.is_a_snapshot && <SnapshotOrigin poolId={poolId} vm={vm} />}
        <Property label={t('vm.os')}>{osName(guest) ?? t('vm.osUnknown')}</Property>
        <Property label={t('vm.tools')}>
          {tools
            ? t(guest?.PV_drivers_up_to_date === false ? 'vm.toolsOutdated' : 'vm.toolsInstalled', { version: tools })
            : t('vm.toolsMissing')}
        </Property>
      </PropertyList>
      <PropertyList title={t('sections.cpuMemory')}>
        <Property label={t('vm.vcpus')}>
          {t('vm.vcpuCounts', { atStartup: vm.VCPUs_at_startup, max: vm.VCPUs_max })}
        </Property>
        <Property label={t('vm.staticRange')}>
          {t('vm.range', { min: formatMemory(vm.memory_static_min), max: formatMemory(vm.memory_static_max) })}
        </Property>
        <Property label={t('vm.dynamicRange')}>
          {t('vm.range', { min: formatMemory(vm.memory_dynamic_min), max: formatMemory(vm.memory_dynamic_max) })}
        </Property>
        {running && metrics && <Property label={t('vm.memoryActual')}>{formatMemory(metrics.memory_actual)}</Property>}
      </PropertyList>
      <VmDisks poolId={poolId} vm={vm} />
      <VmNetworks poolId={poolId} vm={vm} />
    </>
  );
}
