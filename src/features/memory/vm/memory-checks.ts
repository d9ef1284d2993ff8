/**
 * The rules a memory change must meet, each with the figures that explain it, so the
 * editor can show them as someone drags and refuse to send what XAPI (or the pool's
 * policy) would refuse: the order of the four values, the pool's minimum ratio, and on
 * a running VM the host's headroom, for a live change or for the start after a restart.
 */
import type { XapiRecord } from '../../../xapi/model/types';
import {
  limitsOf,
  type MemoryLimits,
  type MemoryPlan,
  memoryRatio,
  type OrderProblem,
  orderProblems,
  ratioMinimum,
  startFootprint,
  vmMemoryOverhead,
} from '../../../xapi/rules/memory';
import type { MemoryInputError } from '../memory-units';
import type { DraftField, MemoryDraft } from './memory-draft';

type Vm = XapiRecord<'VM'>;

export type MemoryCheck =
  /** `fixed`: the one size of the fixed-size editor. */
  | { kind: 'input'; met: false; field: DraftField | 'fixed'; error: MemoryInputError }
  | { kind: 'order'; met: boolean; problems: OrderProblem[]; limits: MemoryLimits }
  | { kind: 'ratio'; met: boolean; ratio: number; minimumBytes: number; staticMaxBytes: number }
  /**
   * A live change: the dynamic minimum can rise to what the host has free with every
   * guest at its minimum (shared equally by `count` VMs changed together on the host).
   */
  | {
      kind: 'headroom';
      met: boolean;
      host: string;
      count: number;
      highestDynamicMinBytes: number;
      dynamicMinBytes: number;
    }
  /** A restart: the VM (or `count` VMs restarting together) must fit on its host again with the new limits. */
  | { kind: 'restart-fit'; met: boolean; host: string; count: number; neededBytes: number; availableBytes: number };

/** The host a running VM is on: its name and host.compute_free_memory. */
export interface CheckHost {
  name: string;
  freeBytes: number;
}

export interface CheckInput {
  vm: Vm;
  pool: XapiRecord<'pool'>;
  draft: MemoryDraft;
  plan: MemoryPlan;
  /** Undefined when the VM runs nowhere. */
  host?: CheckHost;
}

/**
 * Live changes reserve only the rise in dynamic_min (the rest of each VM's minimum is
 * already its own); `count` VMs with the same settings on one host share what is free.
 */
export function headroom(vm: Vm, limits: MemoryLimits, host: CheckHost, count = 1): MemoryCheck {
  const highestDynamicMinBytes = Math.floor(host.freeBytes / count) + vm.memory_dynamic_min;
  return {
    kind: 'headroom',
    met: limits.dynamicMin <= highestDynamicMinBytes,
    host: host.name,
    count,
    highestDynamicMinBytes,
    dynamicMinBytes: limits.dynamicMin,
  };
}

/**
 * After the shutdown a VM's own footprint is free again; the start needs the new one
 * (its overhead follows static_max). `count` VMs with the same settings restart together.
 */
export function restartFit(vm: Vm, limits: MemoryLimits, host: CheckHost, count = 1): MemoryCheck {
  const overhead = vmMemoryOverhead({ ...vm, memory_static_max: limits.staticMax });
  const neededBytes = count * startFootprint(limits, overhead, vm.domain_type);
  const availableBytes = host.freeBytes + count * (vm.memory_dynamic_min + vm.memory_overhead);
  return {
    kind: 'restart-fit',
    met: neededBytes <= availableBytes,
    host: host.name,
    count,
    neededBytes,
    availableBytes,
  };
}

/** The order of the four values, and the pool's ratio at the most demanding of `ratios`. */
export function limitChecks(limits: MemoryLimits, ratio: number): MemoryCheck[] {
  const problems = orderProblems(limits);
  const minimumBytes = ratioMinimum(limits.staticMax, ratio);
  return [
    { kind: 'order', met: problems.length === 0, problems, limits },
    { kind: 'ratio', met: limits.dynamicMin >= minimumBytes, ratio, minimumBytes, staticMaxBytes: limits.staticMax },
  ];
}

export function inputChecks(draft: MemoryDraft): MemoryCheck[] {
  return Object.entries(draft.inputErrors).map(([field, error]) => ({
    kind: 'input',
    met: false,
    field: field as DraftField,
    error,
  }));
}

export function memoryChecks({ vm, pool, draft, plan, host }: CheckInput): MemoryCheck[] {
  const checks = [...inputChecks(draft), ...limitChecks(draft.limits, memoryRatio(pool, vm))];
  if (host && vm.power_state === 'Running') {
    checks.push(plan === 'restart' ? restartFit(vm, draft.limits, host) : headroom(vm, draft.limits, host));
  }
  return checks;
}

/** The checks for the fixed-size editor: one value for static max and both dynamic values. */
export function fixedSizeChecks(
  input: Omit<CheckInput, 'draft' | 'plan' | 'pool'> & { valueBytes: number },
): MemoryCheck[] {
  const { vm, valueBytes, host } = input;
  const limits = { ...limitsOf(vm), dynamicMin: valueBytes, dynamicMax: valueBytes, staticMax: valueBytes };
  const problems = orderProblems(limits);
  const checks: MemoryCheck[] = [{ kind: 'order', met: problems.length === 0, problems, limits }];
  if (host && vm.power_state === 'Running') checks.push(restartFit(vm, limits, host));
  return checks;
}

export const allMet = (checks: readonly MemoryCheck[]) => checks.every((check) => check.met);
