import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button';
import type { Ref } from '../../../xapi/model/types';
import { canChangeLimits } from '../../../xapi/rules/memory';
import type { Verdict } from '../../../xapi/rules/verdict';
import { vmCan } from '../../../xapi/rules/vm-can';
import { MemoryField } from '../memory-field';
import type { MemoryInputError } from '../memory-units';
import { useApplyChange } from '../use-apply';
import type { VmMemoryRecords } from '../use-vm-memory-context';
import { applyBlocker } from './apply-blocker';
import { applyMemoryChange, type MemoryChange } from './apply-memory';
import { fixedSizeChecks, type MemoryCheck } from './memory-checks';
import { MemoryChecksList } from './memory-checks-list';
import { RestartDialog } from './restart-dialog';

interface Props {
  poolId: string;
  vmRef: string;
  records: VmMemoryRecords;
  host?: { ref: string; name: string; freeBytes: number };
}

/**
 * One memory size for a VM that cannot balloon: static maximum and both dynamic values
 * at once. A halted VM takes it with VM.set_memory; a running one is restarted on its
 * host to take it, after asking.
 */
export function FixedMemoryEditor({ poolId, vmRef, records, host }: Props) {
  const { t } = useTranslation('memory');
  const { vm, guestMetrics } = records;
  const [valueBytes, setValueBytes] = useState(vm.memory_static_max);
  const [inputError, setInputError] = useState<MemoryInputError | undefined>();
  const [confirming, setConfirming] = useState(false);
  const { apply, isPending } = useApplyChange();
  const checksId = useId();
  const running = vm.power_state === 'Running';
  const cleanly = vmCan.cleanShutdown(vm, { guestMetrics }).enabled;
  const checks: MemoryCheck[] = [
    ...(inputError ? [{ kind: 'input', met: false, field: 'fixed', error: inputError } as const] : []),
    ...fixedSizeChecks({ vm, valueBytes, host }),
  ];
  let verdict: Verdict = running ? vmCan.cleanShutdown(vm, { guestMetrics }) : canChangeLimits(vm);
  if (running && !cleanly) verdict = vmCan.hardShutdown(vm, { guestMetrics });
  const changed =
    valueBytes !== vm.memory_static_max ||
    vm.memory_dynamic_min !== vm.memory_static_max ||
    vm.memory_dynamic_max !== vm.memory_static_max;
  const blocker = applyBlocker(t, { changed, pending: isPending, verdict, checks });

  const send = () => {
    setConfirming(false);
    const limits = {
      staticMin: vm.memory_static_min,
      dynamicMin: valueBytes,
      dynamicMax: valueBytes,
      staticMax: valueBytes,
    };
    const change: MemoryChange =
      running && host
        ? { kind: 'restart', limits, host: host.ref as Ref<'host'>, cleanly }
        : { kind: 'fixed', bytes: valueBytes };
    apply('memory:action.changeMemory', [{ poolId, ref: vmRef }], (p, ref) =>
      applyMemoryChange(p, ref as Ref<'VM'>, change),
    );
  };

  return (
    <div className="memory-editor">
      <div className="memory-fields">
        <div className="memory-field-label">
          <span>{t('field.fixed')}</span>
          <MemoryField
            label={t('field.fixed')}
            valueBytes={valueBytes}
            invalid={inputError !== undefined}
            describedBy={checksId}
            onChange={(parsed) => {
              if (parsed.ok) setValueBytes(parsed.bytes);
              setInputError(parsed.ok ? undefined : parsed.error);
            }}
          />
        </div>
      </div>
      <MemoryChecksList id={checksId} checks={checks} />
      {running && <p className="memory-note">{t('note.restart', { host: host?.name ?? '' })}</p>}
      <div className="memory-buttons">
        <Button variant="primary" disabledReason={blocker} onClick={() => (running ? setConfirming(true) : send())}>
          {t('apply.label')}
        </Button>
      </div>
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
