/**
 * Which operations a VM allows right now and the error a refused one gets: XAPI's
 * check_operation_error and update_allowed_operations (ocaml/xapi/xapi_vm_lifecycle.ml)
 * as pure functions over the database, plus with_vm_operation
 * (ocaml/xapi/xapi_vm_helpers.ml), which brackets every lifecycle call with
 * current_operations and allowed_operations updates.
 */
import type { XapiEnum, XapiRecord } from '../../src/xapi/model/types';
import { retryWhileBusy } from './busy-retry';
import { type Database, NULL_REF } from './db';
import { type OperationError, opError, opErrorAsSent, raise } from './operation-error';
import type { Simulator } from './simulator';

export type VmOperation = XapiEnum<'vm_operations'>;
export type PowerState = XapiEnum<'vm_power_state'>;
type Vm = XapiRecord<'VM'>;
type VmMetrics = XapiRecord<'VM_metrics'>;
type GuestMetrics = XapiRecord<'VM_guest_metrics'>;

const ALL_POWER_STATES: PowerState[] = ['Halted', 'Paused', 'Suspended', 'Running'];

/** Xapi_vm_lifecycle.allowed_power_states, in xen-api's order (it shows in VM_BAD_POWER_STATE). */
export function allowedPowerStates(vm: Vm, op: VmOperation, cloneSuspendedEnabled: boolean): PowerState[] {
  switch (op) {
    case 'import':
      return [];
    case 'changing_VCPUs':
    case 'changing_static_range':
    case 'changing_memory_limits':
      return vm.is_control_domain ? ['Halted', 'Running'] : ['Halted'];
    case 'changing_shadow_memory':
    case 'changing_NVRAM':
    case 'make_into_template':
    case 'provision':
    case 'start':
    case 'start_on':
    case 'create_vtpm':
      return ['Halted'];
    case 'unpause':
      return ['Paused'];
    case 'csvm':
    case 'resume':
    case 'resume_on':
      return ['Suspended'];
    case 'awaiting_memory_live':
    case 'call_plugin':
    case 'clean_reboot':
    case 'clean_shutdown':
    case 'changing_memory_live':
    case 'changing_shadow_memory_live':
    case 'changing_VCPUs_live':
    case 'data_source_op':
    case 'pause':
    case 'pool_migrate':
    case 'send_sysrq':
    case 'send_trigger':
    case 'snapshot_with_quiesce':
    case 'sysprep':
    case 'suspend':
      return ['Running'];
    case 'changing_dynamic_range':
      return ['Halted', 'Running'];
    case 'clone':
    case 'copy':
      return vm.is_a_snapshot || cloneSuspendedEnabled ? ['Halted', 'Suspended'] : ['Halted'];
    case 'create_template':
    case 'destroy':
    case 'export':
      return ['Halted', 'Suspended'];
    case 'hard_reboot':
      return ['Paused', 'Running'];
    case 'checkpoint':
    case 'get_boot_record':
    case 'shutdown':
    case 'hard_shutdown':
      return ['Paused', 'Suspended', 'Running'];
    case 'migrate_send':
      return ['Halted', 'Suspended', 'Running'];
    case 'assert_operation_valid':
    case 'metadata_export':
    case 'power_state_reset':
    case 'revert':
    case 'reverting':
    case 'snapshot':
    case 'update_allowed_operations':
    case 'query_services':
      return ALL_POWER_STATES;
  }
}

/** Sets of operations that may run together (is_allowed_concurrently). */
const OVERLAPPING: VmOperation[][] = [['clone', 'copy', 'export'], ['snapshot', 'checkpoint'], ['get_boot_record']];
/** [operations in progress, operation that may start during exactly those]. */
const TRANSITIONS: [VmOperation[], VmOperation][] = [
  [['snapshot_with_quiesce'], 'snapshot'],
  [['migrate_send'], 'metadata_export'],
  [['migrate_send'], 'clean_shutdown'],
  [['migrate_send'], 'clean_reboot'],
];

function allowedConcurrently(op: VmOperation, current: VmOperation[]): boolean {
  if (op === 'hard_shutdown') return !current.includes(op);
  if (op === 'hard_reboot') return !current.some((o) => o === 'hard_shutdown' || o === 'hard_reboot');
  if (OVERLAPPING.some((set) => set.includes(op) && current.every((o) => set.includes(o)))) return true;
  return TRANSITIONS.some(
    ([state, next]) => next === op && state.length === current.length && state.every((o, i) => o === current[i]),
  );
}

/** Operations templates allow (check_template); destroy and migrate_send only on non-default ones. */
const TEMPLATE_OPERATIONS: VmOperation[] = [
  'changing_dynamic_range',
  'changing_static_range',
  'changing_memory_limits',
  'changing_shadow_memory',
  'changing_VCPUs',
  'changing_NVRAM',
  'clone',
  'copy',
  'export',
  'metadata_export',
  'provision',
];
const SNAPSHOT_OPERATIONS: VmOperation[] = [
  'revert',
  'clone',
  'copy',
  'export',
  'destroy',
  'hard_shutdown',
  'metadata_export',
];
const CONTROL_DOMAIN_OPERATIONS: VmOperation[] = [
  'data_source_op',
  'changing_memory_live',
  'awaiting_memory_live',
  'metadata_export',
  'changing_dynamic_range',
  'changing_memory_limits',
  'changing_static_range',
  'start',
  'start_on',
  'changing_VCPUs',
  'destroy',
];
const SUSPEND_LIKE: VmOperation[] = ['suspend', 'checkpoint', 'pool_migrate', 'migrate_send'];

/** Operations update_allowed_operations never offers (Xapi_vm_lifecycle.ignored_ops). */
const IGNORED_OPERATIONS = new Set<VmOperation>([
  'create_template',
  'power_state_reset',
  'csvm',
  'get_boot_record',
  'send_sysrq',
  'send_trigger',
  'query_services',
  'shutdown',
  'call_plugin',
  'changing_memory_live',
  'awaiting_memory_live',
  'changing_memory_limits',
  'changing_shadow_memory_live',
  'changing_VCPUs',
  'assert_operation_valid',
  'data_source_op',
  'update_allowed_operations',
  'import',
  'reverting',
]);

/** "1"/"true" (any case) as xen-api's bool_of_assoc and Vm_platform.is_true read them. */
export function isTrue(value: string | undefined): boolean {
  return value !== undefined && (value === '1' || value.toLowerCase() === 'true');
}

/** A template counts as a default one by its flag or its other_config key (check_template). */
export function isDefaultTemplate(vm: Vm): boolean {
  return vm.is_default_template || isTrue(vm.other_config.default_template);
}

/** Everything check_operation_error reads, gathered once per VM as xen-api does. */
interface VmContext {
  ref: string;
  vm: Vm;
  metrics: VmMetrics | undefined;
  guest: GuestMetrics | undefined;
  isDomainZero: boolean;
  cloneSuspendedEnabled: boolean;
  /** For each disk: [on_boot=reset, caching]. */
  diskModes: [boolean, boolean][];
}

function vmContext(db: Database, ref: string): VmContext {
  const vm = db.get<Vm>('VM', ref);
  const [pool] = db.refs('pool');
  const poolConfig = pool ? db.get<XapiRecord<'pool'>>('pool', pool).other_config : {};
  const diskModes: [boolean, boolean][] = [];
  for (const vbd of vm.VBDs) {
    const vdi = db.find<XapiRecord<'VBD'>>('VBD', vbd)?.VDI;
    const smConfig = vdi ? db.find<XapiRecord<'VDI'>>('VDI', vdi)?.sm_config : undefined;
    if (smConfig) diskModes.push([smConfig.on_boot === 'reset', isTrue(smConfig.caching)]);
  }
  const host = db.find<XapiRecord<'host'>>('host', vm.resident_on);
  return {
    ref,
    vm,
    metrics: db.find<VmMetrics>('VM_metrics', vm.metrics),
    guest: db.find<GuestMetrics>('VM_guest_metrics', vm.guest_metrics),
    isDomainZero: vm.is_control_domain && host?.control_domain === ref,
    cloneSuspendedEnabled: poolConfig.allow_clone_suspended_vm === 'true',
    diskModes,
  };
}

const isLive = (vm: Vm) => vm.power_state === 'Running' || vm.power_state === 'Paused';

/** Xapi_pv_driver_version.has_pv_drivers: major and minor (and micro, build if present) are integers. */
function hasPvDrivers(guest: GuestMetrics | undefined): boolean {
  if (!guest) return false;
  const version = guest.PV_drivers_version;
  const integer = (v: string | undefined) => v !== undefined && /^[+-]?\d+$/.test(v);
  const optional = (v: string | undefined) => v === undefined || integer(v);
  return integer(version.major) && integer(version.minor) && optional(version.micro) && optional(version.build);
}

/** check_op_for_feature: what a live HVM guest must advertise before the operation is offered. */
function featureError(c: VmContext, op: VmOperation, strict: boolean): OperationError | undefined {
  const live = isLive(c.vm);
  const bootedPv = ['pv', 'pvh', 'pv_in_pvh'].includes(c.metrics?.current_domain_type ?? 'unspecified');
  const implicitSupport = !live || bootedPv || hasPvDrivers(c.guest);
  const lacks = (feature: string) => c.guest?.other[feature] !== '1';
  if (live && SUSPEND_LIKE.includes(op)) {
    const reason = c.guest?.other['data-cant-suspend-reason'];
    if (reason !== undefined) return opError('VM_NON_SUSPENDABLE', c.ref, reason);
    if (!implicitSupport && strict && lacks('feature-suspend')) return opError('VM_LACKS_FEATURE', c.ref);
    return undefined;
  }
  if (implicitSupport) return undefined;
  if (op === 'clean_shutdown' && strict && lacks('feature-shutdown') && lacks('feature-poweroff')) {
    return opError('VM_LACKS_FEATURE', c.ref);
  }
  if (op === 'clean_reboot' && strict && lacks('feature-shutdown') && lacks('feature-reboot')) {
    return opError('VM_LACKS_FEATURE', c.ref);
  }
  if (op === 'changing_VCPUs_live' && lacks('feature-vcpu-hotplug')) return opError('VM_LACKS_FEATURE', c.ref);
  return undefined;
}

/** Whether the guest acts on a clean shutdown request: what VM.shutdown tries before a hard one. */
export function guestHandlesCleanShutdown(db: Database, vm: string): boolean {
  return featureError(vmContext(db, vm), 'clean_shutdown', true) === undefined;
}

/** VM_metrics hold what xenopsd captured at boot; without them the platform keys decide (is_mobile). */
function platformFlag(c: VmContext, field: 'nomigrate' | 'nested_virt', key: string): boolean {
  return c.metrics ? c.metrics[field] : isTrue(c.vm.platform[key]);
}

/** OTHER_OPERATION_IN_PROGRESS names one operation, or "{a,b}" lists when several run. */
function concurrencyError(c: VmContext): OperationError {
  const entries = Object.entries(c.vm.current_operations);
  if (entries.length === 1) return opError('OTHER_OPERATION_IN_PROGRESS', 'VM', c.ref, entries[0][1], entries[0][0]);
  const ops = `{${entries.map(([, o]) => o).join(',')}}`;
  const tasks = `{${entries.map(([t]) => t).join(',')}}`;
  return opError('OTHER_OPERATION_IN_PROGRESS', 'VM', c.ref, ops, tasks);
}

function operationError(c: VmContext, op: VmOperation, strict: boolean): OperationError | undefined {
  const { vm, ref } = c;
  const blocked = (vm.blocked_operations as Record<string, string>)[op];
  if (blocked !== undefined) return opError('OPERATION_BLOCKED', ref, blocked);

  const powerStates = allowedPowerStates(vm, op, c.cloneSuspendedEnabled);
  if (!powerStates.includes(vm.power_state)) {
    const expected = powerStates.map((s) => s.toLowerCase()).join(', ');
    return opError('VM_BAD_POWER_STATE', ref, expected, vm.power_state.toLowerCase());
  }

  const current = Object.values(vm.current_operations);
  if (current.length > 0 && !allowedConcurrently(op, current)) return concurrencyError(c);

  // xen-api sends the operation as a second param, which the datamodel does not document.
  if (vm.is_a_template && !vm.is_a_snapshot) {
    const allowed =
      TEMPLATE_OPERATIONS.includes(op) || ((op === 'destroy' || op === 'migrate_send') && !isDefaultTemplate(vm));
    if (!allowed) return opErrorAsSent('VM_IS_TEMPLATE', ref, op);
  }
  if (vm.is_a_snapshot && !SNAPSHOT_OPERATIONS.includes(op)) return opErrorAsSent('VM_IS_SNAPSHOT', ref, op);
  if (op === 'provision' && !vm.is_a_template) return opError('PROVISION_ONLY_ALLOWED_ON_TEMPLATE');
  if (op === 'revert' && !vm.is_a_snapshot) return opErrorAsSent('REVERT_ONLY_ALLOWED_ON_SNAPSHOT');

  const nestedVirt = platformFlag(c, 'nested_virt', 'nested-virt');
  const mobile = !strict || (!platformFlag(c, 'nomigrate', 'nomigrate') && !nestedVirt);
  if (SUSPEND_LIKE.includes(op) && !mobile) return opError('VM_IS_IMMOBILE', ref);
  if (op === 'changing_dynamic_range' && nestedVirt && strict) return opError('VM_IS_USING_NESTED_VIRT', ref);

  if ((op === 'changing_VCPUs' || op === 'destroy') && c.isDomainZero) {
    return opError('OPERATION_NOT_ALLOWED', 'This operation is not allowed on dom0');
  }
  if (vm.is_control_domain && !CONTROL_DOMAIN_OPERATIONS.includes(op)) {
    return opError('OPERATION_NOT_ALLOWED', 'This operation is not allowed on a control domain');
  }

  const feature = featureError(c, op, strict);
  if (feature) return feature;
  // VSS support was removed; the datamodel lists a second param xen-api does not send.
  if (op === 'snapshot_with_quiesce') return opErrorAsSent('VM_SNAPSHOT_WITH_QUIESCE_NOT_SUPPORTED', ref);
  return deviceError(c, op);
}

/** The checks that depend on attached devices, the appliance and the VM's role. */
function deviceError(c: VmContext, op: VmOperation): OperationError | undefined {
  const { vm, ref } = c;
  const resetDisk = c.diskModes.some(([reset]) => reset);
  if (['checkpoint', 'snapshot', 'suspend', 'snapshot_with_quiesce'].includes(op) && resetDisk) {
    return opError('VDI_ON_BOOT_MODE_INCOMPATIBLE_WITH_OPERATION');
  }
  if (op === 'pool_migrate' && c.diskModes.some(([reset, caching]) => reset && caching)) {
    return opError('VDI_ON_BOOT_MODE_INCOMPATIBLE_WITH_OPERATION');
  }
  if (SUSPEND_LIKE.includes(op) && vm.attached_PCIs.length > 0) return opError('VM_HAS_PCI_ATTACHED', ref);
  // The simulator models no NVIDIA migration metadata, so no vGPU is suspendable (check_vgpu).
  if (vm.VGPUs.length > 0 && vgpuBlocks(op, vm.power_state)) return opError('VM_HAS_VGPU', ref);
  if ([...SUSPEND_LIKE, 'snapshot'].includes(op) && vm.VUSBs.length > 0) return opError('VM_HAS_VUSBS', ref);
  if (op === 'make_into_template' && vm.appliance !== NULL_REF) {
    return opError('VM_IS_PART_OF_AN_APPLIANCE', ref, vm.appliance);
  }
  if (op === 'query_services' && !isTrue(vm.other_config.is_system_domain)) return opError('NOT_SYSTEM_DOMAIN', ref);
  if (op === 'create_vtpm' && vm.VTPMs.length > 0) return opError('VTPM_MAX_AMOUNT_REACHED', String(vm.VTPMs.length));
  return undefined;
}

function vgpuBlocks(op: VmOperation, power: PowerState): boolean {
  if (op === 'migrate_send' && power === 'Halted') return false;
  if (op === 'checkpoint' && power === 'Suspended') return false;
  return SUSPEND_LIKE.includes(op);
}

/** check_operation_error: the first reason `op` cannot run on the VM now, or undefined. */
export function vmOperationError(
  db: Database,
  vm: string,
  op: VmOperation,
  strict: boolean,
): OperationError | undefined {
  return operationError(vmContext(db, vm), op, strict);
}

export function assertVmOperationValid(db: Database, vm: string, op: VmOperation, strict = true): void {
  raise(vmOperationError(db, vm, op, strict));
}

/**
 * update_allowed_operations: every operation outside ignored_ops that passes the strict
 * check. xen-api folds over the enum with `op :: acc`, so the list comes out reversed.
 */
export function computeVmAllowedOperations(db: Database, vm: string): VmOperation[] {
  const c = vmContext(db, vm);
  const all = db.schema.enums.vm_operations as VmOperation[];
  return all.filter((op) => !IGNORED_OPERATIONS.has(op) && !operationError(c, op, true)).reverse();
}

export function updateVmAllowedOperations(db: Database, vm: string): void {
  if (!db.has('VM', vm)) return;
  const allowed = computeVmAllowedOperations(db, vm);
  const current = db.get<Vm>('VM', vm).allowed_operations;
  if (allowed.length !== current.length || allowed.some((op, i) => op !== current[i])) {
    db.update('VM', vm, { allowed_operations: allowed });
  }
}

/** Operations in flight per simulator, by VM and task, so hard_shutdown can wait for those it cancels. */
const inFlight = new WeakMap<Simulator, Map<string, Promise<unknown>>>();
const flightKey = (vm: string, task: string) => `${vm} ${task}`;

/** Resolves once the operation running on `vm` under `task` has finished, however it ended. */
export function operationSettled(sim: Simulator, vm: string, task: string): Promise<void> {
  const running = inFlight.get(sim)?.get(flightKey(vm, task));
  return running ? running.then(noop, noop) : Promise.resolve();
}

const noop = () => {};

/**
 * with_vm_operation: waits out other operations in progress (retry_with_global_lock),
 * asserts the operation is valid, records task → op in current_operations, recomputes
 * allowed_operations, runs `work`, and removes the entry (recomputing again) however
 * the work ends.
 */
export async function withVmOperation<T>(
  sim: Simulator,
  vm: string,
  task: string,
  op: VmOperation,
  work: () => Promise<T> | T,
  options: { strict?: boolean } = {},
): Promise<T> {
  const db = sim.db;
  await retryWhileBusy(sim, task, () => vmOperationError(db, vm, op, options.strict ?? true));
  const current = db.get<Vm>('VM', vm).current_operations;
  db.update('VM', vm, { current_operations: { ...current, [task]: op } });
  updateVmAllowedOperations(db, vm);
  const running = (async () => work())();
  const tasks = inFlight.get(sim) ?? new Map<string, Promise<unknown>>();
  inFlight.set(sim, tasks);
  tasks.set(flightKey(vm, task), running);
  try {
    return await running;
  } finally {
    tasks.delete(flightKey(vm, task));
    if (db.has('VM', vm)) {
      const { [task]: _done, ...rest } = db.get<Vm>('VM', vm).current_operations;
      db.update('VM', vm, { current_operations: rest });
      updateVmAllowedOperations(db, vm);
    }
  }
}
