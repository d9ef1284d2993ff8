/**
 * A VM's vCPU counts as XAPI judges them (ocaml/xapi/xapi_vm.ml, xapi_vm_lifecycle.ml):
 * - VM.set_VCPUs_number_live: Running; the Live_set_vcpus licence feature; the guest
 *   must be able to take vCPUs (check_op_for_feature: a PV guest or one with PV drivers
 *   implicitly, otherwise feature-vcpu-hotplug); 1 ≤ count ≤ VCPUs_max.
 * - VM.set_VCPUs_max: Halted (operation changing_VCPUs, an ignored op, so judged here),
 *   never dom0, at least 1 and at least VCPUs_at_startup.
 * - VM.set_VCPUs_at_startup: any power state, never dom0, 1 ≤ value ≤ VCPUs_max.
 */
import type { XapiRecord } from '../model/types';
import { poolFeatureEnabled } from './memory';
import { ALLOWED, type DenialReason, denied, type Verdict } from './verdict';
import { hasGuestTools } from './vm-can';

type Vm = XapiRecord<'VM'>;

export interface VcpuContext {
  pool: XapiRecord<'pool'>;
  metrics?: XapiRecord<'VM_metrics'>;
  guestMetrics?: XapiRecord<'VM_guest_metrics'>;
}

/** Why vCPUs cannot be hot-plugged, beyond the reasons every operation shares. */
export type HotplugDenial =
  | DenialReason
  /** LICENCE_RESTRICTION: the pool's licence lacks Live_set_vcpus. */
  | { code: 'licence' }
  /** VM_LACKS_FEATURE: an HVM guest without PV drivers that has not advertised feature-vcpu-hotplug. */
  | { code: 'lacks-hotplug' };

export type HotplugVerdict = { enabled: true } | { enabled: false; reason: HotplugDenial };

/** has_definitely_booted_pv: a PV-style domain takes vCPUs without asking. */
const bootedPv = (metrics: XapiRecord<'VM_metrics'> | undefined) =>
  metrics !== undefined && ['pv', 'pv_in_pvh', 'pvh'].includes(metrics.current_domain_type);

/** check_op_for_feature for changing_VCPUs_live on a live guest. */
export function guestTakesVcpus(context: VcpuContext): boolean {
  return (
    bootedPv(context.metrics) ||
    hasGuestTools(context.guestMetrics) ||
    context.guestMetrics?.other['feature-vcpu-hotplug'] === '1'
  );
}

/** Pool_features Live_set_vcpus: Xapi_vm.set_VCPUs_number_live asserts it once the operation has started. */
export const vcpuHotplugLicensed = (pool: XapiRecord<'pool'>) =>
  poolFeatureEnabled(pool, 'restrict_set_vcpus_number_live');

/** check_operation_error for changing_VCPUs_live, read from allowed_operations, with the reason when it is missing. */
export function hotplugOperation(vm: Vm, context: VcpuContext): HotplugVerdict {
  if (vm.allowed_operations.includes('changing_VCPUs_live')) return ALLOWED;
  const blocked = (vm.blocked_operations as Partial<Record<string, string>>).changing_VCPUs_live;
  if (blocked !== undefined) return denied({ code: 'blocked', message: blocked });
  if (vm.is_a_snapshot) return denied({ code: 'snapshot' });
  if (vm.is_control_domain) return denied({ code: 'control-domain' });
  if (vm.power_state !== 'Running') return denied({ code: 'power-state', state: vm.power_state });
  if (Object.keys(vm.current_operations).length > 0) return denied({ code: 'busy' });
  if (!guestTakesVcpus(context)) return { enabled: false, reason: { code: 'lacks-hotplug' } };
  return denied({ code: 'not-allowed' });
}

/** VM.set_VCPUs_number_live now: the operation's checks first, then the licence, as XAPI makes them. */
export function canHotplugVcpus(vm: Vm, context: VcpuContext): HotplugVerdict {
  const operation = hotplugOperation(vm, context);
  if (!operation.enabled) return operation;
  return vcpuHotplugLicensed(context.pool) ? ALLOWED : { enabled: false, reason: { code: 'licence' } };
}

/** VM.set_VCPUs_max and set_VCPUs_at_startup together: a halted VM that is not a control domain. */
export function canChangeVcpuCounts(vm: Vm): Verdict {
  const blocked = (vm.blocked_operations as Partial<Record<string, string>>).changing_VCPUs;
  if (blocked !== undefined) return denied({ code: 'blocked', message: blocked });
  if (vm.is_a_snapshot) return denied({ code: 'snapshot' });
  if (vm.is_control_domain) return denied({ code: 'control-domain' });
  if (vm.power_state !== 'Halted') return denied({ code: 'power-state', state: vm.power_state });
  if (Object.keys(vm.current_operations).length > 0) return denied({ code: 'busy' });
  return ALLOWED;
}

/** A vCPU count a person typed or chose: a whole number within 1..maximum. */
export type CountProblem = 'not-whole' | 'below-one' | 'above-max';

export function countProblem(count: number, maximum: number): CountProblem | undefined {
  if (!Number.isInteger(count)) return 'not-whole';
  if (count < 1) return 'below-one';
  if (count > maximum) return 'above-max';
  return undefined;
}

export interface VcpuCounts {
  max: number;
  atStartup: number;
}

/**
 * The calls that take a halted VM from one pair of counts to another, each valid when it
 * runs: XAPI checks at_startup ≤ max against the stored value of the other field, so a
 * growing maximum goes first and a shrinking one last.
 */
export function vcpuCountCalls(current: VcpuCounts, next: VcpuCounts): ('max' | 'atStartup')[] {
  const calls: ('max' | 'atStartup')[] = [];
  if (next.max > current.max) calls.push('max');
  if (next.atStartup !== current.atStartup) calls.push('atStartup');
  if (next.max < current.max) calls.push('max');
  return calls;
}
