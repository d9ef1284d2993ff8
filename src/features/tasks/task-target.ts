/**
 * The object a task works on. XAPI does not record it on the task; it records the task
 * on the object instead: while an operation runs, the object's current_operations maps
 * the task's ref to the operation. Clients that create tasks themselves may name the
 * object in other_config.applies_to (Xen Orchestra's convention), which is read first.
 */
import { changedRefs, type PoolMirror } from '../../store/mirror-store';
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
 * Task ref → object ref for one class of one pool. A batch that touches a class
 * replaces its table, and on a pool of thousands of VMs a batch touches a few hundred:
 * the index is carried over from the last table, redoing only the records that were
 * replaced, so hundreds of running tasks cost one identity check per VM per batch.
 */
interface Indexed {
  table: Table;
  size: number;
  byTask: ReadonlyMap<string, string>;
}

const indexes = new Map<string, Indexed>();

function indexFrom(table: Table): Indexed {
  const byTask = new Map<string, string>();
  let size = 0;
  for (const ref in table) {
    size++;
    for (const task in table[ref].current_operations) byTask.set(task, ref);
  }
  return { table, size, byTask };
}

/** The last index brought up to `table`: a copy where a record's operations changed, the same map where none did. */
function indexUpdated(last: Indexed, table: Table): Indexed {
  let byTask: Map<string, string> | undefined;
  const edit = () => {
    byTask ??= new Map(last.byTask);
    return byTask;
  };
  const redo = (ref: string) => {
    const before = last.table[ref];
    const after = table[ref];
    if (before === after) return;
    for (const task in before?.current_operations)
      if (!(after && task in after.current_operations)) edit().delete(task);
    for (const task in after?.current_operations)
      if (!before || !(task in before.current_operations)) edit().set(task, ref);
  };
  const changed = changedRefs(last.table, table);
  let size = 0;
  if (changed) {
    // The mirror knows which records the batches touched: only those are redone.
    size = last.size;
    for (const ref of changed) {
      size += Number(ref in table) - Number(ref in last.table);
      redo(ref);
    }
  } else {
    let kept = 0;
    for (const ref in table) {
      size++;
      if (ref in last.table) kept++;
      redo(ref);
    }
    if (kept < last.size) for (const ref in last.table) if (!(ref in table)) redo(ref);
  }
  return { table, size, byTask: byTask ?? last.byTask };
}

function operationsIndex(poolId: string, cls: TargetClass, table: Table): ReadonlyMap<string, string> {
  const key = `${poolId} ${cls}`;
  const last = indexes.get(key);
  if (last?.table === table) return last.byTask;
  const indexed = last ? indexUpdated(last, table) : indexFrom(table);
  indexes.set(key, indexed);
  return indexed.byTask;
}

export function findTaskTarget(
  poolId: string,
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
    const ref = table && operationsIndex(poolId, cls, table).get(taskRef);
    if (ref) return { cls, ref };
  }
  return undefined;
}
