/**
 * VM.revert as ocaml/xapi/xapi_vm_snapshot.ml does it (with the clone fallback SMAPIv1
 * storage takes): the VM is shut down if needed, its fields are restored from the
 * record kept at snapshot time, its disks replaced by clones of the snapshot's, its
 * VIFs and metrics by copies, and it ends Halted, or Suspended for a checkpoint. A VM
 * deleted since the snapshot is first recreated from that record.
 */
import type { XapiRecord } from '../../src/xapi/model/types';
import { type DbRecord, NULL_REF } from './db';
import { copyVdi, destroyVdi, vdiDestroyError } from './disks';
import { guestOf } from './domains';
import { sessionOfTask, withInternalTask } from './internal-tasks';
import { opErrorAsSent, raise } from './operation-error';
import { isHostLive } from './placement';
import { resetPowerState } from './power-state';
import type { Simulator } from './simulator';
import { nameOf, vmAlert } from './vm-alerts';
import { copyGuestMetrics, copyMetrics, copyVbd, copyVif } from './vm-copies';
import { hardShutdownVm } from './vm-lifecycle';
import { withVmOperation } from './vm-operations';

type Vm = XapiRecord<'VM'>;
type Vbd = XapiRecord<'VBD'> & { type: string };

/** Restoring is quick metadata and clone work, and not cancellable (a half-reverted VM would be broken). */
const REVERT_MS = 2_000;

/** Fields revert_vm_fields leaves alone when the snapshot carries the VM's record (post-MNR snapshots). */
const DO_NOT_COPY = new Set([
  'uuid',
  'suspend_VDI',
  'power_state',
  'parent',
  'current_operations',
  'allowed_operations',
  'metrics',
  'guest_metrics',
  'resident_on',
  'domid',
  'protection_policy',
  'snapshot_schedule',
  'scheduled_to_be_resident_on',
  'snapshots',
  'tags',
  'affinity',
  'groups',
  'consoles',
  'VBDs',
  'VIFs',
  'VGPUs',
  'VUSBs',
  'VTPMs',
  'attached_PCIs',
]);
/** ...and the ones it also leaves when the snapshot's own record stands in for it. */
const EXTENDED_DO_NOT_COPY = new Set([
  ...DO_NOT_COPY,
  'name_label',
  'is_a_snapshot',
  'is_a_template',
  'is_default_template',
  'snapshot_of',
  'snapshot_time',
  'transportable_snapshot_id',
  'children',
]);

/** The VM's record at snapshot time, or undefined for a snapshot taken without one. */
function snapshotMetadata(sim: Simulator, snapshot: string): DbRecord | undefined {
  const text = sim.db.get<Vm>('VM', snapshot).snapshot_metadata;
  return text ? (JSON.parse(text) as DbRecord) : undefined;
}

/**
 * copy_vm_fields: every field of `metadata` outside `skip`. Sets the database derives
 * from other objects' refs are not copied, and a ref to an object gone since becomes NULL.
 */
function copyVmFields(sim: Simulator, vm: string, metadata: DbRecord, skip: Set<string>): void {
  const patch: DbRecord = { ha_always_run: false };
  for (const field of sim.db.schema.classes.get('VM')!.fields) {
    if (skip.has(field.name) || !(field.name in metadata) || field.name === 'children' || field.name === 'crash_dumps')
      continue;
    const value = metadata[field.name];
    const type = field.type;
    patch[field.name] =
      type.kind === 'ref' && value !== NULL_REF && !sim.db.has(type.cls, String(value)) ? NULL_REF : value;
  }
  if (patch.domain_type === 'unspecified') patch.domain_type = patch.HVM_boot_policy === '' ? 'pv' : 'hvm';
  sim.db.update('VM', vm, patch);
}

function revertFields(sim: Simulator, snapshot: string, vm: string): void {
  const metadata = snapshotMetadata(sim, snapshot);
  if (metadata) copyVmFields(sim, vm, metadata, DO_NOT_COPY);
  else copyVmFields(sim, vm, sim.db.get<DbRecord>('VM', snapshot), EXTENDED_DO_NOT_COPY);
}

function deleteIfPresent(sim: Simulator, cls: string, ref: string): void {
  if (sim.db.has(cls, ref)) sim.db.delete(cls, ref);
}

/**
 * revert_vbds: the VM's disks that the snapshot has a snapshot of are destroyed, with its
 * suspend image; disks without one are detached but kept; CDs are detached. The
 * snapshot's disks are cloned in their place, and every snapshot of an old disk now
 * counts as a snapshot of its clone.
 */
function revertDisks(sim: Simulator, snapshot: string, vm: string): void {
  const db = sim.db;
  const snap = db.get<Vm>('VM', snapshot);
  const record = db.get<Vm>('VM', vm);
  const vbdsOf = (owner: Vm) => owner.VBDs.map((vbd) => db.get<Vbd>('VBD', vbd));
  const snapshotOf = new Set(
    vbdsOf(snap).flatMap((v) =>
      v.type === 'Disk' && db.has('VDI', v.VDI) ? [db.get<XapiRecord<'VDI'>>('VDI', v.VDI).snapshot_of] : [],
    ),
  );
  const replaced = vbdsOf(record)
    .filter((v) => v.type === 'Disk' && snapshotOf.has(v.VDI))
    .map((v) => v.VDI);
  for (const vbd of record.VBDs) db.delete('VBD', vbd);
  for (const vdi of [...replaced, record.suspend_VDI]) {
    // safe_destroy_vdi: a disk still in use elsewhere is left alone.
    if (db.has('VDI', vdi) && !vdiDestroyError(sim, vdi)) destroyVdi(sim, vdi);
  }
  for (const vbd of snap.VBDs) {
    const r = db.get<Vbd>('VBD', vbd);
    if (r.type !== 'Disk' || !db.has('VDI', r.VDI)) {
      copyVbd(sim, vbd, vm, r.empty ? NULL_REF : r.VDI);
      continue;
    }
    const previous = db.get<XapiRecord<'VDI'>>('VDI', r.VDI).snapshot_of;
    const clone = copyVdi(sim, r.VDI, 'clone');
    copyVbd(sim, vbd, vm, clone);
    if (previous === NULL_REF) continue;
    for (const row of [...db.rows('VDI')]) {
      if (row.record.snapshot_of === previous) db.update('VDI', row.ref, { snapshot_of: clone });
    }
  }
  const image = db.has('VDI', snap.suspend_VDI) ? copyVdi(sim, snap.suspend_VDI, 'clone') : NULL_REF;
  db.update('VM', vm, { suspend_VDI: image });
}

/** update_vifs_vbds_vgpus_and_vusbs, update_guest_metrics, update_metrics, update_parent, update_vtpm. */
function applyRevert(sim: Simulator, snapshot: string, vm: string): void {
  const db = sim.db;
  revertFields(sim, snapshot, vm);
  revertDisks(sim, snapshot, vm);
  const snap = db.get<Vm>('VM', snapshot);
  const record = db.get<Vm>('VM', vm);
  for (const vif of record.VIFs) db.delete('VIF', vif);
  for (const vif of snap.VIFs) copyVif(sim, vif, vm, true);
  deleteIfPresent(sim, 'VM_guest_metrics', record.guest_metrics);
  deleteIfPresent(sim, 'VM_metrics', record.metrics);
  db.update('VM', vm, {
    guest_metrics: copyGuestMetrics(sim, snap.guest_metrics),
    metrics: copyMetrics(sim, snap.metrics),
    parent: snapshot,
  });
  for (const vtpm of record.VTPMs) db.delete('VTPM', vtpm);
  for (const vtpm of snap.VTPMs) {
    const { uuid: _uuid, VM: _vm, ...rest } = db.get<DbRecord>('VTPM', vtpm);
    db.create('VTPM', { ...rest, VM: vm });
  }
  sim.guests.set(vm, guestOf(sim, snapshot));
  resetPowerState(sim, vm, snap.power_state === 'Suspended' ? 'Suspended' : 'Halted');
}

/**
 * create_vm_from_snapshot: the VM the snapshot was taken of is gone, so it is made
 * again from the record kept at snapshot time (with its uuid), and every snapshot of
 * the old VM becomes a snapshot of the new one.
 */
function recreateVm(sim: Simulator, snapshot: string): string {
  const db = sim.db;
  const snap = db.get<Vm>('VM', snapshot);
  const metadata = snapshotMetadata(sim, snapshot);
  if (!metadata || typeof metadata.uuid !== 'string' || db.refByUuid('VM', metadata.uuid)) {
    raise(opErrorAsSent('VM_REVERT_FAILED', snapshot, snap.snapshot_of));
  }
  const {
    VBDs: _b,
    VIFs: _i,
    consoles: _c,
    snapshots: _s,
    children: _ch,
    VTPMs: _t,
    ...fields
  } = snap as unknown as DbRecord;
  const vm = db.create('VM', {
    ...fields,
    uuid: metadata!.uuid,
    suspend_VDI: NULL_REF,
    power_state: 'Halted',
    allowed_operations: [],
    current_operations: {},
    metrics: db.create('VM_metrics', {}),
    guest_metrics: NULL_REF,
  });
  copyVmFields(sim, vm, metadata!, DO_NOT_COPY);
  for (const row of [...db.rows('VM')]) {
    if (row.record.snapshot_of === snap.snapshot_of && row.ref !== vm) db.update('VM', row.ref, { snapshot_of: vm });
  }
  return vm;
}

/** A suspended snapshot's memory image must be reachable from a live host (message_forwarding.ml). */
function assertImageReachable(sim: Simulator, snapshot: string): void {
  const { power_state, suspend_VDI } = sim.db.get<Vm>('VM', snapshot);
  const sr = sim.db.find<XapiRecord<'VDI'>>('VDI', suspend_VDI)?.SR;
  if (power_state !== 'Suspended' || !sr) return;
  const pbd = sim.db
    .get<XapiRecord<'SR'>>('SR', sr)
    .PBDs.map((p) => sim.db.get<XapiRecord<'PBD'>>('PBD', p))
    .find((p) => p.currently_attached);
  if (pbd && !isHostLive(sim.db, pbd.host)) raise(opErrorAsSent('HOST_NOT_LIVE', pbd.host));
}

export async function revertVm(sim: Simulator, task: string, snapshot: string): Promise<void> {
  const db = sim.db;
  const original = db.get<Vm>('VM', snapshot).snapshot_of;
  const vm = db.has('VM', original) ? original : recreateVm(sim, snapshot);
  await withVmOperation(sim, snapshot, task, 'revert', () =>
    withVmOperation(sim, vm, task, 'reverting', async () => {
      assertImageReachable(sim, snapshot);
      if (db.get<Vm>('VM', vm).power_state !== 'Halted') {
        await withInternalTask(sim, 'VM.hard_shutdown', sessionOfTask(sim, task), (t) => hardShutdownVm(sim, t, vm));
      }
      await sim.tasks.progress(task, REVERT_MS);
      applyRevert(sim, snapshot, vm);
    }),
  );
  vmAlert(
    sim,
    'VM_SNAPSHOT_REVERTED',
    vm,
    `${nameOf(sim, 'VM', vm)} reverted to snapshot: ${describeSnapshot(sim, snapshot)}`,
  );
}

/** This body writes the snapshot as "name (uuid …)", without the colon used elsewhere. */
function describeSnapshot(sim: Simulator, snapshot: string): string {
  const { name_label, uuid } = sim.db.get<Vm>('VM', snapshot);
  return `${name_label} (uuid ${uuid})`;
}
