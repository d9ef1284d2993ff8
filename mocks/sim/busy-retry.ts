/**
 * Helpers.retry_with_global_lock (ocaml/xapi/helpers.ml): xen-api treats
 * OTHER_OPERATION_IN_PROGRESS as transient when it starts an operation. The call waits
 * a random 1–20 s (its task cancellable meanwhile) and checks again, for up to two
 * hours, so a client sees it queue behind the running operation rather than fail.
 */
import { type OperationError, raise } from './operation-error';
import type { Simulator } from './simulator';

/** Repeat_with_uniform_backoff.standard, in virtual ms. */
const MIN_DELAY_MS = 1_000;
const MAX_DELAY_MS = 20_000;
const MAX_TOTAL_WAIT_MS = 2 * 3_600_000;

export async function retryWhileBusy(
  sim: Simulator,
  task: string,
  check: () => OperationError | undefined,
): Promise<void> {
  let waited = 0;
  for (;;) {
    const error = check();
    if (!error) return;
    if (error[0] !== 'OTHER_OPERATION_IN_PROGRESS' || waited >= MAX_TOTAL_WAIT_MS) raise(error);
    // Whole milliseconds: a fractional duration can leave tasks.progress a step too small for the clock to pass.
    const delay = Math.round(MIN_DELAY_MS + (MAX_DELAY_MS - MIN_DELAY_MS) * sim.random.next());
    const { progress } = sim.db.get<{ progress: number }>('task', task);
    await sim.tasks.progress(task, delay, progress, { cancellable: true });
    waited += delay;
  }
}
