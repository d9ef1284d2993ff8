import type { CallContext, MethodTable } from '../registry';

export const taskMethods: MethodTable = {
  'task.cancel': ({ sim }: CallContext, task: string) => {
    sim.db.row('task', task);
    sim.tasks.cancel(task);
  },
  'task.create': ({ sim, session }: CallContext, label: string, description: string) =>
    sim.tasks.create(label, session, description),
};
