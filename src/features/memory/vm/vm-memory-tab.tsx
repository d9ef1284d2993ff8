import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type DynamicMemoryUnavailable, dynamicMemoryUnavailable } from '../../../xapi/rules/memory';
import { useVmMemoryRecords } from '../use-vm-memory-context';
import { VcpuSection } from '../vcpu/vcpu-section';
import { BalloonSection } from './balloon-section';
import { DynamicMemoryEditor } from './dynamic-memory-editor';
import { FixedMemoryEditor } from './fixed-memory-editor';
import { MemorySummary } from './memory-summary';
import { useRunningHost } from './use-running-host';

const UNAVAILABLE_KEYS: Record<DynamicMemoryUnavailable, string> = {
  snapshot: 'unavailable.snapshot',
  'control-domain': 'unavailable.controlDomain',
  'dmc-disabled': 'unavailable.dmcDisabled',
  'nested-virt': 'unavailable.nestedVirt',
  'no-balloon-driver': 'unavailable.noBalloonDriver',
};

/** The VM still has a fixed size that can be set; snapshots and control domains have none here. */
const FIXED_SIZE_EDITABLE: readonly DynamicMemoryUnavailable[] = ['dmc-disabled', 'nested-virt', 'no-balloon-driver'];

/**
 * A VM's Memory tab: its dynamic range (or, when it cannot balloon, why not and one
 * fixed size instead), its balloon live while it runs, and its vCPUs.
 */
export function VmMemoryTab({ poolId, vmRef }: { poolId: string; vmRef: string }) {
  const { t } = useTranslation('memory');
  const headingId = useId();
  const records = useVmMemoryRecords(poolId, vmRef);
  const host = useRunningHost(poolId, records?.vm);
  if (!records) return <p role="status">{t('loading')}</p>;
  const { vm } = records;
  const unavailable = dynamicMemoryUnavailable(vm, records);
  return (
    <div className="memory-tab">
      <section className="memory-section" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('heading')}</h2>
        {unavailable === undefined ? (
          <DynamicMemoryEditor poolId={poolId} vmRef={vmRef} records={records} host={host} />
        ) : (
          <>
            <p className="memory-unavailable">{t(UNAVAILABLE_KEYS[unavailable])}</p>
            <MemorySummary vm={vm} />
            {FIXED_SIZE_EDITABLE.includes(unavailable) && (
              <FixedMemoryEditor
                key={vm.memory_static_max}
                poolId={poolId}
                vmRef={vmRef}
                records={records}
                host={host}
              />
            )}
          </>
        )}
      </section>
      {vm.power_state === 'Running' && (
        <BalloonSection
          poolId={poolId}
          vmRef={vmRef}
          dynamicMinBytes={vm.memory_dynamic_min}
          dynamicMaxBytes={vm.memory_dynamic_max}
        />
      )}
      <VcpuSection poolId={poolId} vmRef={vmRef} records={records} />
    </div>
  );
}
