/**
 * The VM actions of XenCenter's VM menu, in its order. Each is enabled from the VM's
 * allowed_operations (src/xapi/rules/vm-can.ts) and runs the Async form of its call.
 */
import { getConnection } from '../../store/connections';
import type { Ref, XapiRecord } from '../../xapi/model/types';
import type { Verdict } from '../../xapi/rules/verdict';
import { type VmContext, vmCan } from '../../xapi/rules/vm-can';
import type { ActionArgs, PoolObjects, VmAction } from './action';
import { awaitTask } from './await-task';

type Vm = XapiRecord<'VM'>;

const contextOf = (vm: Vm, objects: PoolObjects): VmContext => ({
  guestMetrics: objects.VM_guest_metrics?.[vm.guest_metrics],
});

/** Starts one Async call for the VM and waits for its task. */
type Start = (poolId: string, vm: Ref<'VM'>, args: ActionArgs) => Promise<Ref<'task'>>;

function vmAction(
  id: string,
  can: (vm: Vm, context: VmContext) => Verdict,
  start: Start,
  options: Partial<Pick<VmAction, 'input' | 'confirm' | 'bulk' | 'startsGroup'>> = {},
): VmAction {
  return {
    id,
    cls: 'VM',
    label: `vm.${id}`,
    input: options.input ?? 'none',
    confirm: options.confirm,
    bulk: options.bulk,
    startsGroup: options.startsGroup,
    can: (vm, objects) => can(vm, contextOf(vm, objects)),
    run: async (poolId, ref, args) => awaitTask(poolId, await start(poolId, ref as Ref<'VM'>, args)),
  };
}

const pool = (poolId: string) => getConnection(poolId);

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} was not chosen`);
  return value;
}

async function deleteVm(poolId: string, vm: Ref<'VM'>, args: ActionArgs): Promise<void> {
  await awaitTask(poolId, await pool(poolId).callAsync('VM.destroy', vm));
  // One at a time, as XenCenter does: a storage repository serialises them anyway.
  for (const disk of args.disks ?? []) await awaitTask(poolId, await pool(poolId).callAsync('VDI.destroy', disk));
}

export const vmActions: readonly VmAction[] = [
  vmAction('start', vmCan.start, (p, vm) => pool(p).callAsync('VM.start', vm, false, false), { bulk: true }),
  vmAction(
    'startOn',
    vmCan.startOn,
    (p, vm, args) => pool(p).callAsync('VM.start_on', vm, required(args.host, 'host'), false, false),
    { input: 'host' },
  ),
  vmAction('shutdown', vmCan.cleanShutdown, (p, vm) => pool(p).callAsync('VM.clean_shutdown', vm), {
    bulk: true,
    startsGroup: true,
  }),
  vmAction('forceShutdown', vmCan.hardShutdown, (p, vm) => pool(p).callAsync('VM.hard_shutdown', vm), {
    confirm: true,
    bulk: true,
  }),
  vmAction('reboot', vmCan.cleanReboot, (p, vm) => pool(p).callAsync('VM.clean_reboot', vm), { bulk: true }),
  vmAction('forceReboot', vmCan.hardReboot, (p, vm) => pool(p).callAsync('VM.hard_reboot', vm), { confirm: true }),
  vmAction('suspend', vmCan.suspend, (p, vm) => pool(p).callAsync('VM.suspend', vm), { bulk: true }),
  vmAction('resume', vmCan.resume, (p, vm) => pool(p).callAsync('VM.resume', vm, false, false), { bulk: true }),
  vmAction('pause', vmCan.pause, (p, vm) => pool(p).callAsync('VM.pause', vm)),
  vmAction('unpause', vmCan.unpause, (p, vm) => pool(p).callAsync('VM.unpause', vm)),
  vmAction(
    'migrate',
    vmCan.migrate,
    (p, vm, args) => pool(p).callAsync('VM.pool_migrate', vm, required(args.host, 'host'), {}),
    { input: 'host', bulk: true, startsGroup: true },
  ),
  vmAction('clone', vmCan.clone, (p, vm, args) => pool(p).callAsync('VM.clone', vm, required(args.name, 'name')), {
    input: 'name',
    startsGroup: true,
  }),
  vmAction(
    'copy',
    vmCan.copy,
    (p, vm, args) => pool(p).callAsync('VM.copy', vm, required(args.name, 'name'), required(args.sr, 'SR')),
    { input: 'name-and-sr' },
  ),
  vmAction(
    'snapshot',
    vmCan.snapshot,
    (p, vm, args) => pool(p).callAsync('VM.snapshot', vm, required(args.name, 'name')),
    { input: 'name' },
  ),
  {
    id: 'delete',
    cls: 'VM',
    label: 'vm.delete',
    input: 'delete-vm',
    confirm: true,
    startsGroup: true,
    can: (vm, objects) => vmCan.destroy(vm, contextOf(vm, objects)),
    run: (poolId, ref, args) => deleteVm(poolId, ref as Ref<'VM'>, args),
  },
];
