import { useMirror } from '../../store/mirror-store';
import { isRunning } from './task-state';
import { findTaskTarget, type TargetClass, type TaskTarget } from './task-target';

/**
 * Once an operation ends its task leaves the object's current_operations, so the
 * object found while it ran is remembered (per pool and task; null when the task had
 * ended before it was first seen, so an ended task is not looked for again).
 */
const remembered = new Map<string, TaskTarget | null>();

export function useTaskTarget(poolId: string, taskRef: string): TaskTarget | undefined {
  const key = `${poolId} ${taskRef}`;
  const found = useMirror((state) => {
    const known = remembered.get(key);
    if (known !== undefined) return known ? `${known.cls} ${known.ref}` : '';
    const pool = state.pools[poolId];
    const task = pool?.objects.task?.[taskRef];
    if (!pool || !task) return '';
    const target = findTaskTarget(poolId, pool.objects, taskRef, task);
    if (target) remembered.set(key, target);
    else if (!isRunning(task)) remembered.set(key, null);
    return target ? `${target.cls} ${target.ref}` : '';
  });
  if (!found) return undefined;
  const [cls, ref] = found.split(' ');
  return { cls: cls as TargetClass, ref };
}
