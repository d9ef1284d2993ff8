/**
 * Changing a VM's memory settings as xen-api does: the operation and the live
 * reservation of message_forwarding.ml (set_memory_dynamic_range,
 * reserve_memory_for_dynamic_change), the work of xapi_vm.ml, and the rules of
 * xapi_vm_memory_constraints.ml (the four values in order, or pinned at static_max when
 * dynamic memory is unavailable). Every setter recomputes the overhead where xen-api
 * does, so host.compute_free_memory stays right.
 */
import type { XapiRecord } from '../../src/xapi/model/types';
import { fail } from './failure';
import { hostFreeMemory, type MemoryFields, vmMemoryOverhead } from './memory';
import { balloonStatus, domainChanged } from './memory-balancer';
import { type OperationError, opError, raise } from './operation-error';
import type { Simulator } from './simulator';
import { isTrue, withVmOperation } from './vm-operations';

type Vm = XapiRecord<'VM'>;

export interface MemoryLimits {
  staticMin: number;
  dynamicMin: number;
  dynamicMax: number;
  staticMax: number;
}

/** xenopsd writing a running guest's new range and squeezed balancing (a round trip of the toolstack). */
const LIVE_RANGE_CHANGE_MS = 300;
/** wait_memory_target_live's tolerance and Xapi_globs.wait_memory_target_timeout. */
const TARGET_TOLERANCE_BYTES = 1024 * 1024;
const WAIT_TARGET_TIMEOUT_MS = 256_000;
const WAIT_TARGET_POLL_MS = 1_000;

const vmRecord = (sim: Simulator, vm: string) => sim.db.get<Vm>('VM', vm);

/**
 * Pool_features.is_enabled for a feature whose flag restricts it: only an explicit
 * "false" in pool.restrictions enables it (an absent or unreadable flag does not).
 */
export function poolFeatureEnabled(sim: Simulator, restrictionFlag: string): boolean {
  return sim.db.get<XapiRecord<'pool'>>('pool', sim.pool()).restrictions[restrictionFlag] === 'false';
}

/** Xapi_vm_lifecycle.nested_virt: what the VM booted with, or its platform key if it never ran. */
function usesNestedVirt(sim: Simulator, vm: Vm): boolean {
  const metrics = sim.db.find<XapiRecord<'VM_metrics'>>('VM_metrics', vm.metrics);
  return metrics ? metrics.nested_virt : isTrue(vm.platform['nested-virt']);
}

/**
 * assert_valid_for_current_context: static_min ≤ dynamic_min ≤ dynamic_max ≤ static_max,
 * tightened to dynamic_min = dynamic_max = static_max without the DMC licence, for a
 * control domain, and for a guest using nested virtualisation.
 */
export function memoryConstraintError(sim: Simulator, ref: string, limits: MemoryLimits): OperationError | undefined {
  const vm = vmRecord(sim, ref);
  const { staticMin, dynamicMin, dynamicMax, staticMax } = limits;
  const pinnedReason = !poolFeatureEnabled(sim, 'restrict_dmc')
    ? 'DMC disabled'
    : vm.is_control_domain
      ? 'control domain'
      : usesNestedVirt(sim, vm)
        ? 'nested virt'
        : undefined;
  if (pinnedReason !== undefined) {
    const pinned = staticMin <= dynamicMin && dynamicMin === dynamicMax && dynamicMax === staticMax;
    return pinned ? undefined : opError('MEMORY_CONSTRAINT_VIOLATION_MAXPIN', pinnedReason);
  }
  const ordered = staticMin <= dynamicMin && dynamicMin <= dynamicMax && dynamicMax <= staticMax;
  return ordered ? undefined : opError('MEMORY_CONSTRAINT_VIOLATION_ORDER');
}

const limitsOf = (vm: Vm): MemoryLimits => ({
  staticMin: vm.memory_static_min,
  dynamicMin: vm.memory_dynamic_min,
  dynamicMax: vm.memory_dynamic_max,
  staticMax: vm.memory_static_max,
});

/** update_memory_overhead: from static_max, VCPUs_max and the shadow multiplier. */
export function updateMemoryOverhead(sim: Simulator, vm: string): void {
  sim.db.update('VM', vm, { memory_overhead: vmMemoryOverhead(sim.db.get<MemoryFields>('VM', vm)) });
}

/**
 * A running control domain takes new settings at its next boot, and says so; squeezed
 * reads its new range (it does not balloon control domains, so nothing moves).
 */
function flagRebootIfLive(sim: Simulator, vm: string): void {
  const record = vmRecord(sim, vm);
  if (record.is_control_domain && record.power_state === 'Running') {
    sim.db.update('VM', vm, { requires_reboot: true });
    domainChanged(sim, vm);
  }
}

/**
 * reserve_memory_for_dynamic_change: a raised dynamic_min must fit in what the host
 * could free with every guest at its dynamic minimum, or HOST_NOT_ENOUGH_FREE_MEMORY
 * [increase, available], both in KiB as xen-api sends them. A raise is written at once
 * (so concurrent placements see it); the returned function puts it back on failure.
 */
function reserveForDynamicChange(sim: Simulator, vm: string, min: number, max: number): () => void {
  const record = vmRecord(sim, vm);
  const available = hostFreeMemory(sim.db, record.resident_on);
  const change = record.memory_dynamic_min - min;
  if (available + change < 0) {
    fail('HOST_NOT_ENOUGH_FREE_MEMORY', String(Math.trunc(-change / 1024)), String(Math.trunc(available / 1024)));
  }
  if (change >= 0) return () => {};
  const old = { memory_dynamic_min: record.memory_dynamic_min, memory_dynamic_max: record.memory_dynamic_max };
  sim.db.update('VM', vm, { memory_dynamic_min: min, memory_dynamic_max: max });
  return () => {
    if (sim.db.has('VM', vm)) sim.db.update('VM', vm, old);
  };
}

/** Xapi_vm.set_memory_dynamic_range's checks and writes (memory_target := dynamic_min). */
function writeDynamicRange(sim: Simulator, vm: string, min: number, max: number): void {
  const record = vmRecord(sim, vm);
  raise(memoryConstraintError(sim, vm, { ...limitsOf(record), dynamicMin: min, dynamicMax: max }));
  sim.db.update('VM', vm, { memory_target: min, memory_dynamic_min: min, memory_dynamic_max: max });
}

/**
 * VM.set_memory_dynamic_range (Halted or Running). On a running VM the memory is
 * reserved first, then xenopsd passes the range to squeezed, which gives the guest a
 * new balloon target; memory_actual follows at the driver's pace.
 */
export async function setMemoryDynamicRange(
  sim: Simulator,
  task: string,
  vm: string,
  min: number,
  max: number,
): Promise<void> {
  await withVmOperation(sim, vm, task, 'changing_dynamic_range', async () => {
    if (vmRecord(sim, vm).power_state !== 'Running') {
      writeDynamicRange(sim, vm, min, max);
      return;
    }
    const restore = reserveForDynamicChange(sim, vm, min, max);
    try {
      writeDynamicRange(sim, vm, min, max);
    } catch (error) {
      restore();
      throw error;
    }
    domainChanged(sim, vm);
    // The call returns once xapi has seen xenopsd's events; squeezed has already acted.
    await sim.tasks.progress(task, LIVE_RANGE_CHANGE_MS);
  });
}

/** VM.set_memory_static_range: Halted (or a control domain, which then needs a reboot). */
export async function setMemoryStaticRange(
  sim: Simulator,
  task: string,
  vm: string,
  min: number,
  max: number,
): Promise<void> {
  await withVmOperation(sim, vm, task, 'changing_static_range', () => {
    raise(memoryConstraintError(sim, vm, { ...limitsOf(vmRecord(sim, vm)), staticMin: min, staticMax: max }));
    sim.db.update('VM', vm, { memory_static_min: min, memory_static_max: max });
    updateMemoryOverhead(sim, vm);
    flagRebootIfLive(sim, vm);
  });
}

/** VM.set_memory_limits: all four at once, memory_target := dynamic_min. */
export async function setMemoryLimits(sim: Simulator, task: string, vm: string, limits: MemoryLimits): Promise<void> {
  await withVmOperation(sim, vm, task, 'changing_memory_limits', () => writeLimits(sim, vm, limits));
}

function writeLimits(sim: Simulator, vm: string, limits: MemoryLimits): void {
  raise(memoryConstraintError(sim, vm, limits));
  sim.db.update('VM', vm, {
    memory_static_min: limits.staticMin,
    memory_dynamic_min: limits.dynamicMin,
    memory_target: limits.dynamicMin,
    memory_dynamic_max: limits.dynamicMax,
    memory_static_max: limits.staticMax,
  });
  updateMemoryOverhead(sim, vm);
  flagRebootIfLive(sim, vm);
}

/** VM.set_memory: static_max = dynamic_min = dynamic_max = value, static_min kept. */
export async function setMemory(sim: Simulator, task: string, vm: string, value: number): Promise<void> {
  await withVmOperation(sim, vm, task, 'changing_memory_limits', () =>
    writeLimits(sim, vm, {
      staticMin: vmRecord(sim, vm).memory_static_min,
      dynamicMin: value,
      dynamicMax: value,
      staticMax: value,
    }),
  );
}

/** VM.set_memory_target_live: deprecated; xen-api checks the operation and does nothing else. */
export async function setMemoryTargetLive(sim: Simulator, task: string, vm: string): Promise<void> {
  await withVmOperation(sim, vm, task, 'changing_memory_live', () => {});
}

/**
 * VM.wait_memory_target_live: polls once a second until memory_actual is within 1 MiB
 * of the balloon target, giving up after 256 s with VM_MEMORY_TARGET_WAIT_TIMEOUT [task].
 */
export async function waitMemoryTargetLive(sim: Simulator, task: string, vm: string): Promise<void> {
  await withVmOperation(sim, vm, task, 'awaiting_memory_live', async () => {
    const started = sim.clock.now();
    for (;;) {
      if (sim.clock.now() - started > WAIT_TARGET_TIMEOUT_MS) raise(opError('VM_MEMORY_TARGET_WAIT_TIMEOUT', task));
      const status = balloonStatus(sim, vm);
      if (!status || Math.abs(status.actualBytes - status.targetBytes) <= TARGET_TOLERANCE_BYTES) return;
      const { progress } = sim.db.get<{ progress: number }>('task', task);
      await sim.tasks.progress(task, WAIT_TARGET_POLL_MS, progress, { cancellable: true });
    }
  });
}
