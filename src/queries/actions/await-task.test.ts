import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mirror, useMirror } from '../../store/mirror-store';
import type { Ref, XapiEvent } from '../../xapi/model/types';
import { XapiError } from '../../xapi/xapi-error';
import { awaitTask, PoolGoneError } from './await-task';

const POOL = 'sim-demo';
const TASK = 'OpaqueRef:task-1' as Ref<'task'>;

const taskEvent = (fields: Record<string, unknown>): XapiEvent => ({
  id: '1',
  timestamp: '0',
  class: 'task',
  operation: 'mod',
  ref: TASK,
  snapshot: { uuid: 'task-uuid', status: 'pending', error_info: [], ...fields },
});

beforeEach(() => {
  mirror.addPool(POOL, 'Simulator (demo)');
  mirror.loadClass(POOL, 'task', {});
});
afterEach(() => {
  for (const id of useMirror.getState().order) mirror.removePool(id);
});

describe('awaitTask', () => {
  it('resolves when the event stream brings the task to success', async () => {
    const done = awaitTask(POOL, TASK);
    mirror.applyEvents(POOL, [taskEvent({ status: 'pending' })]);
    mirror.applyEvents(POOL, [taskEvent({ status: 'success' })]);
    await expect(done).resolves.toBeUndefined();
  });

  it('rejects with the XapiError the failed task names', async () => {
    const done = awaitTask(POOL, TASK);
    mirror.applyEvents(POOL, [
      taskEvent({ status: 'failure', error_info: ['HOST_NOT_ENOUGH_FREE_MEMORY', '412316860416', '0'] }),
    ]);
    await expect(done).rejects.toEqual(new XapiError('HOST_NOT_ENOUGH_FREE_MEMORY', ['412316860416', '0']));
  });

  it('reads a task that had already ended when asked', async () => {
    mirror.applyEvents(POOL, [taskEvent({ status: 'cancelled' })]);
    await expect(awaitTask(POOL, TASK)).rejects.toMatchObject({ code: 'TASK_CANCELLED' });
  });

  it('gives up when the pool goes away first', async () => {
    const done = awaitTask(POOL, TASK);
    mirror.markDisconnected(POOL);
    await expect(done).rejects.toBeInstanceOf(PoolGoneError);
  });
});
