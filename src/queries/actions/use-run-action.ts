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

/**
 * How many runs start per turn of the event loop. Starting hundreds of calls in one
 * go holds the page for a frame far too long; a few per turn keeps it drawing while
 * a bulk action starts, and they still all run at once.
 */
const STARTS_PER_TURN = 16;
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

export async function runOnTargets({ action, targets, args = {} }: RunActionVariables): Promise<void> {
  const runs: Promise<void>[] = [];
  for (const [i, target] of targets.entries()) {
    if (i > 0 && i % STARTS_PER_TURN === 0) await nextTurn();
    runs.push(action.run(target.poolId, target.ref, args));
  }
  const results = await Promise.allSettled(runs);
  const failures = results.flatMap((result, i) =>
    result.status === 'rejected' ? [{ target: targets[i], error: result.reason as unknown }] : [],
  );
  if (failures.length > 0) throw new ActionFailure(failures);
}

export function useRunAction() {
  return useMutation({ mutationKey: ACTION_MUTATION_KEY, mutationFn: runOnTargets });
}
