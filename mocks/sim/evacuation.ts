/**
 * Host evacuation as ocaml/xapi/xapi_host.ml plans and runs it
 * (compute_evacuation_plan_no_wlb, evacuate): every running guest on the host needs a
 * destination among the other enabled hosts; any VM without one stops the whole
 * evacuation with its error, raised as it is. Migrations then run a batch at a time.
 * Evacuating does not disable the host.
 */
import type { XapiRecord } from '../../src/xapi/model/types';
import { type Database, NULL_REF } from './db';
import { XapiFailure } from './failure';
import { withHostOperation } from './host-operations';
import { sessionOfTask, withInternalTask } from './internal-tasks';
import { hostFreeMemory, type MemoryFields, vmFootprint } from './memory';
import { type OperationError, opErrorAsSent, raise, toFailure } from './operation-error';
import { bootHereError } from './placement';
import type { Simulator } from './simulator';
import { poolMigrateVm } from './vm-lifecycle';
import { vmOperationError } from './vm-operations';

type Vm = XapiRecord<'VM'>;

/** Xapi_globs.evacuation_batch_size: migrations in flight at once unless the caller says otherwise. */
const DEFAULT_BATCH_SIZE = 10;

export type EvacuationPlan = Map<string, { host: string } | { error: OperationError }>;

function residentGuests(db: Database, host: string): string[] {
  return db.get<XapiRecord<'host'>>('host', host).resident_VMs.filter((vm) => !db.get<Vm>('VM', vm).is_control_domain);
}

/**
 * The memory binpack (Xapi_ha_vm_failover.compute_evacuation_plan): largest VMs first,
 * each to the target with the most free memory left; those that fit nowhere are left out.
 */
function binpack(db: Database, vms: string[], targets: string[]): Map<string, string> {
  const free = new Map(targets.map((h) => [h, hostFreeMemory(db, h)]));
  const size = (vm: string) => vmFootprint(db.get<MemoryFields>('VM', vm));
  const placed = new Map<string, string>();
  for (const vm of [...vms].sort((a, b) => size(b) - size(a))) {
    const [best] = [...free].sort((a, b) => b[1] - a[1]);
    if (!best || best[1] < size(vm)) continue;
    placed.set(vm, best[0]);
    free.set(best[0], best[1] - size(vm));
  }
  return placed;
}

/**
 * compute_evacuation_plan_no_wlb, in its order: a VM that cannot boot on every target
 * gets that error; any VM that could not pool_migrate gets that one instead; one the
 * binpack could not place gets HOST_NOT_ENOUGH_FREE_MEMORY [vm]; a placed one is checked
 * again against its target. Errors name the VM as xen-api does, whatever the datamodel says.
 */
export function evacuationPlan(db: Database, host: string): EvacuationPlan {
  const targets = db.refs('host').filter((h) => h !== host && db.get<XapiRecord<'host'>>('host', h).enabled);
  const guests = residentGuests(db, host);
  const plan: EvacuationPlan = new Map();
  if (targets.length === 0) {
    for (const vm of guests) plan.set(vm, { error: opErrorAsSent('NO_HOSTS_AVAILABLE', vm) });
    return plan;
  }
  const migratable = guests.filter((vm) => {
    for (const target of targets) {
      const error = bootHereError(db, vm, target, { memory: false });
      if (error) {
        plan.set(vm, { error });
        return false;
      }
    }
    return true;
  });
  for (const vm of guests) {
    const error = vmOperationError(db, vm, 'pool_migrate', true);
    if (error) plan.set(vm, { error });
  }
  const placed = binpack(db, migratable, targets);
  for (const vm of migratable) {
    const target = placed.get(vm);
    if (!target) plan.set(vm, { error: opErrorAsSent('HOST_NOT_ENOUGH_FREE_MEMORY', vm) });
    else {
      const error = bootHereError(db, vm, target, { memory: false });
      if (error) plan.set(vm, { error });
      else if (!plan.has(vm)) plan.set(vm, { host: target });
    }
  }
  return plan;
}

/** host.get_vms_which_prevent_evacuation: VM → [code, ...params]. */
export function vmsPreventingEvacuation(db: Database, host: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [vm, entry] of evacuationPlan(db, host)) if ('error' in entry) out.set(vm, [...entry.error]);
  return out;
}

/** host.assert_can_evacuate: the Miami-style error, every problem as "code,params" joined by "|". */
export function assertCanEvacuate(db: Database, host: string): void {
  const errors = [...vmsPreventingEvacuation(db, host).values()].map((e) => e.join(','));
  if (errors.length > 0) raise(opErrorAsSent('CANNOT_EVACUATE_HOST', errors.join('|')));
}

/** Runs `jobs` with at most `limit` in flight, starting the next as soon as one ends. */
async function inBatches(jobs: (() => Promise<void>)[], limit: number): Promise<void> {
  const queue = [...jobs];
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) await job();
  };
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, worker));
}

/**
 * host.evacuate: refuses with the first planning error; otherwise each VM goes by
 * Async.VM.pool_migrate (a task of its own), progress counting finished migrations. A
 * VM that stopped running meanwhile (VM_BAD_POWER_STATE) is no failure.
 */
export async function evacuateHost(
  sim: Simulator,
  task: string,
  host: string,
  network: string,
  batchSize: number,
): Promise<void> {
  const db = sim.db;
  await withHostOperation(sim, host, task, 'evacuate', async () => {
    const plan = evacuationPlan(db, host);
    for (const entry of plan.values()) if ('error' in entry) raise(entry.error);
    const options: Record<string, string> = network === NULL_REF ? { live: 'true' } : { network, live: 'true' };
    const session = sessionOfTask(sim, task);
    let done = 0;
    let failure: XapiFailure | undefined;
    const jobs = [...plan].map(([vm, entry]) => async () => {
      if (!('host' in entry) || failure) return;
      try {
        await withInternalTask(sim, 'Async.VM.pool_migrate', session, (t) =>
          poolMigrateVm(sim, t, vm, entry.host, options),
        );
      } catch (error) {
        if (!(error instanceof XapiFailure) || error.code !== 'VM_BAD_POWER_STATE') failure ??= asFailure(error);
      }
      done++;
      if (db.has('task', task)) db.update('task', task, { progress: Math.round((done / plan.size) * 1000) / 1000 });
    });
    await inBatches(jobs, batchSize > 0 ? batchSize : DEFAULT_BATCH_SIZE);
    if (failure) throw failure;
    const left = residentGuests(db, host).length;
    if (left > 0)
      throw toFailure(opErrorAsSent('INTERNAL_ERROR', `evacuate: ${left} VMs are still resident on ${host}`));
  });
}

function asFailure(error: unknown): XapiFailure {
  return error instanceof XapiFailure ? error : new XapiFailure('INTERNAL_ERROR', [String(error)]);
}
