import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button';
import type { Ref, XapiRecord } from '../../../xapi/model/types';
import { type CountProblem, countProblem } from '../../../xapi/rules/vcpus';
import { useApplyChange } from '../use-apply';
import { setVcpuCounts } from './apply-vcpus';
import { countProblemText } from './count-problem-text';

interface Props {
  poolId: string;
  vmRef: string;
  vm: XapiRecord<'VM'>;
}

/** A halted VM's maximum and startup vCPU counts (VM.set_VCPUs_max, VM.set_VCPUs_at_startup). */
export function VcpuCountEditor({ poolId, vmRef, vm }: Props) {
  const { t } = useTranslation('memory');
  const problemsId = useId();
  const [maxText, setMaxText] = useState(String(vm.VCPUs_max));
  const [startupText, setStartupText] = useState(String(vm.VCPUs_at_startup));
  const { apply, isPending } = useApplyChange();
  const max = Number(maxText.trim() === '' ? Number.NaN : maxText);
  const atStartup = Number(startupText.trim() === '' ? Number.NaN : startupText);
  const problems: { field: string; problem: CountProblem; max: number }[] = [];
  const maxProblem = countProblem(max, Number.POSITIVE_INFINITY);
  if (maxProblem) problems.push({ field: t('vcpu.max'), problem: maxProblem, max });
  const startupProblem = countProblem(atStartup, maxProblem ? Number.POSITIVE_INFINITY : max);
  if (startupProblem) problems.push({ field: t('vcpu.atStartup'), problem: startupProblem, max });
  const messages = problems.map((p) => countProblemText(t, p.problem, p.field, p.max));
  const changed = max !== vm.VCPUs_max || atStartup !== vm.VCPUs_at_startup;
  const blocker = isPending ? t('apply.pending') : (messages[0] ?? (changed ? undefined : t('apply.noChanges')));
  const send = () =>
    apply('memory:action.changeVcpus', [{ poolId, ref: vmRef }], (p, ref) =>
      setVcpuCounts(p, ref as Ref<'VM'>, { max: vm.VCPUs_max, atStartup: vm.VCPUs_at_startup }, { max, atStartup }),
    );
  return (
    <div className="vcpu-editor">
      <div className="memory-fields">
        <label className="memory-field-label">
          <span>{t('vcpu.max')}</span>
          <input
            type="number"
            min={1}
            step={1}
            value={maxText}
            aria-invalid={maxProblem !== undefined || undefined}
            aria-describedby={problemsId}
            onChange={(event) => setMaxText(event.target.value)}
          />
        </label>
        <label className="memory-field-label">
          <span>{t('vcpu.atStartup')}</span>
          <input
            type="number"
            min={1}
            step={1}
            value={startupText}
            aria-invalid={startupProblem !== undefined || undefined}
            aria-describedby={problemsId}
            onChange={(event) => setStartupText(event.target.value)}
          />
        </label>
      </div>
      <ul id={problemsId} className="memory-checks">
        {messages.map((message) => (
          <li key={message} className="check-unmet">
            {message}
          </li>
        ))}
      </ul>
      <Button variant="primary" disabledReason={blocker} onClick={send}>
        {t('apply.label')}
      </Button>
    </div>
  );
}
