/**
 * The error XAPI answers a memory or vCPU call with, worked out before the call is
 * sent, checked in XAPI's own order: the operation (with_vm_operation, non-strict), then
 * for a running VM the memory reservation (message_forwarding.ml), then the constraints
 * (xapi_vm.ml). The console refuses to send what XAPI would refuse, and a property
 * test holds these answers to the simulator's.
 */
import type { XapiRecord } from '../model/types';
import { dynamicMinShortfall } from './host-memory';
import {
  canChangeDynamicRange,
  canChangeLimits,
  constraintError,
  limitsOf,
  type MemoryLimits,
  pinReason,
  type VmMemoryContext,
} from './memory';
import { countProblem, type HotplugVerdict, hotplugOperation, type VcpuContext, vcpuHotplugLicensed } from './vcpus';

type Vm = XapiRecord<'VM'>;

/** An XAPI error code with the params the console can know in advance. */
export interface Refusal {
  code: string;
  params: string[];
}

/** The operation checks a call makes whatever the guest: a block, a snapshot, the power state, another operation. */
function operationRefusal(verdict: HotplugVerdict): Refusal | undefined {
  if (verdict.enabled) return undefined;
  const { reason } = verdict;
  switch (reason.code) {
    case 'blocked':
      return { code: 'OPERATION_BLOCKED', params: [reason.message] };
    case 'snapshot':
      return { code: 'VM_IS_SNAPSHOT', params: [] };
    case 'power-state':
      return { code: 'VM_BAD_POWER_STATE', params: [reason.state.toLowerCase()] };
    case 'busy':
      return { code: 'OTHER_OPERATION_IN_PROGRESS', params: [] };
    case 'control-domain':
      return { code: 'OPERATION_NOT_ALLOWED', params: [] };
    case 'lacks-hotplug':
      return { code: 'VM_LACKS_FEATURE', params: [] };
    default:
      // Other reasons only keep an operation out of allowed_operations (a strict check); the call itself goes ahead.
      return undefined;
  }
}

function limitsRefusal(limits: MemoryLimits, vm: Vm, context: VmMemoryContext): Refusal | undefined {
  const error = constraintError(limits, pinReason(vm, context));
  if (!error) return undefined;
  return error.code === 'MEMORY_CONSTRAINT_VIOLATION_MAXPIN'
    ? { code: error.code, params: [error.reason] }
    : { code: error.code, params: [] };
}

/**
 * VM.set_memory_dynamic_range(min, max). `hostFreeBytes` is host.compute_free_memory of
 * the host a running VM is on (hostFreeMemory in host-memory.ts).
 */
export function dynamicRangeRefusal(
  vm: Vm,
  context: VmMemoryContext,
  hostFreeBytes: number,
  minBytes: number,
  maxBytes: number,
): Refusal | undefined {
  const operation = operationRefusal(canChangeDynamicRange(vm));
  if (operation) return operation;
  if (vm.power_state === 'Running') {
    const shortfall = dynamicMinShortfall(hostFreeBytes, vm.memory_dynamic_min, minBytes);
    if (shortfall) {
      return {
        code: 'HOST_NOT_ENOUGH_FREE_MEMORY',
        params: [String(shortfall.neededKiB), String(shortfall.availableKiB)],
      };
    }
  }
  return limitsRefusal({ ...limitsOf(vm), dynamicMin: minBytes, dynamicMax: maxBytes }, vm, context);
}

/** VM.set_memory_limits(static_min, static_max, dynamic_min, dynamic_max). */
export function memoryLimitsRefusal(vm: Vm, context: VmMemoryContext, limits: MemoryLimits): Refusal | undefined {
  return operationRefusal(canChangeLimits(vm)) ?? limitsRefusal(limits, vm, context);
}

/** VM.set_memory(value): the limits with every value but static_min at `value`. */
export function setMemoryRefusal(vm: Vm, context: VmMemoryContext, valueBytes: number): Refusal | undefined {
  const limits = {
    staticMin: vm.memory_static_min,
    dynamicMin: valueBytes,
    dynamicMax: valueBytes,
    staticMax: valueBytes,
  };
  return memoryLimitsRefusal(vm, context, limits);
}

/**
 * VM.set_VCPUs_number_live(count): the operation and the licence, then the count, which
 * xenopsd refuses outside 1..VCPUs_max with INVALID_VALUE naming VCPUs_max.
 */
export function liveVcpusRefusal(vm: Vm, context: VcpuContext, count: number): Refusal | undefined {
  const operation = operationRefusal(hotplugOperation(vm, context));
  if (operation) return operation;
  if (!vcpuHotplugLicensed(context.pool)) return { code: 'LICENCE_RESTRICTION', params: ['Live_set_vcpus'] };
  if (countProblem(count, vm.VCPUs_max) === undefined) return undefined;
  return { code: 'INVALID_VALUE', params: ['VCPU values must satisfy: 0 < VCPUs ≤ VCPUs_max', String(vm.VCPUs_max)] };
}
