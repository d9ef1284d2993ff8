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
type Table = Readonly<Record<string, { current_operations: Record<string, string> }>>;

/**
 * Task ref → object ref for one class table, built once per version of the table (a
 * batch that touches the class replaces it), so hundreds of running tasks on a pool of
 * thousands of VMs cost one pass per batch rather than one per task.
 */
const indexes = new WeakMap<Table, ReadonlyMap<string, string>>();

function operationsIndex(table: Table): ReadonlyMap<string, string> {
  let index = indexes.get(table);
  if (!index) {
    const built = new Map<string, string>();
    for (const [ref, record] of Object.entries(table)) {
      for (const task of Object.keys(record.current_operations)) built.set(task, ref);
    }
    indexes.set(table, built);
    index = built;
  }
  return index;
}

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
    const table = objects[cls] as Table | undefined;
    const ref = table && operationsIndex(table).get(taskRef);
    if (ref) return { cls, ref };
  }
  return undefined;
}
