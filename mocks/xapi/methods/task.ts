import { XapiFailure } from '../../sim/failure';
import type { CallContext, MethodTable } from '../registry';

export const taskMethods: MethodTable = {
  'task.cancel': ({ sim }: CallContext, task: string) => {
    sim.db.row('task', task);
    sim.tasks.cancel(task);
  },
  'task.create': ({ sim, session }: CallContext, label: string, description: string) =>
    sim.tasks.create(label, session, description),
  // Clients destroy the Async tasks they have finished with (xapi_task.ml). xapi defers
  // destroying a task still running; the simulator refuses (docs/sim-differences.md).
  'task.destroy': ({ sim }: CallContext, task: string) => {
    sim.db.row('task', task);
    if (sim.tasks.isPending(task)) throw new XapiFailure('OPERATION_NOT_ALLOWED', ['Task is still running']);
    sim.db.delete('task', task);
  },
};
