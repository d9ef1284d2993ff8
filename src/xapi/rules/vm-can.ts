/**
 * What a VM allows now, read from the server's own answer: XAPI recomputes
 * `allowed_operations` on every change (update_allowed_operations in
 * ocaml/xapi/xapi_vm_lifecycle.ml), so an operation is enabled exactly when it is
 * listed there. When it is not, the record says why, checked in the order of
 * check_operation_error in the same file, as XenCenter's commands explain a disabled
 * menu item (XenAdmin/Commands/*VMCommand.cs).
 */
import type { XapiEnum, XapiRecord } from '../model/types';
import { ALLOWED, denied, type PowerState, type Verdict } from './verdict';

export type VmOperation = XapiEnum<'vm_operations'>;
type Vm = XapiRecord<'VM'>;

export interface VmContext {
  /** The VM's guest metrics, where the mirror has them: they tell whether tools run in the guest. */
  guestMetrics?: XapiRecord<'VM_guest_metrics'>;
}

/** Power states each operation starts from (allowed_power_states in xapi_vm_lifecycle.ml). */
const FROM_STATES: Partial<Record<VmOperation, readonly PowerState[]>> = {
  start: ['Halted'],
  start_on: ['Halted'],
  clean_shutdown: ['Running'],
  hard_shutdown: ['Running', 'Paused', 'Suspended'],
  clean_reboot: ['Running'],
  hard_reboot: ['Running', 'Paused'],
  suspend: ['Running'],
  resume: ['Suspended'],
  resume_on: ['Suspended'],
  pause: ['Running'],
  unpause: ['Paused'],
  pool_migrate: ['Running'],
  clone: ['Halted'],
  copy: ['Halted'],
  destroy: ['Halted', 'Suspended'],
};

/** What templates and snapshots allow (check_template, check_snapshot in xapi_vm_lifecycle.ml). */
const TEMPLATE_OPERATIONS: readonly VmOperation[] = ['clone', 'copy', 'destroy', 'export', 'provision'];
const SNAPSHOT_OPERATIONS: readonly VmOperation[] = ['revert', 'clone', 'copy', 'export', 'destroy', 'hard_shutdown'];

/** Asking the guest to act (check_op_for_feature) needs its tools; so does leaving a live HVM guest's host. */
const NEEDS_GUEST_TOOLS: readonly VmOperation[] = ['clean_shutdown', 'clean_reboot', 'suspend', 'pool_migrate'];
const SUSPEND_LIKE: readonly VmOperation[] = ['suspend', 'pool_migrate', 'checkpoint'];

/** has_pv_drivers (xapi_pv_driver_version.ml): the tools report at least a major and minor version. */
export function hasGuestTools(guestMetrics: XapiRecord<'VM_guest_metrics'> | undefined): boolean {
  const version = guestMetrics?.PV_drivers_version ?? {};
  return version.major !== undefined && version.minor !== undefined;
}

/** The verdict on one operation: enabled when XAPI lists it, otherwise the first reason that applies. */
export function vmVerdict(vm: Vm, op: VmOperation, context: VmContext = {}): Verdict {
  if (vm.allowed_operations.includes(op)) return ALLOWED;
  const blocked = (vm.blocked_operations as Partial<Record<VmOperation, string>>)[op];
  if (blocked !== undefined) return denied({ code: 'blocked', message: blocked });
  if (vm.is_control_domain) return denied({ code: 'control-domain' });
  if (vm.is_a_snapshot && !SNAPSHOT_OPERATIONS.includes(op)) return denied({ code: 'snapshot' });
  if (vm.is_a_template && !vm.is_a_snapshot && !TEMPLATE_OPERATIONS.includes(op)) return denied({ code: 'template' });
  const from = FROM_STATES[op];
  if (from && !from.includes(vm.power_state)) return denied({ code: 'power-state', state: vm.power_state });
  if (Object.keys(vm.current_operations).length > 0) return denied({ code: 'busy' });
  if (NEEDS_GUEST_TOOLS.includes(op) && !hasGuestTools(context.guestMetrics)) {
    return denied({ code: 'no-guest-tools' });
  }
  if (SUSPEND_LIKE.includes(op)) return denied({ code: 'immobile' });
  return denied({ code: 'not-allowed' });
}

const verdictOf = (op: VmOperation) => (vm: Vm, context?: VmContext) => vmVerdict(vm, op, context);

/** One predicate per operation the console offers: `vmCan.start(vm).enabled`. */
export const vmCan = {
  start: verdictOf('start'),
  startOn: verdictOf('start_on'),
  cleanShutdown: verdictOf('clean_shutdown'),
  hardShutdown: verdictOf('hard_shutdown'),
  cleanReboot: verdictOf('clean_reboot'),
  hardReboot: verdictOf('hard_reboot'),
  suspend: verdictOf('suspend'),
  resume: verdictOf('resume'),
  pause: verdictOf('pause'),
  unpause: verdictOf('unpause'),
  migrate: verdictOf('pool_migrate'),
  clone: verdictOf('clone'),
  copy: verdictOf('copy'),
  snapshot: verdictOf('snapshot'),
  destroy: verdictOf('destroy'),
};
