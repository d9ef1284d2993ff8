/**
 * VM lifecycle messages. Each first looks up the objects it names (a missing one is
 * HANDLE_INVALID, as xen-api's logging of their uuids makes it), then runs the
 * simulator's operation under the call's task.
 */
import { XapiFailure } from '../../sim/failure';
import { withInternalTask } from '../../sim/internal-tasks';
import { type MemoryFields, vmMemoryOverhead } from '../../sim/memory';
import { assertCanBootHere, possibleHosts } from '../../sim/placement';
import type { Simulator } from '../../sim/simulator';
import { checkpointVm, cloneVm, copyVmToSr, snapshotVm } from '../../sim/vm-clone';
import {
  cleanRebootVm,
  cleanShutdownVm,
  hardRebootVm,
  hardShutdownVm,
  pauseVm,
  poolMigrateVm,
  resumeVm,
  shutdownVm,
  startVm,
  suspendVm,
  unpauseVm,
} from '../../sim/vm-lifecycle';
import { assertVmOperationValid, updateVmAllowedOperations, type VmOperation } from '../../sim/vm-operations';
import { destroyVm, provisionVm, setIsATemplate } from '../../sim/vm-records';
import { revertVm } from '../../sim/vm-revert';
import type { CallContext, MethodTable } from '../registry';

/** The task a message that can run asynchronously always gets from dispatch. */
export function taskOf(ctx: CallContext): string {
  if (!ctx.task) throw new XapiFailure('INTERNAL_ERROR', [`${ctx.method} ran without a task`]);
  return ctx.task;
}

export function vmRef(sim: Simulator, vm: string): string {
  sim.db.row('VM', vm);
  return vm;
}

export function hostRef(sim: Simulator, host: string): string {
  sim.db.row('host', host);
  return host;
}

type Run = (sim: Simulator, task: string, vm: string) => Promise<unknown>;
const onVm = (run: Run) => (ctx: CallContext, vm: string) => run(ctx.sim, taskOf(ctx), vmRef(ctx.sim, vm));

/** Blocking an operation changes what the VM allows, so xen-api recomputes it (message_forwarding.ml). */
function setBlocked(sim: Simulator, vm: string, change: (blocked: Record<string, string>) => Record<string, string>) {
  const { blocked_operations } = sim.db.get<{ blocked_operations: Record<string, string> }>('VM', vmRef(sim, vm));
  sim.db.update('VM', vm, { blocked_operations: change({ ...blocked_operations }) });
  updateVmAllowedOperations(sim.db, vm);
}

export const vmMethods: MethodTable = {
  'VM.start': (ctx: CallContext, vm: string, paused: boolean, force: boolean) =>
    startVm(ctx.sim, taskOf(ctx), vmRef(ctx.sim, vm), { paused, force }),
  'VM.start_on': (ctx: CallContext, vm: string, host: string, paused: boolean, force: boolean) =>
    startVm(ctx.sim, taskOf(ctx), vmRef(ctx.sim, vm), { paused, force }, hostRef(ctx.sim, host)),
  'VM.clean_shutdown': onVm(cleanShutdownVm),
  'VM.hard_shutdown': onVm(hardShutdownVm),
  'VM.shutdown': onVm(shutdownVm),
  'VM.clean_reboot': onVm(cleanRebootVm),
  'VM.hard_reboot': onVm(hardRebootVm),
  'VM.suspend': onVm(suspendVm),
  'VM.resume': (ctx: CallContext, vm: string, paused: boolean, force: boolean) =>
    resumeVm(ctx.sim, taskOf(ctx), vmRef(ctx.sim, vm), { paused, force }),
  'VM.resume_on': (ctx: CallContext, vm: string, host: string, paused: boolean, force: boolean) =>
    resumeVm(ctx.sim, taskOf(ctx), vmRef(ctx.sim, vm), { paused, force }, hostRef(ctx.sim, host)),
  'VM.pause': onVm(pauseVm),
  'VM.unpause': onVm(unpauseVm),
  'VM.pool_migrate': (ctx: CallContext, vm: string, host: string, options: Record<string, string>) =>
    poolMigrateVm(ctx.sim, taskOf(ctx), vmRef(ctx.sim, vm), hostRef(ctx.sim, host), options),
  'VM.clone': (ctx: CallContext, vm: string, name: string) => cloneVm(ctx.sim, taskOf(ctx), vmRef(ctx.sim, vm), name),
  'VM.copy': (ctx: CallContext, vm: string, name: string, sr: string) =>
    copyVmToSr(ctx.sim, taskOf(ctx), vmRef(ctx.sim, vm), name, sr),
  'VM.snapshot': (ctx: CallContext, vm: string, name: string, ignoreVdis: string[] = []) =>
    snapshotVm(ctx.sim, taskOf(ctx), vmRef(ctx.sim, vm), name, ignoreVdis),
  'VM.checkpoint': (ctx: CallContext, vm: string, name: string) =>
    checkpointVm(ctx.sim, taskOf(ctx), vmRef(ctx.sim, vm), name),
  'VM.revert': onVm(revertVm),
  'VM.destroy': onVm(destroyVm),
  'VM.provision': onVm(provisionVm),
  // A plain setter in the datamodel, so it has no task of its own: xen-api still runs it under one.
  'VM.set_is_a_template': ({ sim, session, method }: CallContext, vm: string, value: boolean) =>
    withInternalTask(sim, method, session, (task) => setIsATemplate(sim, task, vmRef(sim, vm), value)),
  'VM.assert_can_boot_here': ({ sim }: CallContext, vm: string, host: string) =>
    assertCanBootHere(sim.db, vmRef(sim, vm), hostRef(sim, host)),
  'VM.get_possible_hosts': ({ sim }: CallContext, vm: string) => possibleHosts(sim.db, vmRef(sim, vm)),
  'VM.compute_memory_overhead': ({ sim }: CallContext, vm: string) =>
    vmMemoryOverhead(sim.db.get<MemoryFields>('VM', vmRef(sim, vm))),
  'VM.assert_operation_valid': ({ sim }: CallContext, vm: string, op: VmOperation) =>
    assertVmOperationValid(sim.db, vmRef(sim, vm), op),
  'VM.update_allowed_operations': ({ sim }: CallContext, vm: string) =>
    updateVmAllowedOperations(sim.db, vmRef(sim, vm)),
  'VM.set_blocked_operations': ({ sim }: CallContext, vm: string, value: Record<string, string>) =>
    setBlocked(sim, vm, () => value),
  'VM.add_to_blocked_operations': ({ sim }: CallContext, vm: string, key: VmOperation, value: string) =>
    setBlocked(sim, vm, (blocked) => {
      if (key in blocked) throw new XapiFailure('MAP_DUPLICATE_KEY', ['VM', 'blocked_operations', vm, key]);
      return { ...blocked, [key]: value };
    }),
  'VM.remove_from_blocked_operations': ({ sim }: CallContext, vm: string, key: VmOperation) =>
    setBlocked(sim, vm, ({ [key]: _removed, ...rest }) => rest),
};
