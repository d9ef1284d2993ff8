/**
 * A VM's memory settings as XAPI judges them, so the console can explain a change
 * before it sends it:
 * - the order static_min ≤ dynamic_min ≤ dynamic_max ≤ static_max, or all three pinned
 *   at static_max where dynamic memory is unavailable (ocaml/xapi/vm_memory_constraints.ml
 *   and assert_valid_for_current_context in xapi_vm_memory_constraints.ml);
 * - which call may run in which power state (allowed_power_states in
 *   xapi_vm_lifecycle.ml; changing_memory_limits is one of its ignored_ops, so it never
 *   shows in allowed_operations and is judged here from the power state);
 * - the pool's minimum ratio between dynamic_min and static_max. XAPI does not enforce
 *   it: it only writes the keys when it creates the pool (Xapi_globs.memory_ratio_hvm,
 *   dbsync_master.ml). XenCenter enforces it (XenAdmin/Dialogs/BallooningDialogBase.cs,
 *   GetMemoryRatio), and so does this console, as the pool's own policy;
 * - whether the guest can balloon at all (XenCenter's VM.SupportsBallooning: the guest
 *   has written control/feature-balloon, which XAPI copies into VM_guest_metrics.other);
 * - a VM's memory overhead (vm_compute_memory_overhead in memory_check.ml, with the
 *   models of ocaml/xapi-idl/memory/memory.ml), for what a restart will need.
 */
import type { XapiRecord } from '../model/types';
import { ALLOWED, denied, type Verdict } from './verdict';

type Vm = XapiRecord<'VM'>;

const MiB = 1024 * 1024;

/** The four memory values of a VM, in bytes. */
export interface MemoryLimits {
  staticMin: number;
  dynamicMin: number;
  dynamicMax: number;
  staticMax: number;
}

export const limitsOf = (vm: Vm): MemoryLimits => ({
  staticMin: vm.memory_static_min,
  dynamicMin: vm.memory_dynamic_min,
  dynamicMax: vm.memory_dynamic_max,
  staticMax: vm.memory_static_max,
});

export const sameLimits = (a: MemoryLimits, b: MemoryLimits) =>
  a.staticMin === b.staticMin &&
  a.dynamicMin === b.dynamicMin &&
  a.dynamicMax === b.dynamicMax &&
  a.staticMax === b.staticMax;

/** What the rules read besides the VM record itself. */
export interface VmMemoryContext {
  pool: XapiRecord<'pool'>;
  metrics?: XapiRecord<'VM_metrics'>;
  guestMetrics?: XapiRecord<'VM_guest_metrics'>;
}

/**
 * Pool_features.is_enabled for a feature a restriction flag guards (features.ml,
 * of_assoc_list): enabled only when the flag is there and reads "false".
 */
export const poolFeatureEnabled = (pool: XapiRecord<'pool'>, flag: string) => pool.restrictions[flag] === 'false';

/** Vm_platform.is_true: "true" or "1", in any case. */
const platformFlag = (value: string | undefined) => value !== undefined && ['true', '1'].includes(value.toLowerCase());

/** Xapi_vm_lifecycle.nested_virt: what the VM last booted with, or its platform key when it has no metrics. */
export function usesNestedVirt(vm: Vm, metrics: XapiRecord<'VM_metrics'> | undefined): boolean {
  return metrics ? metrics.nested_virt : platformFlag(vm.platform['nested-virt']);
}

/** The reason XAPI sends with MEMORY_CONSTRAINT_VIOLATION_MAXPIN, when it pins the dynamic range at static_max. */
export type PinReason = 'DMC disabled' | 'control domain' | 'nested virt';

/** assert_valid_for_current_context, in its order: the licence, a control domain, nested virtualisation. */
export function pinReason(vm: Vm, context: VmMemoryContext): PinReason | undefined {
  if (!poolFeatureEnabled(context.pool, 'restrict_dmc')) return 'DMC disabled';
  if (vm.is_control_domain) return 'control domain';
  if (usesNestedVirt(vm, context.metrics)) return 'nested virt';
  return undefined;
}

/** The error XAPI answers a set of limits with, or undefined when it accepts them. */
export type ConstraintError =
  | { code: 'MEMORY_CONSTRAINT_VIOLATION_ORDER' }
  | { code: 'MEMORY_CONSTRAINT_VIOLATION_MAXPIN'; reason: PinReason };

export function constraintError(limits: MemoryLimits, pinned: PinReason | undefined): ConstraintError | undefined {
  const { staticMin, dynamicMin, dynamicMax, staticMax } = limits;
  if (pinned !== undefined) {
    const atStaticMax = staticMin <= dynamicMin && dynamicMin === dynamicMax && dynamicMax === staticMax;
    return atStaticMax ? undefined : { code: 'MEMORY_CONSTRAINT_VIOLATION_MAXPIN', reason: pinned };
  }
  const ordered = staticMin <= dynamicMin && dynamicMin <= dynamicMax && dynamicMax <= staticMax;
  return ordered ? undefined : { code: 'MEMORY_CONSTRAINT_VIOLATION_ORDER' };
}

/** Each pair of neighbours out of order, so the console can name the value to fix. */
export type OrderProblem =
  | 'static-max-below-static-min'
  | 'dynamic-min-below-static-min'
  | 'dynamic-max-below-dynamic-min'
  | 'static-max-below-dynamic-max';

export function orderProblems(limits: MemoryLimits): OrderProblem[] {
  const problems: OrderProblem[] = [];
  if (limits.staticMax < limits.staticMin) problems.push('static-max-below-static-min');
  if (limits.dynamicMin < limits.staticMin) problems.push('dynamic-min-below-static-min');
  if (limits.dynamicMax < limits.dynamicMin) problems.push('dynamic-max-below-dynamic-min');
  if (limits.staticMax < limits.dynamicMax) problems.push('static-max-below-dynamic-max');
  return problems;
}

/** XenCenter's default when the pool has no ratio, or one outside 0..1. */
export const DEFAULT_MEMORY_RATIO = 0.25;

/** How xapi derives a VM's domain type when it is not given (Helpers.check_domain_type). */
function isHvm(vm: Vm): boolean {
  if (vm.domain_type === 'unspecified') return vm.HVM_boot_policy !== '';
  return vm.domain_type === 'hvm' || vm.domain_type === 'pvh';
}

/** The pool's lowest allowed dynamic_min / static_max for this kind of guest. */
export function memoryRatio(pool: XapiRecord<'pool'>, vm: Vm): number {
  const text = pool.other_config[isHvm(vm) ? 'memory-ratio-hvm' : 'memory-ratio-pv'];
  const ratio = text === undefined || text.trim() === '' ? Number.NaN : Number(text);
  return Number.isFinite(ratio) && ratio >= 0 && ratio <= 1 ? ratio : DEFAULT_MEMORY_RATIO;
}

/** The smallest dynamic_min the pool's ratio allows for a static maximum, in bytes. */
export const ratioMinimum = (staticMaxBytes: number, ratio: number) => Math.ceil(staticMaxBytes * ratio);

/** Why dynamic memory does not apply to this VM; undefined when its range can be edited. */
export type DynamicMemoryUnavailable =
  | 'snapshot'
  | 'control-domain'
  | 'dmc-disabled'
  | 'nested-virt'
  /** A live guest that has not advertised a balloon driver (no tools, or not booted yet). */
  | 'no-balloon-driver';

/** The guest has said it can balloon (control/feature-balloon), and its agent is still reporting. */
export function canBalloon(guestMetrics: XapiRecord<'VM_guest_metrics'> | undefined): boolean {
  return guestMetrics?.live === true && guestMetrics.other['feature-balloon'] === '1';
}

const isLive = (vm: Vm) => vm.power_state === 'Running' || vm.power_state === 'Paused';

/**
 * Whether the range editor applies. A halted VM has no guest to ask, and XAPI accepts a
 * range for it; the range then works if the guest turns out to have a balloon driver.
 */
export function dynamicMemoryUnavailable(vm: Vm, context: VmMemoryContext): DynamicMemoryUnavailable | undefined {
  if (vm.is_a_snapshot) return 'snapshot';
  switch (pinReason(vm, context)) {
    case 'control domain':
      return 'control-domain';
    case 'DMC disabled':
      return 'dmc-disabled';
    case 'nested virt':
      return 'nested-virt';
    case undefined:
      break;
  }
  if (isLive(vm) && !canBalloon(context.guestMetrics)) return 'no-balloon-driver';
  return undefined;
}

const busy = (vm: Vm) => Object.keys(vm.current_operations).length > 0;

/** check_operation_error's order: a block, the power state, another operation, a snapshot. */
function operationVerdict(vm: Vm, op: 'changing_dynamic_range' | 'changing_memory_limits', from: boolean): Verdict {
  const blocked = (vm.blocked_operations as Partial<Record<string, string>>)[op];
  if (blocked !== undefined) return denied({ code: 'blocked', message: blocked });
  if (!from) return denied({ code: 'power-state', state: vm.power_state });
  if (busy(vm)) return denied({ code: 'busy' });
  if (vm.is_a_snapshot) return denied({ code: 'snapshot' });
  return ALLOWED;
}

/**
 * VM.set_memory_dynamic_range now (Halted or Running). changing_dynamic_range is not an
 * ignored op, so XAPI's allowed_operations is the answer; the rest says why not.
 */
export function canChangeDynamicRange(vm: Vm): Verdict {
  if (vm.allowed_operations.includes('changing_dynamic_range')) return ALLOWED;
  const from = vm.power_state === 'Halted' || vm.power_state === 'Running';
  const verdict = operationVerdict(vm, 'changing_dynamic_range', from);
  return verdict.enabled ? denied({ code: 'not-allowed' }) : verdict;
}

/**
 * VM.set_memory_limits, set_memory and the static setters now: Halted only (a running
 * control domain too, which then needs a reboot), and no other operation under way.
 */
export function canChangeLimits(vm: Vm): Verdict {
  const from = vm.power_state === 'Halted' || (vm.is_control_domain && vm.power_state === 'Running');
  return operationVerdict(vm, 'changing_memory_limits', from);
}

/**
 * How a change is made:
 * - dynamic: set_memory_dynamic_range (live on a running VM);
 * - limits: set_memory_limits on a halted VM;
 * - restart: a static value changes on a running VM, which XAPI only allows halted:
 *   shut it down, set the limits, start it again on the same host.
 */
export type MemoryPlan = 'none' | 'dynamic' | 'limits' | 'restart';

export function memoryPlan(vm: Vm, draft: MemoryLimits): MemoryPlan {
  const current = limitsOf(vm);
  if (sameLimits(current, draft)) return 'none';
  const staticChanged = current.staticMin !== draft.staticMin || current.staticMax !== draft.staticMax;
  if (!staticChanged) return 'dynamic';
  return vm.power_state === 'Running' && !vm.is_control_domain ? 'restart' : 'limits';
}

/** Whether the plan may start now, and why not. */
export function canRunPlan(vm: Vm, plan: MemoryPlan): Verdict {
  switch (plan) {
    case 'none':
      return ALLOWED;
    case 'dynamic':
      return canChangeDynamicRange(vm);
    case 'limits':
      return canChangeLimits(vm);
    case 'restart':
      return operationVerdict(vm, 'changing_memory_limits', vm.power_state === 'Running');
  }
}

/** Fields of a VM its overhead depends on. */
export type OverheadFields = Pick<Vm, 'memory_static_max' | 'VCPUs_max' | 'HVM_shadow_multiplier' | 'domain_type'>;

/** VM.compute_memory_overhead, in bytes: shadow pages, per-vCPU structures and, for PV-in-PVH, the shim. */
export function vmMemoryOverhead(vm: OverheadFields): number {
  const staticMaxMiB = Math.ceil(vm.memory_static_max / MiB);
  const vcpus = vm.VCPUs_max;
  const shadowMiB = Math.max(
    1,
    Math.floor(Math.ceil((256 * vcpus + 2 * staticMaxMiB) / 256) * vm.HVM_shadow_multiplier),
  );
  const extraInternalMiB = vm.domain_type === 'pv' ? 0 : 1;
  const extraExternalMiB = 1;
  const shimMiB = vm.domain_type === 'pv_in_pvh' ? 23 + Math.floor(staticMaxMiB / 90) : 0;
  return (extraInternalMiB + extraExternalMiB + shadowMiB + Math.ceil((38 * vcpus) / 256) + shimMiB) * MiB;
}

/** What a VM needs on a host to start (dynamic_min, or static_max for PV-in-PVH, plus its overhead). */
export function startFootprint(limits: MemoryLimits, overheadBytes: number, domainType: Vm['domain_type']): number {
  return (domainType === 'pv_in_pvh' ? limits.staticMax : limits.dynamicMin) + overheadBytes;
}
