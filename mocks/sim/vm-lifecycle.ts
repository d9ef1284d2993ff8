/**
 * VM power operations as xen-api runs them: the checks and reservations of
 * message_forwarding.ml, the work of xapi_vm.ml and xapi_xenops.ml. start, start_on,
 * clean/hard shutdown, shutdown, clean/hard reboot, suspend, resume, resume_on, pause,
 * unpause and pool_migrate each take virtual time, move their task's progress, and
 * leave the VM either fully changed or as it was.
 */
import type { XapiRecord } from '../../src/xapi/model/types';
import { NULL_REF } from './db';
import { createVdi, destroyVdi } from './disks';
import { guestOf } from './domains';
import { fail } from './failure';
import { type MemoryFields, vmMemoryOverhead } from './memory';
import { holdStillForMigration, releaseReservation, takeReservation } from './memory-balancer';
import {
  type MemoryRange,
  migrationRange,
  rememberSuspendedMemory,
  reserveAtOnce,
  reserveMemory,
  resumeRange,
  startRange,
} from './memory-reservation';
import { opError, opErrorAsSent, raise } from './operation-error';
import { assertCanBootHere, chooseHostForVm, releaseHost, reserveHost, srsAttachedTo } from './placement';
import { assertPowerState, bootDomain, migrateDomain, rebootDomain, resetPowerState, setPaused } from './power-state';
import type { Simulator } from './simulator';
import { GiB, MiB } from './units';
import { nameOf, vmAlert } from './vm-alerts';
import {
  guestHandlesCleanShutdown,
  isTrue,
  operationSettled,
  type VmOperation,
  withVmOperation,
} from './vm-operations';

type Vm = XapiRecord<'VM'>;

/** From the call to a running domain: xenopsd builds it, then xapi sees it Running. */
const DOMAIN_BUILD_MS = 1_500;
/** Destroying or resetting a domain outright. */
const HARD_OPERATION_MS = 1_000;
const PAUSE_MS = 200;
/** Discarding a suspend image is storage work only. */
const DISCARD_IMAGE_MS = 500;
/** A resumed guest's agent has nothing to boot; it reports almost at once. */
const AGENT_AFTER_RESUME_MS = 1_000;

function vmRecord(sim: Simulator, vm: string): Vm {
  return sim.db.get<Vm>('VM', vm);
}

/** The memory a domain holds: what it writes to a suspend image or sends when migrating. */
function domainMemoryGiB(sim: Simulator, vm: string): number {
  const record = vmRecord(sim, vm);
  const actual = sim.db.find<XapiRecord<'VM_metrics'>>('VM_metrics', record.metrics)?.memory_actual ?? 0;
  return (actual > 0 ? actual : record.memory_static_max) / GiB;
}

/** Saving or restoring memory: 1 s per GiB, at least 2 s. */
export function suspendDurationMs(sim: Simulator, vm: string): number {
  return Math.max(2_000, Math.round(domainMemoryGiB(sim, vm) * 1_000));
}

/** A live migration copies memory over the network, then the pages dirtied meanwhile: longer than a boot. */
export function migrateDurationMs(sim: Simulator, vm: string): number {
  return Math.max(10_000, Math.round(4_000 + domainMemoryGiB(sim, vm) * 2_000));
}

/** ensure_domain_type_is_specified and update_memory_overhead, which start and resume do first. */
function prepareForBoot(sim: Simulator, vm: string): void {
  const record = vmRecord(sim, vm);
  if (record.domain_type === 'unspecified') {
    sim.db.update('VM', vm, { domain_type: record.HVM_boot_policy === '' ? 'pv' : 'hvm' });
  }
  sim.db.update('VM', vm, { memory_overhead: vmMemoryOverhead(sim.db.get<MemoryFields>('VM', vm)) });
}

/** Xapi_vm.start drops the guest metrics: a cloned guest's addresses would be wrong until its agent reports. */
function deleteGuestMetrics(sim: Simulator, vm: string): void {
  const { guest_metrics } = vmRecord(sim, vm);
  sim.db.update('VM', vm, { guest_metrics: NULL_REF });
  if (sim.db.has('VM_guest_metrics', guest_metrics)) sim.db.delete('VM_guest_metrics', guest_metrics);
}

/**
 * The host a booting VM goes to: the one asked for (which must pass assert_can_boot_here),
 * else placement's choice. Either way it is reserved under the task from here on.
 */
function placeVm(sim: Simulator, vm: string, task: string, hostOp: 'vm_start' | 'vm_resume', host?: string): string {
  if (host) assertCanBootHere(sim.db, vm, host);
  const target = host ?? chooseHostForVm(sim, vm);
  reserveHost(sim.db, vm, target, task, hostOp);
  return target;
}

/** Checks start_on makes before with_vm_operation (message_forwarding.ml). */
function assertStartOn(sim: Simulator, vm: string, host: string): void {
  const record = vmRecord(sim, vm);
  if (record.is_control_domain && record.affinity !== NULL_REF && record.affinity !== host) {
    fail('OPERATION_NOT_ALLOWED', 'Cannot boot a control domain on a host different from its affinity');
  }
  const hostOps = Object.values(sim.db.get<XapiRecord<'host'>>('host', host).current_operations);
  if (hostOps.includes('evacuate')) fail('HOST_EVACUATE_IN_PROGRESS', host);
}

/**
 * Xapi_vm.assert_memory_constraints (unless forced): a guest using nested
 * virtualisation cannot balloon, so its memory must be pinned at static_max.
 */
function assertMemoryConstraintsForStart(sim: Simulator, vm: string): void {
  const record = vmRecord(sim, vm);
  const pinned =
    record.memory_static_min <= record.memory_dynamic_min &&
    record.memory_dynamic_min === record.memory_dynamic_max &&
    record.memory_dynamic_max === record.memory_static_max;
  if (isTrue(record.platform['nested-virt']) && !pinned) {
    raise(opError('MEMORY_CONSTRAINT_VIOLATION_MAXPIN', 'nested virt'));
  }
}

/**
 * xenopsd's part of a domain coming to `host`: memory reserved by squeezed (which may
 * squeeze other guests and take time), then `work`, then `arrive` with what was held
 * less the overhead. A reservation not taken (failure, cancel) goes back to the host.
 */
async function withMemoryOn(
  sim: Simulator,
  task: string,
  vm: string,
  host: string,
  range: MemoryRange,
  work: () => Promise<void>,
  arrive: (memoryBytes: number) => void,
): Promise<void> {
  try {
    if (reserveAtOnce(sim, task, host, range) === undefined) await reserveMemory(sim, task, host, range);
    await work();
    const held = takeReservation(sim, host, task);
    arrive(held - vmRecord(sim, vm).memory_overhead);
  } finally {
    releaseReservation(sim, host, task);
  }
}

async function buildDomain(
  sim: Simulator,
  task: string,
  vm: string,
  host: string,
  options: { paused: boolean; force: boolean },
): Promise<void> {
  try {
    if (!options.force) assertMemoryConstraintsForStart(sim, vm);
    if (vmRecord(sim, vm).ha_restart_priority === 'restart') sim.db.update('VM', vm, { ha_always_run: true });
    deleteGuestMetrics(sim, vm);
    await withMemoryOn(
      sim,
      task,
      vm,
      host,
      startRange(sim, vm),
      () => sim.tasks.progress(task, DOMAIN_BUILD_MS, 1, { cancellable: true }),
      (memoryBytes) => bootDomain(sim, vm, host, { paused: options.paused, memoryBytes }),
    );
  } finally {
    releaseHost(sim.db, vm, host, task);
  }
}

export interface BootOptions {
  paused: boolean;
  force: boolean;
}

/** VM.start (placement picks the host) or VM.start_on (`host`). */
export async function startVm(
  sim: Simulator,
  task: string,
  vm: string,
  options: BootOptions,
  host?: string,
): Promise<void> {
  if (host) assertStartOn(sim, vm, host);
  let target = NULL_REF;
  await withVmOperation(sim, vm, task, host ? 'start_on' : 'start', async () => {
    prepareForBoot(sim, vm);
    target = placeVm(sim, vm, task, 'vm_start', host);
    await buildDomain(sim, task, vm, target, options);
  });
  vmAlert(sim, 'VM_STARTED', vm, `${nameOf(sim, 'VM', vm)} started on host: ${nameOf(sim, 'host', target)}`);
}

/** Guest shuts down cleanly: the OS takes guest.shutdownMs. */
export async function cleanShutdownVm(sim: Simulator, task: string, vm: string): Promise<void> {
  await withVmOperation(sim, vm, task, 'clean_shutdown', async () => {
    sim.db.update('VM', vm, { ha_always_run: false });
    await sim.tasks.progress(task, guestOf(sim, vm).shutdownMs, 1, { cancellable: true });
    resetPowerState(sim, vm, 'Halted');
  });
  vmAlert(sim, 'VM_SHUTDOWN', vm, `${nameOf(sim, 'VM', vm)} shutdown`);
}

/** What hard_shutdown and hard_reboot cancel before acting (message_forwarding.ml). */
const HARD_SHUTDOWN_CANCELS: VmOperation[] = [
  'clean_shutdown',
  'clean_reboot',
  'hard_reboot',
  'pool_migrate',
  'call_plugin',
  'shutdown',
  'suspend',
];
const HARD_REBOOT_CANCELS: VmOperation[] = ['clean_shutdown', 'clean_reboot', 'pool_migrate', 'call_plugin', 'suspend'];

/** Cancels the listed operations in flight and waits for each to end (an uncancellable one runs to completion). */
async function cancelOperations(sim: Simulator, vm: string, own: string, ops: VmOperation[]): Promise<void> {
  for (const [task, op] of Object.entries(vmRecord(sim, vm).current_operations)) {
    if (task === own || !ops.includes(op)) continue;
    try {
      sim.tasks.cancel(task);
    } catch {
      // Not cancellable right now: xen-api ignores the refusal and waits for it instead.
    }
    await operationSettled(sim, vm, task);
  }
}

/** Xapi_vm.hard_shutdown's work: a live domain is destroyed; a suspended VM loses its image. */
async function forceHalt(sim: Simulator, task: string, vm: string): Promise<void> {
  const { power_state, suspend_VDI } = vmRecord(sim, vm);
  if (power_state === 'Suspended') {
    await sim.tasks.progress(task, DISCARD_IMAGE_MS);
    if (sim.db.has('VDI', suspend_VDI)) destroyVdi(sim, suspend_VDI);
    sim.db.update('VM', vm, { suspend_VDI: NULL_REF });
    resetPowerState(sim, vm, 'Halted');
  } else if (power_state === 'Running' || power_state === 'Paused') {
    await sim.tasks.progress(task, HARD_OPERATION_MS);
    resetPowerState(sim, vm, 'Halted');
  }
}

export async function hardShutdownVm(sim: Simulator, task: string, vm: string): Promise<void> {
  await withVmOperation(sim, vm, task, 'hard_shutdown', async () => {
    await cancelOperations(sim, vm, task, HARD_SHUTDOWN_CANCELS);
    sim.db.update('VM', vm, { ha_always_run: false });
    await forceHalt(sim, task, vm);
  });
  vmAlert(sim, 'VM_SHUTDOWN', vm, `${nameOf(sim, 'VM', vm)} shutdown forcibly`);
}

/**
 * VM.shutdown: a suspended VM just loses its image; otherwise a clean shutdown, falling
 * back to a hard one when the guest would not act on the request.
 */
export async function shutdownVm(sim: Simulator, task: string, vm: string): Promise<void> {
  await withVmOperation(sim, vm, task, 'shutdown', async () => {
    if (vmRecord(sim, vm).power_state !== 'Suspended' && guestHandlesCleanShutdown(sim.db, vm)) {
      sim.db.update('VM', vm, { ha_always_run: false });
      await sim.tasks.progress(task, guestOf(sim, vm).shutdownMs, 1, { cancellable: true });
      resetPowerState(sim, vm, 'Halted');
    } else {
      await forceHalt(sim, task, vm);
    }
  });
  vmAlert(sim, 'VM_SHUTDOWN', vm, `${nameOf(sim, 'VM', vm)} shutdown`);
}

/** The guest restarts itself: its OS shuts down, the domain is rebuilt, the OS boots again. */
export async function cleanRebootVm(sim: Simulator, task: string, vm: string): Promise<void> {
  await withVmOperation(sim, vm, task, 'clean_reboot', async () => {
    await sim.tasks.progress(task, guestOf(sim, vm).shutdownMs, 0.7, { cancellable: true });
    await sim.tasks.progress(task, DOMAIN_BUILD_MS, 1);
    assertPowerState(sim, vm, ['Running']);
    rebootDomain(sim, vm);
  });
  vmAlert(sim, 'VM_REBOOTED', vm, `${nameOf(sim, 'VM', vm)} rebooted cleanly`);
}

export async function hardRebootVm(sim: Simulator, task: string, vm: string): Promise<void> {
  await withVmOperation(sim, vm, task, 'hard_reboot', async () => {
    await cancelOperations(sim, vm, task, HARD_REBOOT_CANCELS);
    const { power_state } = vmRecord(sim, vm);
    // A cancelled operation may have left the VM elsewhere (Xapi_vm.hard_reboot).
    if (power_state === 'Suspended') raise(opErrorAsSent('VM_BAD_POWER_STATE', vm, 'running', 'suspended'));
    if (power_state === 'Halted') {
      prepareForBoot(sim, vm);
      await buildDomain(sim, task, vm, placeVm(sim, vm, task, 'vm_start'), { paused: false, force: false });
      return;
    }
    await sim.tasks.progress(task, HARD_OPERATION_MS);
    assertPowerState(sim, vm, ['Paused', 'Running']);
    rebootDomain(sim, vm);
  });
  vmAlert(sim, 'VM_REBOOTED', vm, `${nameOf(sim, 'VM', vm)} rebooted forcibly`);
}

/** Helpers.choose_suspend_sr: the VM's suspend_SR, the pool's, then the host's, if the host sees it. */
function chooseSuspendSr(sim: Simulator, vm: string): string {
  const record = vmRecord(sim, vm);
  const pool = sim.db.get<XapiRecord<'pool'>>('pool', sim.pool());
  const host = sim.db.get<XapiRecord<'host'>>('host', record.resident_on);
  const visible = srsAttachedTo(sim.db, record.resident_on);
  const sr = [record.suspend_SR, pool.suspend_image_SR, host.suspend_image_sr].find((s) => visible.has(s));
  return sr ?? fail('VM_NO_SUSPEND_SR', vm);
}

/** Room for the whole of memory plus headroom, as Xapi_xenops.suspend sizes the image. */
function suspendImageBytes(vm: Vm): number {
  return Math.trunc(vm.memory_static_max * 1.2 * 1.05) + 100 * MiB;
}

/** Writes the domain's memory to a new suspend VDI; the domain is gone but stays Suspended. */
export async function saveToImage(sim: Simulator, task: string, vm: string): Promise<string> {
  const sr = chooseSuspendSr(sim, vm);
  const record = vmRecord(sim, vm);
  const bytes = suspendImageBytes(record);
  const vdi = createVdi(sim, {
    sr,
    nameLabel: 'Suspend image',
    nameDescription: 'Suspend image',
    virtualSize: bytes,
    physicalUtilisation: bytes,
    type: 'suspend',
    smConfig: { vmhint: record.uuid },
  });
  sim.db.update('VM', vm, { suspend_VDI: vdi });
  await sim.tasks.progress(task, suspendDurationMs(sim, vm));
  return vdi;
}

export async function suspendVm(sim: Simulator, task: string, vm: string): Promise<void> {
  await withVmOperation(sim, vm, task, 'suspend', async () => {
    sim.db.update('VM', vm, { ha_always_run: false });
    const image = await saveToImage(sim, task, vm);
    if (vmRecord(sim, vm).power_state !== 'Running') {
      destroyVdi(sim, image);
      sim.db.update('VM', vm, { suspend_VDI: NULL_REF });
      assertPowerState(sim, vm, ['Running']);
    }
    const metrics = sim.db.get<XapiRecord<'VM_metrics'>>('VM_metrics', vmRecord(sim, vm).metrics);
    rememberSuspendedMemory(sim, vm, metrics.memory_actual);
    resetPowerState(sim, vm, 'Suspended');
  });
  vmAlert(sim, 'VM_SUSPENDED', vm, `${nameOf(sim, 'VM', vm)} suspended`);
}

/** VM.resume (placement picks the host) or VM.resume_on (`host`). */
export async function resumeVm(
  sim: Simulator,
  task: string,
  vm: string,
  options: BootOptions,
  host?: string,
): Promise<void> {
  let target = NULL_REF;
  await withVmOperation(sim, vm, task, host ? 'resume_on' : 'resume', async () => {
    prepareForBoot(sim, vm);
    target = placeVm(sim, vm, task, 'vm_resume', host);
    try {
      const image = vmRecord(sim, vm).suspend_VDI;
      if (!sim.db.has('VDI', image)) {
        resetPowerState(sim, vm, 'Halted');
        raise(opErrorAsSent('VM_HAS_NO_SUSPEND_VDI', 'VM', vm));
      }
      await withMemoryOn(
        sim,
        task,
        vm,
        target,
        resumeRange(sim, vm),
        () => sim.tasks.progress(task, suspendDurationMs(sim, vm)),
        (memoryBytes) =>
          bootDomain(sim, vm, target, { paused: options.paused, memoryBytes, agentAfterMs: AGENT_AFTER_RESUME_MS }),
      );
      sim.db.update('VM', vm, { suspend_VDI: NULL_REF });
      destroyVdi(sim, image);
    } finally {
      releaseHost(sim.db, vm, target, task);
    }
  });
  vmAlert(sim, 'VM_RESUMED', vm, `${nameOf(sim, 'VM', vm)} resumed on host: ${nameOf(sim, 'host', target)}`);
}

export async function pauseVm(sim: Simulator, task: string, vm: string): Promise<void> {
  await withVmOperation(sim, vm, task, 'pause', async () => {
    await sim.tasks.progress(task, PAUSE_MS);
    assertPowerState(sim, vm, ['Running']);
    setPaused(sim, vm, true);
  });
  vmAlert(sim, 'VM_PAUSED', vm, `${nameOf(sim, 'VM', vm)} paused`);
}

export async function unpauseVm(sim: Simulator, task: string, vm: string): Promise<void> {
  await withVmOperation(sim, vm, task, 'unpause', async () => {
    await sim.tasks.progress(task, PAUSE_MS);
    assertPowerState(sim, vm, ['Paused']);
    setPaused(sim, vm, false);
  });
  vmAlert(sim, 'VM_UNPAUSED', vm, `${nameOf(sim, 'VM', vm)} unpaused`);
}

/**
 * VM.pool_migrate: memory is reserved on the destination for the whole copy, so the VM
 * counts on both hosts until it arrives. options:force=true skips the strict checks.
 */
export async function poolMigrateVm(
  sim: Simulator,
  task: string,
  vm: string,
  host: string,
  options: Record<string, string>,
): Promise<void> {
  const source = vmRecord(sim, vm).resident_on;
  await withVmOperation(
    sim,
    vm,
    task,
    'pool_migrate',
    async () => {
      assertCanBootHere(sim.db, vm, host);
      reserveHost(sim.db, vm, host, task, 'vm_migrate');
      holdStillForMigration(sim, vm, true);
      try {
        await withMemoryOn(
          sim,
          task,
          vm,
          host,
          migrationRange(sim, vm),
          async () => {
            await sim.tasks.progress(task, migrateDurationMs(sim, vm), 1, { cancellable: true });
            assertPowerState(sim, vm, ['Running']);
          },
          () => migrateDomain(sim, vm, host),
        );
      } finally {
        holdStillForMigration(sim, vm, false);
        releaseHost(sim.db, vm, host, task);
      }
    },
    // bool_of_string: only the exact text "true" forces.
    { strict: options.force !== 'true' },
  );
  const name = (h: string) => {
    const { name_label, uuid } = sim.db.get<{ name_label: string; uuid: string }>('host', h);
    return `'${name_label}' (uuid: ${uuid})`;
  };
  vmAlert(sim, 'VM_MIGRATED', vm, `${nameOf(sim, 'VM', vm)} migrated from host ${name(source)} to host ${name(host)}`);
}
