/**
 * Runs an action on one or many objects as one mutation, so a caller sees it pending
 * and every failure surfaces in one place (mutations keyed ['action'], which
 * ActionFailures lists). On several objects the action runs on all of them at once
 * and fails with every object that failed, not just the first.
 */
import { useMutation } from '@tanstack/react-query';
import type { ActionArgs, ActionTarget, ObjectAction } from './action';

export const ACTION_MUTATION_KEY = ['action'] as const;

export interface RunActionVariables {
  action: ObjectAction;
  targets: readonly ActionTarget[];
  args?: ActionArgs;
}

export interface TargetFailure {
  target: ActionTarget;
  error: unknown;
}

export class ActionFailure extends Error {
  constructor(readonly failures: readonly TargetFailure[]) {
    super(failures.map(({ target, error }) => `${target.ref}: ${String(error)}`).join('; '));
    this.name = 'ActionFailure';
  }
}

/** Every run starts at once; the transport sends their calls a few at a time (CallLimit). */
export async function runOnTargets({ action, targets, args = {} }: RunActionVariables): Promise<void> {
  const results = await Promise.allSettled(targets.map((target) => action.run(target.poolId, target.ref, args)));
  const failures = results.flatMap((result, i) =>
    result.status === 'rejected' ? [{ target: targets[i], error: result.reason as unknown }] : [],
  );
  if (failures.length > 0) throw new ActionFailure(failures);
}

export function useRunAction() {
  return useMutation({ mutationKey: ACTION_MUTATION_KEY, mutationFn: runOnTargets });
}
