import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button';
import type { Ref } from '../../../xapi/model/types';
import { canRunPlan, limitsOf, memoryPlan } from '../../../xapi/rules/memory';
import { ALLOWED, type Verdict } from '../../../xapi/rules/verdict';
import { vmCan } from '../../../xapi/rules/vm-can';
import { HostMemoryPanel } from '../host/host-memory-panel';
import { useApplyChange } from '../use-apply';
import type { VmMemoryRecords } from '../use-vm-memory-context';
import { applyBlocker } from './apply-blocker';
import { applyMemoryChange, type MemoryChange } from './apply-memory';
import { memoryChecks } from './memory-checks';
import { MemoryChecksList } from './memory-checks-list';
import { RangeFields } from './range-fields';
import { RestartDialog } from './restart-dialog';
import { useMemoryDraft } from './use-memory-draft';

interface Props {
  poolId: string;
  vmRef: string;
  records: VmMemoryRecords;
  /** The host the VM runs on, when it runs. */
  host?: { ref: string; name: string; freeBytes: number };
}

/**
 * The VM's dynamic range on one slider with two thumbs, spanning static minimum to
 * static maximum, and the three values as fields. Every change shows at once what it
 * would do to the host and which rules it meets; Apply sends a live range change, or
 * for a static change on a running VM asks, then restarts the VM on its host.
 */
export function DynamicMemoryEditor({ poolId, vmRef, records, host }: Props) {
  const { t } = useTranslation('memory');
  const { vm, pool, guestMetrics } = records;
  const { draft, setDraft, reset, dirty } = useMemoryDraft(limitsOf(vm));
  const { apply, isPending } = useApplyChange();
  const [confirming, setConfirming] = useState(false);
  const checksId = useId();
  const { limits } = draft;
  const plan = memoryPlan(vm, limits);
  const checks = memoryChecks({ vm, pool, draft, plan, host });
  const cleanly = vmCan.cleanShutdown(vm, { guestMetrics }).enabled;
  let verdict: Verdict = canRunPlan(vm, plan);
  if (verdict.enabled && plan === 'restart' && !cleanly) verdict = vmCan.hardShutdown(vm, { guestMetrics });
  const blocker = applyBlocker(t, {
    changed: plan !== 'none',
    pending: isPending,
    verdict: plan === 'none' ? ALLOWED : verdict,
    checks,
  });

  const send = () => {
    setConfirming(false);
    let change: MemoryChange;
    if (plan === 'restart' && host) change = { kind: 'restart', limits, host: host.ref as Ref<'host'>, cleanly };
    else change = { kind: plan === 'dynamic' ? 'dynamic' : 'limits', limits };
    apply('memory:action.changeMemory', [{ poolId, ref: vmRef }], (p, ref) =>
      applyMemoryChange(p, ref as Ref<'VM'>, change),
    );
  };

  const previewing = vm.power_state === 'Running' && host !== undefined && plan === 'dynamic';
  // The host's bar follows a drag a step behind when it must (a low-priority render that
  // React can interrupt), so the thumb and the fields never wait for hundreds of guests.
  const previewMin = useDeferredValue(previewing ? limits.dynamicMin : undefined);
  const previewMax = useDeferredValue(previewing ? limits.dynamicMax : undefined);
  const preview = useMemo(
    () =>
      previewMin === undefined || previewMax === undefined
        ? undefined
        : { ref: vmRef, dynamicMinBytes: previewMin, dynamicMaxBytes: previewMax },
    [vmRef, previewMin, previewMax],
  );
  return (
    <div className="memory-editor">
      <RangeFields draft={draft} onChange={setDraft} checksId={checksId} />
      <MemoryChecksList id={checksId} checks={checks} />
      {vm.power_state === 'Halted' && <p className="muted">{t('note.halted')}</p>}
      {plan === 'restart' && <p className="memory-note">{t('note.restart', { host: host?.name ?? '' })}</p>}
      <div className="memory-buttons">
        <Button
          variant="primary"
          disabledReason={blocker}
          onClick={() => (plan === 'restart' ? setConfirming(true) : send())}
        >
          {t('apply.label')}
        </Button>
        {dirty && <Button onClick={reset}>{t('apply.reset')}</Button>}
      </div>
      {host && (
        <section className="memory-host" aria-label={t('host.sectionLabel', { host: host.name })}>
          <h3>{t(previewing ? 'host.headingPreview' : 'host.heading', { host: host.name })}</h3>
          <HostMemoryPanel poolId={poolId} hostRef={host.ref} hostName={host.name} preview={preview} />
        </section>
      )}
      {confirming && host && (
        <RestartDialog
          vmName={vm.name_label}
          hostName={host.name}
          cleanly={cleanly}
          onConfirm={send}
          onCancel={() => setConfirming(false)}
        />
      )}
    </div>
  );
}
