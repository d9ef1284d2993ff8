/**
 * Waits for an XAPI task to end, by watching the task in the mirror (the event stream
 * already brings every task change, so this adds no calls of its own). A failed task
 * becomes the XapiError its error_info names, as if the call itself had failed.
 */
import { getConnection } from '../../store/connections';
import { type PoolMirror, useMirror } from '../../store/mirror-store';
import type { Ref, XapiRecord } from '../../xapi/model/types';
import { XapiError } from '../../xapi/xapi-error';

type Task = XapiRecord<'task'>;
type Outcome = { done: true; error?: unknown } | { done: false };

function outcome(task: Task): Outcome {
  switch (task.status) {
    case 'success':
      return { done: true };
    case 'failure': {
      const [code = 'INTERNAL_ERROR', ...params] = task.error_info;
      return { done: true, error: new XapiError(code, params) };
    }
    case 'cancelled':
      return { done: true, error: new XapiError('TASK_CANCELLED', [task.uuid]) };
    default:
      return { done: false };
  }
}

/** The pool left the tree, or its session ended, before the task did. */
export class PoolGoneError extends Error {
  constructor(readonly poolId: string) {
    super(`the connection to ${poolId} ended before the task finished`);
    this.name = 'PoolGoneError';
  }
}

export function awaitTask(poolId: string, task: Ref<'task'>): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = false;
    const settle = (result: Outcome & { done: true }) => {
      unsubscribe();
      if (result.error) reject(result.error);
      else resolve();
    };
    const check = (pool: PoolMirror | undefined) => {
      if (!pool || pool.status === 'disconnected') return settle({ done: true, error: new PoolGoneError(poolId) });
      const record = pool.objects.task?.[task] as Task | undefined;
      if (record) {
        seen = true;
        const result = outcome(record);
        if (result.done) settle(result);
      } else if (seen) {
        // Someone destroyed the task as it ended (in the same batch): ask the pool how it ended.
        unsubscribe();
        void askPool(poolId, task).then(settle, () => settle({ done: true }));
      }
    };
    const unsubscribe = useMirror.subscribe((state, previous) => {
      if (state.pools[poolId] !== previous.pools[poolId]) check(state.pools[poolId]);
    });
    check(useMirror.getState().pools[poolId]);
  });
}

async function askPool(poolId: string, task: Ref<'task'>): Promise<Outcome & { done: true }> {
  const result = outcome(await getConnection(poolId).call('task.get_record', task));
  return result.done ? result : { done: true };
}
