/**
 * Calls xapi makes to itself (Helpers.call_api_functions): each runs under a task of
 * its own, in the caller's session, that exists while it runs and is destroyed after.
 */
import { NULL_REF } from './db';
import type { Simulator } from './simulator';

export function sessionOfTask(sim: Simulator, task: string): string {
  return sim.db.find<{ session: string }>('task', task)?.session ?? NULL_REF;
}

export async function withInternalTask<T>(
  sim: Simulator,
  label: string,
  session: string,
  work: (task: string) => Promise<T>,
): Promise<T> {
  const task = sim.tasks.create(label, session);
  try {
    return await work(task);
  } finally {
    if (sim.db.has('task', task)) sim.db.delete('task', task);
  }
}
