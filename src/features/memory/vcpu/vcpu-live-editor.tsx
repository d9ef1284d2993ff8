import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button';
import type { Ref, XapiRecord } from '../../../xapi/model/types';
import { useApplyChange } from '../use-apply';
import { setLiveVcpus } from './apply-vcpus';

interface Props {
  poolId: string;
  vmRef: string;
  vm: XapiRecord<'VM'>;
  /** The vCPUs the guest has now (VM_metrics.VCPUs_number). */
  currentCount: number;
}

/** A running guest's vCPU count on a slider from 1 to VCPUs_max, sent with VM.set_VCPUs_number_live. */
export function VcpuLiveEditor({ poolId, vmRef, vm, currentCount }: Props) {
  const { t } = useTranslation('memory');
  const [count, setCount] = useState(currentCount);
  const [shownCurrent, setShownCurrent] = useState(currentCount);
  const { apply, isPending } = useApplyChange();
  // The guest's count changed (this change arriving, or another client's): start from it again.
  if (currentCount !== shownCurrent) {
    setShownCurrent(currentCount);
    setCount(currentCount);
  }
  const blocker = isPending ? t('apply.pending') : count === currentCount ? t('apply.noChanges') : undefined;
  const valueText = t('vcpu.countOf', { count, max: vm.VCPUs_max });
  return (
    <div className="vcpu-editor">
      <div className="vcpu-slider-row">
        <input
          type="range"
          min={1}
          max={vm.VCPUs_max}
          step={1}
          value={count}
          aria-label={t('vcpu.liveLabel')}
          aria-valuetext={valueText}
          onChange={(event) => setCount(Number(event.target.value))}
        />
        <output aria-hidden="true">{valueText}</output>
      </div>
      <Button
        variant="primary"
        disabledReason={blocker}
        onClick={() =>
          apply('memory:action.changeVcpus', [{ poolId, ref: vmRef }], (p, ref) =>
            setLiveVcpus(p, ref as Ref<'VM'>, count),
          )
        }
      >
        {t('apply.label')}
      </Button>
    </div>
  );
}
