import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { canChangeVcpuCounts, canHotplugVcpus } from '../../../xapi/rules/vcpus';
import type { VmMemoryRecords } from '../use-vm-memory-context';
import { hotplugDenialText } from './hotplug-text';
import { VcpuCountEditor } from './vcpu-count-editor';
import { VcpuLiveEditor } from './vcpu-live-editor';

/**
 * A VM's vCPUs: a running guest's count live (hotplug), a halted VM's maximum and
 * startup count, and otherwise why they cannot change now.
 */
export function VcpuSection({ poolId, vmRef, records }: { poolId: string; vmRef: string; records: VmMemoryRecords }) {
  const { t } = useTranslation('memory');
  const headingId = useId();
  const { vm, metrics } = records;
  const running = vm.power_state === 'Running';
  const current = running ? (metrics?.VCPUs_number ?? vm.VCPUs_at_startup) : vm.VCPUs_at_startup;
  const hotplug = canHotplugVcpus(vm, records);
  const counts = canChangeVcpuCounts(vm);
  let body: ReactNode;
  if (running && hotplug.enabled) {
    body = <VcpuLiveEditor poolId={poolId} vmRef={vmRef} vm={vm} currentCount={current} />;
  } else if (!running && counts.enabled) {
    // Keyed by the stored counts, so a change arriving from elsewhere starts the fields again.
    body = <VcpuCountEditor key={`${vm.VCPUs_max}/${vm.VCPUs_at_startup}`} poolId={poolId} vmRef={vmRef} vm={vm} />;
  } else {
    const reason = running && !hotplug.enabled ? hotplugDenialText(t, hotplug.reason) : null;
    body = (
      <p className="memory-unavailable">{reason ?? (counts.enabled ? null : hotplugDenialText(t, counts.reason))}</p>
    );
  }
  return (
    <section className="memory-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('vcpu.heading')}</h2>
      <p>
        {running
          ? t('vcpu.running', { count: current, max: vm.VCPUs_max })
          : t('vcpu.configured', { count: vm.VCPUs_at_startup, max: vm.VCPUs_max })}
      </p>
      {body}
    </section>
  );
}
