/**
 * The object a task works on. XAPI does not record it on the task; it records the task
 * on the object instead: while an operation runs, the object's current_operations maps
 * the task's ref to the operation. Clients that create tasks themselves may name the
 * object in other_config.applies_to (Xen Orchestra's convention), which is read first.
 */
import type { PoolMirror } from '../../store/mirror-store';
import type { XapiRecord } from '../../xapi/model/types';

export type TargetClass = 'VM' | 'host' | 'SR' | 'network' | 'pool' | 'VDI';
export interface TaskTarget {
  cls: TargetClass;
  ref: string;
}

const CLASSES: readonly TargetClass[] = ['VM', 'host', 'SR', 'VDI', 'network', 'pool'];

type Objects = PoolMirror['objects'];
type WithOperations = { current_operations: Record<string, string> };

export function findTaskTarget(
  objects: Objects,
  taskRef: string,
  task: XapiRecord<'task'> | undefined,
): TaskTarget | undefined {
  const named = task?.other_config.applies_to;
  if (named) {
    const cls = CLASSES.find((c) => objects[c]?.[named]);
    if (cls) return { cls, ref: named };
  }
  for (const cls of CLASSES) {
    const table = (objects[cls] ?? {}) as Readonly<Record<string, WithOperations>>;
    for (const [ref, record] of Object.entries(table)) {
      if (taskRef in record.current_operations) return { cls, ref };
    }
  }
  return undefined;
}
