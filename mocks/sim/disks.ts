/**
 * The VDI operations VM lifecycle calls make (VDI.create, clone, copy, snapshot,
 * destroy), with each SR's virtual_allocation and physical_utilisation kept in step.
 * Disks are thin (VHD): a clone or snapshot shares its parent's blocks, a copy does not.
 */
import type { XapiEnum, XapiRecord } from '../../src/xapi/model/types';
import { NULL_DATETIME, NULL_REF } from './db';
import { type OperationError, opError, raise } from './operation-error';
import type { Simulator } from './simulator';
import { xapiDatetime } from './time';

/** The generated record names the field `type_`; the database (and the wire) call it `type`. */
type Vdi = XapiRecord<'VDI'> & { type: XapiEnum<'vdi_type'> };

export type DiskCopy = 'clone' | 'copy' | 'snapshot';

const VDI_OPERATIONS = ['clone', 'copy', 'resize', 'snapshot', 'destroy', 'forget', 'generate_config', 'update'];

function growSr(sim: Simulator, sr: string, virtualBytes: number, physicalBytes: number) {
  const r = sim.db.find<XapiRecord<'SR'>>('SR', sr);
  if (!r) return;
  sim.db.update('SR', sr, {
    virtual_allocation: Math.max(0, r.virtual_allocation + virtualBytes),
    physical_utilisation: Math.max(0, r.physical_utilisation + physicalBytes),
  });
}

export interface NewDisk {
  sr: string;
  nameLabel: string;
  nameDescription: string;
  virtualSize: number;
  type: Vdi['type'];
  smConfig?: Record<string, string>;
  /** Bytes written so far; a fresh disk has none. */
  physicalUtilisation?: number;
}

/** VDI.create as the provisioner and the suspend path call it. */
export function createVdi(sim: Simulator, disk: NewDisk): string {
  const used = disk.physicalUtilisation ?? 0;
  const vdi = sim.db.create('VDI', {
    name_label: disk.nameLabel,
    name_description: disk.nameDescription,
    SR: disk.sr,
    virtual_size: disk.virtualSize,
    physical_utilisation: used,
    type: disk.type,
    sharable: false,
    read_only: false,
    managed: true,
    location: sim.db.newUuid(),
    sm_config: disk.smConfig ?? {},
    allowed_operations: VDI_OPERATIONS,
  });
  growSr(sim, disk.sr, disk.virtualSize, used);
  return vdi;
}

/**
 * VDI.clone, VDI.copy (to `sr`, else the same SR) or VDI.snapshot of `vdi`: a new VDI
 * with the same content; a snapshot records what it is a snapshot of, and when.
 */
export function copyVdi(sim: Simulator, vdi: string, how: DiskCopy, sr?: string): string {
  const source = sim.db.get<Vdi>('VDI', vdi);
  const target = how === 'copy' && sr ? sr : source.SR;
  const used = how === 'copy' ? source.physical_utilisation : 0;
  const snapshot = how === 'snapshot';
  const copy = sim.db.create('VDI', {
    name_label: source.name_label,
    name_description: source.name_description,
    SR: target,
    virtual_size: source.virtual_size,
    physical_utilisation: used,
    type: source.type,
    sharable: source.sharable,
    read_only: source.read_only,
    managed: true,
    location: sim.db.newUuid(),
    sm_config: how === 'copy' ? {} : source.sm_config,
    other_config: source.other_config,
    tags: source.tags,
    allowed_operations: VDI_OPERATIONS,
    is_a_snapshot: snapshot,
    snapshot_of: snapshot ? vdi : NULL_REF,
    snapshot_time: snapshot ? xapiDatetime(sim.clock.now()) : NULL_DATETIME,
  });
  growSr(sim, target, source.virtual_size, used);
  return copy;
}

/** VDI.destroy refuses while a VBD has the disk attached (xapi_vdi.ml, destroy_and_data_destroy_common). */
export function vdiDestroyError(sim: Simulator, vdi: string): OperationError | undefined {
  const { VBDs } = sim.db.get<Vdi>('VDI', vdi);
  const attached = VBDs.some((vbd) => {
    const r = sim.db.find<XapiRecord<'VBD'>>('VBD', vbd);
    return r?.currently_attached;
  });
  return attached ? opError('VDI_IN_USE', vdi, 'destroy') : undefined;
}

/**
 * VDI.destroy: the disk goes, then the VBDs that used it and any VM's pointer to it as
 * a suspend image. Snapshots of it keep their snapshot_of, as in xen-api.
 */
export function destroyVdi(sim: Simulator, vdi: string): void {
  raise(vdiDestroyError(sim, vdi));
  const record = sim.db.get<Vdi>('VDI', vdi);
  sim.db.delete('VDI', vdi);
  for (const vbd of record.VBDs) if (sim.db.has('VBD', vbd)) sim.db.delete('VBD', vbd);
  for (const row of sim.db.rows('VM')) {
    if (row.record.suspend_VDI === vdi) sim.db.update('VM', row.ref, { suspend_VDI: NULL_REF });
  }
  growSr(sim, record.SR, -record.virtual_size, -record.physical_utilisation);
}
