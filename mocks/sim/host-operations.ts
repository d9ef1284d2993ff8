/**
 * Which operations a host allows right now: xen-api's valid_operations and
 * with_host_operation (ocaml/xapi/xapi_host_helpers.ml) as pure functions over the
 * database. VM placement records vm_start / vm_resume / vm_migrate here too, so a host
 * being evacuated or shut down refuses VMs arriving.
 */
import type { XapiEnum, XapiRecord } from '../../src/xapi/model/types';
import { retryWhileBusy } from './busy-retry';
import type { Database } from './db';
import { type OperationError, opError, raise } from './operation-error';
import type { Simulator } from './simulator';

export type HostOperation = XapiEnum<'host_allowed_operations'>;
type Host = XapiRecord<'host'>;

/** Operations that bring VMs to the host and those that take them away exclude each other. */
const CREATING: HostOperation[] = ['provision', 'vm_resume', 'vm_migrate'];
const REMOVING: HostOperation[] = ['evacuate', 'reboot', 'shutdown'];
/** While the key runs, the listed operations are refused. */
const EXCLUSIONS: [HostOperation, HostOperation[]][] = [
  ['reboot', ['shutdown', 'apply_updates']],
  ['shutdown', ['reboot', 'apply_updates']],
  ['apply_updates', ['reboot', 'shutdown', 'enable']],
  // One provision at a time per host, to spare dom0 (xapi_host_helpers.ml).
  ['provision', ['provision']],
];

/** valid_operations: the first error each operation would get, undefined where it is allowed. */
export function hostOperationErrors(db: Database, ref: string): Map<HostOperation, OperationError | undefined> {
  const host = db.get<Host>('host', ref);
  const all = db.schema.enums.host_allowed_operations as HostOperation[];
  const errors = new Map<HostOperation, OperationError | undefined>(all.map((op) => [op, undefined]));
  const setError = (error: OperationError, ops: HostOperation[]) => {
    for (const op of ops) if (!errors.get(op)) errors.set(op, error);
  };
  const current = Object.entries(host.current_operations);
  const creating = current.find(([, op]) => CREATING.includes(op));
  const removing = current.find(([, op]) => REMOVING.includes(op));
  for (const op of all) {
    if (op === 'power_on') continue;
    const conflict = CREATING.includes(op) ? removing : REMOVING.includes(op) ? creating : undefined;
    if (conflict) setError(opError('OTHER_OPERATION_IN_PROGRESS', 'host', ref, conflict[1], conflict[0]), [op]);
  }
  for (const [running, refused] of EXCLUSIONS) {
    const entry = current.find(([, op]) => op === running);
    if (entry) setError(opError('OTHER_OPERATION_IN_PROGRESS', 'host', ref, running, entry[0]), refused);
  }
  if (host.enabled) setError(opError('HOST_NOT_DISABLED'), ['reboot', 'shutdown', 'apply_updates']);
  if (db.find<XapiRecord<'host_metrics'>>('host_metrics', host.metrics)?.live) {
    setError(opError('HOST_IS_LIVE', ref), ['power_on']);
  }
  if (host.power_on_mode === '') setError(opError('HOST_POWER_ON_MODE_DISABLED'), ['power_on']);
  return errors;
}

export function hostOperationError(db: Database, host: string, op: HostOperation): OperationError | undefined {
  return hostOperationErrors(db, host).get(op);
}

export function assertHostOperationValid(db: Database, host: string, op: HostOperation): void {
  raise(hostOperationError(db, host, op));
}

export function computeHostAllowedOperations(db: Database, host: string): HostOperation[] {
  return [...hostOperationErrors(db, host)].filter(([, error]) => !error).map(([op]) => op);
}

export function updateHostAllowedOperations(db: Database, host: string): void {
  if (!db.has('host', host)) return;
  const allowed = computeHostAllowedOperations(db, host);
  const current = db.get<Host>('host', host).allowed_operations;
  if (allowed.length !== current.length || allowed.some((op, i) => op !== current[i])) {
    db.update('host', host, { allowed_operations: allowed });
  }
}

/** Records task → op on the host (after checking it is valid) and recomputes allowed_operations. */
export function addHostOperation(db: Database, host: string, task: string, op: HostOperation): void {
  assertHostOperationValid(db, host, op);
  db.update('host', host, { current_operations: { ...db.get<Host>('host', host).current_operations, [task]: op } });
  updateHostAllowedOperations(db, host);
}

export function removeHostOperation(db: Database, host: string, task: string): void {
  if (!db.has('host', host)) return;
  const { [task]: _done, ...rest } = db.get<Host>('host', host).current_operations;
  db.update('host', host, { current_operations: rest });
  updateHostAllowedOperations(db, host);
}

/**
 * with_host_operation: waits out conflicting operations (retry_with_global_lock), then
 * the operation shows in current_operations for as long as `work` runs.
 */
export async function withHostOperation<T>(
  sim: Simulator,
  host: string,
  task: string,
  op: HostOperation,
  work: () => Promise<T> | T,
): Promise<T> {
  await retryWhileBusy(sim, task, () => hostOperationError(sim.db, host, op));
  addHostOperation(sim.db, host, task, op);
  try {
    return await work();
  } finally {
    removeHostOperation(sim.db, host, task);
  }
}
