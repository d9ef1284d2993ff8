/**
 * New VMs made from existing ones, as ocaml/xapi/xapi_vm_clone.ml makes them: clone
 * (disks cloned), copy (disks copied in full, optionally to another SR), snapshot (disks
 * snapshotted, the new VM a snapshot of the old) and checkpoint (a snapshot that also
 * saves memory). The new VM's VBDs, VIFs and metrics are copies; its record carries the
 * source's fields over with the changes copy_vm_record makes.
 */
import type { XapiRecord } from '../../src/xapi/model/types';
import { type DbRecord, NULL_DATETIME, NULL_REF } from './db';
import { copyVdi, type DiskCopy, destroyVdi } from './disks';
import { guestOf, moveDomain } from './domains';
import { fail } from './failure';
import { resetPowerState } from './power-state';
import type { Simulator } from './simulator';
import { xapiDatetime } from './time';
import { GiB } from './units';
import { nameOf, vmAlert } from './vm-alerts';
import { copyGuestMetrics, copyMetrics, copyVbd, copyVif, freshGenerationId } from './vm-copies';
import { saveToImage, suspendDurationMs } from './vm-lifecycle';
import { updateVmAllowedOperations, withVmOperation } from './vm-operations';

type Vm = XapiRecord<'VM'>;
type DiskOp = 'clone' | 'copy' | 'snapshot' | 'checkpoint';

/** Fast clones and snapshots only write metadata. */
const CLONE_MS = 2_000;
/** A full copy reads and writes every used block. */
const COPY_MS_PER_GIB = 200;

const DISK_COPY: Record<DiskOp, DiskCopy> = {
  clone: 'clone',
  copy: 'copy',
  snapshot: 'snapshot',
  checkpoint: 'snapshot',
};

interface CopyOptions {
  /** VM.copy's target SR; disks stay in their own SR when absent. */
  sr?: string;
  /** VM.snapshot's ignore_vdis: disks left out of the snapshot. */
  ignoreVdis?: string[];
  /** Checkpoint records the power state from before the VM was suspended. */
  snapshotInfo?: Record<string, string>;
}

/** Every ref set on VM: they list other objects and start empty on a new VM. */
const REF_SETS = [
  'VBDs',
  'VIFs',
  'consoles',
  'crash_dumps',
  'snapshots',
  'children',
  'VGPUs',
  'VTPMs',
  'VUSBs',
  'attached_PCIs',
  'groups',
];

/** copy_vm_record's other_config: a fresh mac_seed (not for snapshots), no default-template marks, the base template named. */
function copiedOtherConfig(sim: Simulator, source: Vm, isSnapshot: boolean): Record<string, string> {
  const { default_template: _d, xensource_internal: _x, ...config } = source.other_config;
  if (!isSnapshot) config.mac_seed = sim.db.newUuid();
  if (source.is_a_template && !('base_template_name' in config)) config.base_template_name = source.name_label;
  return config;
}

/** The new VM's record, as copy_vm_record writes it. */
function newVmRecord(sim: Simulator, vm: string, newName: string, op: DiskOp, options: CopyOptions): DbRecord {
  const source = sim.db.get<Vm>('VM', vm);
  const isSnapshot = op === 'snapshot' || op === 'checkpoint';
  const record: DbRecord = { ...source };
  for (const set of REF_SETS) record[set] = [];
  return Object.assign(record, {
    uuid: '',
    allowed_operations: [],
    current_operations: {},
    blocked_operations: {},
    name_label: newName,
    is_a_template: isSnapshot || source.is_a_template,
    is_default_template: false,
    is_a_snapshot: isSnapshot,
    snapshot_of: isSnapshot ? vm : NULL_REF,
    snapshot_time: isSnapshot ? xapiDatetime(sim.clock.now()) : NULL_DATETIME,
    snapshot_info: options.snapshotInfo ?? snapshotInfo(source.power_state, isSnapshot),
    // xen-api stores the VM's record at snapshot time here for revert; the simulator stores it as JSON.
    snapshot_metadata: isSnapshot ? JSON.stringify(source) : '',
    transportable_snapshot_id: '',
    parent: isSnapshot ? source.parent : NULL_REF,
    resident_on: NULL_REF,
    scheduled_to_be_resident_on: NULL_REF,
    suspend_VDI: NULL_REF,
    other_config: copiedOtherConfig(sim, source, isSnapshot),
    domid: -1,
    domarch: '',
    metrics: copyMetrics(sim, source.metrics),
    guest_metrics: copyGuestMetrics(sim, source.guest_metrics),
    blobs: {},
    ha_always_run: false,
    protection_policy: NULL_REF,
    is_vmss_snapshot: false,
    snapshot_schedule: NULL_REF,
    appliance: NULL_REF,
    start_delay: 0,
    shutdown_delay: 0,
    order: 0,
    suspend_SR: NULL_REF,
    generation_id: freshGenerationId(sim),
    requires_reboot: false,
    pending_guidances: [],
    pending_guidances_recommended: [],
    pending_guidances_full: [],
  });
}

/** Xapi_vm_clone.snapshot_info: what a snapshot remembers of how it was taken. */
function snapshotInfo(powerState: string, isSnapshot: boolean): Record<string, string> {
  return isSnapshot ? { 'disk-snapshot-type': 'crash_consistent', 'power-state-at-snapshot': powerState } : {};
}

function copyDurationMs(sim: Simulator, vbds: string[], op: DiskOp): number {
  if (op !== 'copy') return CLONE_MS;
  const usedBytes = vbds.reduce((n, vbd) => {
    const vdi = sim.db.find<XapiRecord<'VBD'>>('VBD', vbd)?.VDI ?? NULL_REF;
    return n + (sim.db.find<XapiRecord<'VDI'>>('VDI', vdi)?.physical_utilisation ?? 0);
  }, 0);
  return Math.max(CLONE_MS, Math.round((usedBytes / GiB) * COPY_MS_PER_GIB));
}

/**
 * Xapi_vm_clone.clone: waits while the disks are cloned (cancellable), then creates the
 * disks, the VM, its VBDs and VIFs in one go, so a cancelled or failed call leaves nothing.
 */
async function copyVm(
  sim: Simulator,
  task: string,
  vm: string,
  newName: string,
  op: DiskOp,
  options: CopyOptions,
): Promise<string> {
  await sim.tasks.progress(task, copyDurationMs(sim, copiedVbds(sim, vm, op, options), op), 1, { cancellable: true });
  return writeCopy(sim, vm, newName, op, options);
}

/** The VBDs a copy takes: all of them, less ignore_vdis for a snapshot. */
function copiedVbds(sim: Simulator, vm: string, op: DiskOp, options: CopyOptions): string[] {
  const isSnapshot = op === 'snapshot' || op === 'checkpoint';
  const ignored = new Set(options.ignoreVdis ?? []);
  return sim.db
    .get<Vm>('VM', vm)
    .VBDs.filter((vbd) => !isSnapshot || !ignored.has(sim.db.get<XapiRecord<'VBD'>>('VBD', vbd).VDI));
}

/**
 * The copy itself, at once: the new VM with copies of its disks, VBDs and VIFs.
 * Scenarios call it directly to build snapshots that look like VM.snapshot's.
 */
export function writeCopy(sim: Simulator, vm: string, newName: string, op: DiskOp, options: CopyOptions = {}): string {
  const db = sim.db;
  const source = db.get<Vm>('VM', vm);
  const isSnapshot = op === 'snapshot' || op === 'checkpoint';
  const suspended = source.power_state === 'Suspended' || (op === 'checkpoint' && source.power_state === 'Running');
  const newPower = suspended && op !== 'snapshot' ? 'Suspended' : 'Halted';
  const kind = DISK_COPY[op];
  const disks = copiedVbds(sim, vm, op, options).map((vbd): [string, string] => {
    const r = db.get<XapiRecord<'VBD'> & { type: string }>('VBD', vbd);
    if (r.empty || !db.has('VDI', r.VDI)) return [vbd, NULL_REF];
    // CDs are shared, not copied.
    return [vbd, r.type === 'CD' ? r.VDI : copyVdi(sim, r.VDI, kind, options.sr)];
  });
  const ref = db.create('VM', newVmRecord(sim, vm, newName, op, options));
  for (const [vbd, vdi] of disks) copyVbd(sim, vbd, ref, vdi);
  for (const vif of source.VIFs) copyVif(sim, vif, ref, isSnapshot);
  const image = source.suspend_VDI;
  if (op !== 'snapshot' && db.has('VDI', image))
    db.update('VM', ref, { suspend_VDI: copyVdi(sim, image, kind, options.sr) });
  if (isSnapshot) db.update('VM', vm, { parent: ref });
  sim.guests.set(ref, guestOf(sim, vm));
  resetPowerState(sim, ref, newPower);
  return ref;
}

/** Xapi_vm.clone/copy: a copy of a suspended snapshot is shut down (its image discarded). */
function haltCopyOfSnapshot(sim: Simulator, source: string, copy: string): void {
  const record = sim.db.get<Vm>('VM', copy);
  if (!sim.db.get<Vm>('VM', source).is_a_snapshot || record.power_state === 'Halted') return;
  if (sim.db.has('VDI', record.suspend_VDI)) destroyVdi(sim, record.suspend_VDI);
  sim.db.update('VM', copy, { suspend_VDI: NULL_REF });
  resetPowerState(sim, copy, 'Halted');
}

export async function cloneVm(sim: Simulator, task: string, vm: string, newName: string): Promise<string> {
  return withVmOperation(sim, vm, task, 'clone', async () => {
    const ref = await copyVm(sim, task, vm, newName, 'clone', {});
    haltCopyOfSnapshot(sim, vm, ref);
    return ref;
  });
}

/** VM.copy: an SR that does not exist means "each disk's own SR"; an ISO SR is refused. */
export async function copyVmToSr(
  sim: Simulator,
  task: string,
  vm: string,
  newName: string,
  sr: string,
): Promise<string> {
  return withVmOperation(sim, vm, task, 'copy', async () => {
    const target = sim.db.find<XapiRecord<'SR'>>('SR', sr);
    if (target?.content_type === 'iso') fail('OPERATION_NOT_ALLOWED', "Cannot copy a VM's disks to an ISO SR");
    const ref = await copyVm(sim, task, vm, newName, 'copy', { sr: target ? sr : undefined });
    haltCopyOfSnapshot(sim, vm, ref);
    return ref;
  });
}

export async function snapshotVm(
  sim: Simulator,
  task: string,
  vm: string,
  newName: string,
  ignoreVdis: string[] = [],
): Promise<string> {
  const ref = await withVmOperation(sim, vm, task, 'snapshot', () =>
    copyVm(sim, task, vm, newName, 'snapshot', { ignoreVdis }),
  );
  vmAlert(sim, 'VM_SNAPSHOTTED', vm, `${nameOf(sim, 'VM', vm)} snapshotted, snapshot name: ${newName}`);
  return ref;
}

/**
 * Xapi_vm_snapshot.checkpoint: a running VM is suspended (its domain gone but the VM
 * still resident on its host), its disks and memory image snapshotted, then resumed.
 */
export async function checkpointVm(sim: Simulator, task: string, vm: string, newName: string): Promise<string> {
  const ref = await withVmOperation(sim, vm, task, 'checkpoint', async () => {
    const { power_state, resident_on } = sim.db.get<Vm>('VM', vm);
    // Only a running VM's state is recorded: xen-api passes an empty snapshot_info otherwise.
    if (power_state !== 'Running') return copyVm(sim, task, vm, newName, 'checkpoint', { snapshotInfo: {} });
    const info = snapshotInfo('Running', true);
    const image = await saveToImage(sim, task, vm);
    sim.db.update('VM', vm, { power_state: 'Suspended' });
    updateVmAllowedOperations(sim.db, vm);
    try {
      return await copyVm(sim, task, vm, newName, 'checkpoint', { snapshotInfo: info });
    } finally {
      await resumeAfterCheckpoint(sim, task, vm, resident_on, image);
    }
  });
  vmAlert(sim, 'VM_CHECKPOINTED', vm, `${nameOf(sim, 'VM', vm)} checkpointed, snapshot name: ${newName}`);
  return ref;
}

/** The slow resume that ends a checkpoint, unless something else (a hard shutdown) took the VM meanwhile. */
async function resumeAfterCheckpoint(
  sim: Simulator,
  task: string,
  vm: string,
  host: string,
  image: string,
): Promise<void> {
  await sim.tasks.progress(task, suspendDurationMs(sim, vm));
  const record = sim.db.get<Vm>('VM', vm);
  if (record.power_state === 'Suspended' && record.resident_on === host) {
    sim.db.update('VM', vm, { power_state: 'Running', suspend_VDI: NULL_REF });
    moveDomain(sim, vm, host);
    updateVmAllowedOperations(sim.db, vm);
  }
  if (sim.db.has('VDI', image)) destroyVdi(sim, image);
}
