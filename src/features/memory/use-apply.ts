/**
 * Runs a memory or vCPU change as the console runs every action: one mutation keyed
 * ['action'], so it shows as pending here and any failure appears, in words and per
 * VM, in the failures above the page (ActionFailures), until dismissed.
 */
import type { ActionTarget, VmAction } from '../../queries/actions/action';
import { useRunAction } from '../../queries/actions/use-run-action';
import { ALLOWED } from '../../xapi/rules/verdict';

/** What the failures list calls the change ("Change memory failed"). */
export type ChangeLabel = 'memory:action.changeMemory' | 'memory:action.changeVcpus';

/** A one-off action around `run`, for targets chosen in the memory editors (they check the rules themselves). */
function changeAction(label: ChangeLabel, run: (poolId: string, ref: string) => Promise<void>): VmAction {
  return { id: label, cls: 'VM', label, input: 'none', can: () => ALLOWED, run };
}

export function useApplyChange() {
  const { mutate, isPending } = useRunAction();
  const apply = (
    label: ChangeLabel,
    targets: readonly ActionTarget[],
    run: (poolId: string, ref: string) => Promise<void>,
    onSuccess?: () => void,
  ) => mutate({ action: changeAction(label, run), targets }, { onSuccess });
  return { apply, isPending };
}
