/**
 * Server-side tasks as XAPI keeps them: pending → success | failure | cancelled,
 * progress moving over virtual time (each step is a `mod` event), `result` as the
 * XML-RPC text of the return value, `error_info` as [code, ...params].
 */
import type { VirtualClock } from './clock';
import { type Database, NULL_DATETIME, NULL_REF } from './db';
import { XapiFailure } from './failure';
import { xapiDatetime } from './time';

/** How often a running operation reports progress, in virtual ms. */
const PROGRESS_STEP_MS = 500;

interface Running {
  onCancel?: () => void;
}

export class TaskManager {
  private running = new Map<string, Running>();

  constructor(
    private readonly db: Database,
    private readonly clock: VirtualClock,
    private readonly hostRef: () => string,
  ) {}

  create(nameLabel: string, session: string, nameDescription = ''): string {
    return this.db.create('task', {
      name_label: nameLabel,
      name_description: nameDescription,
      created: xapiDatetime(this.clock.now()),
      finished: NULL_DATETIME,
      status: 'pending',
      resident_on: this.hostRef(),
      progress: 0,
      session,
      subtask_of: NULL_REF,
    } as Record<string, unknown>);
  }

  isPending(task: string): boolean {
    const t = this.db.find<{ status: string }>('task', task);
    return t?.status === 'pending' || t?.status === 'cancelling';
  }

  /**
   * Moves the task's progress from its current value to `to` over `durationMs`, then
   * resolves. While it runs the task can be cancelled (when `cancellable`): `onCancel`
   * undoes the operation and the promise rejects with TASK_CANCELLED.
   */
  progress(task: string, durationMs: number, to = 1, options: { cancellable?: boolean; onCancel?: () => void } = {}) {
    return new Promise<void>((resolve, reject) => {
      const from = this.db.get<{ progress: number }>('task', task).progress;
      const start = this.clock.now();
      const state: Running = {};
      if (options.cancellable) {
        state.onCancel = () => {
          this.clock.cancel(timer);
          options.onCancel?.();
          reject(new XapiFailure('TASK_CANCELLED', [task]));
        };
        this.db.update('task', task, { allowed_operations: ['cancel'] });
      }
      this.running.set(task, state);
      const step = () => {
        const elapsed = this.clock.now() - start;
        // Under a millisecond left counts as done: the clock runs on fractional
        // milliseconds, and an ever-smaller last step would never arrive.
        const fraction = durationMs - elapsed < 1 ? 1 : elapsed / durationMs;
        if (this.db.has('task', task)) this.db.update('task', task, { progress: round(from + (to - from) * fraction) });
        if (fraction >= 1) {
          this.running.delete(task);
          if (this.db.has('task', task)) this.db.update('task', task, { allowed_operations: [] });
          resolve();
        } else timer = this.clock.schedule(Math.min(PROGRESS_STEP_MS, durationMs - elapsed), step);
      };
      let timer = this.clock.schedule(Math.min(PROGRESS_STEP_MS, durationMs), step);
    });
  }

  /** task.cancel: only while the running step accepts it. */
  cancel(task: string): void {
    const state = this.running.get(task);
    if (!state?.onCancel) {
      throw new XapiFailure('OPERATION_NOT_ALLOWED', ['Task is not cancellable']);
    }
    this.db.update('task', task, { status: 'cancelling', allowed_operations: [] });
    this.running.delete(task);
    state.onCancel();
  }

  complete(task: string, resultXml: string): void {
    if (!this.db.has('task', task)) return;
    this.db.update('task', task, {
      status: 'success',
      progress: 1,
      result: resultXml,
      finished: xapiDatetime(this.clock.now()),
      allowed_operations: [],
    });
  }

  failed(task: string, error: XapiFailure): void {
    if (!this.db.has('task', task)) return;
    this.db.update('task', task, {
      status: error.code === 'TASK_CANCELLED' ? 'cancelled' : 'failure',
      progress: 1,
      error_info: [error.code, ...error.params],
      finished: xapiDatetime(this.clock.now()),
      allowed_operations: [],
    });
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;
