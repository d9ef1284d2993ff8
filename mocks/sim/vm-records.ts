/**
 * VM operations that change records rather than domains: VM.destroy
 * (ocaml/xapi/xapi_vm.ml, xapi_vm_helpers.ml), VM.set_is_a_template and VM.provision
 * (xapi_templates.ml), which turns a template's other_config:disks into real disks.
 */
import type { XapiEnum, XapiRecord } from '../../src/xapi/model/types';
import { NULL_REF } from './db';
import { createVdi } from './disks';
import { fail, XapiFailure } from './failure';
import { hostOperationError, withHostOperation } from './host-operations';
import { opErrorAsSent, raise } from './operation-error';
import { isHostLive, srsAttachedTo } from './placement';
import type { Simulator } from './simulator';
import { xapiDatetime } from './time';
import { updateVmAllowedOperations, withVmOperation } from './vm-operations';

type Vm = XapiRecord<'VM'>;

/** Creating the disks and running no post-install script. */
const PROVISION_MS = 2_000;

/**
 * VM.destroy removes the VM with its VBDs, VIFs, vGPUs, VTPMs and metrics. Its disks
 * (and a suspended VM's image) stay: clients destroy those with VDI.destroy. Snapshots
 * of the VM keep pointing at it; VM.revert recreates it from them.
 */
export async function destroyVm(sim: Simulator, task: string, vm: string): Promise<void> {
  const db = sim.db;
  await withVmOperation(sim, vm, task, 'destroy', () => {
    const record = db.get<Vm>('VM', vm);
    // Only reachable for a VM that carries the key without being a template; sent without params.
    if (record.other_config.default_template === 'true') raise(opErrorAsSent('VM_CANNOT_DELETE_DEFAULT_TEMPLATE'));
    for (const child of record.children) db.update('VM', child, { parent: record.parent });
    for (const vbd of record.VBDs) db.delete('VBD', vbd);
    for (const vif of record.VIFs) db.delete('VIF', vif);
    for (const vgpu of record.VGPUs) db.delete('VGPU', vgpu);
    for (const vtpm of record.VTPMs) db.delete('VTPM', vtpm);
    for (const console of record.consoles) db.delete('console', console);
    if (db.has('VM_metrics', record.metrics)) db.delete('VM_metrics', record.metrics);
    if (db.has('VM_guest_metrics', record.guest_metrics)) db.delete('VM_guest_metrics', record.guest_metrics);
    db.delete('VM', vm);
    sim.guests.delete(vm);
  });
}

/**
 * Turning a template back into a VM is xen-api's "install time"; a template's metrics
 * are gone, so the simulator gives it fresh ones (xen-api only logs their absence).
 */
function markInstalled(sim: Simulator, vm: string): void {
  const now = xapiDatetime(sim.clock.now());
  const { metrics } = sim.db.get<Vm>('VM', vm);
  if (sim.db.has('VM_metrics', metrics)) sim.db.update('VM_metrics', metrics, { install_time: now });
  else sim.db.update('VM', vm, { metrics: sim.db.create('VM_metrics', { install_time: now }) });
  sim.db.update('VM', vm, { is_a_template: false });
}

/**
 * VM.set_is_a_template: true runs as make_into_template (Halted only) and drops the
 * VM's metrics; false needs no operation check. xen-api does not refresh
 * allowed_operations on the way back; the simulator does, so they stay true.
 */
export async function setIsATemplate(sim: Simulator, task: string, vm: string, value: boolean): Promise<void> {
  const db = sim.db;
  if (!value) {
    markInstalled(sim, vm);
    updateVmAllowedOperations(db, vm);
    return;
  }
  await withVmOperation(sim, vm, task, 'make_into_template', () => {
    const { metrics } = db.get<Vm>('VM', vm);
    db.update('VM', vm, { ha_always_run: false, groups: [], metrics: NULL_REF, is_a_template: true });
    if (db.has('VM_metrics', metrics)) db.delete('VM_metrics', metrics);
  });
}

type VdiType = XapiEnum<'vdi_type'>;

interface ProvisionDisk {
  device: string;
  size: number;
  sr: string;
  bootable: boolean;
  type: VdiType;
}

/** The types string2vdi_type knows; any other falls back to system (disk_of_xml). */
const VDI_TYPES: VdiType[] = ['system', 'user', 'ephemeral', 'suspend', 'crashdump'];
const vdiType = (text: string | undefined): VdiType => VDI_TYPES.find((t) => t === text) ?? 'system';

/** disks_of_xml: <provision><disk device= size= sr= bootable= type=/>…</provision>. */
function parseProvision(xml: string): ProvisionDisk[] {
  const body = /^\s*<provision>([\s\S]*)<\/provision>\s*$/.exec(xml) ?? /^\s*<provision\s*\/>\s*$/.exec(xml);
  if (!body) throw new XapiFailure('INTERNAL_ERROR', ['Xapi_templates.Parse_failure']);
  const disks: ProvisionDisk[] = [];
  const rest = (body[1] ?? '').replace(/<disk\b([^>]*?)\/>/g, (_, attrs: string) => {
    const a: Record<string, string> = {};
    for (const m of attrs.matchAll(/([\w-]+)="([^"]*)"/g)) a[m[1]] = m[2];
    const size = Number(a.size);
    if (a.device === undefined || a.sr === undefined || a.bootable === undefined || !Number.isInteger(size)) {
      throw new XapiFailure('INTERNAL_ERROR', ['Xapi_templates.Parse_failure']);
    }
    disks.push({ device: a.device, size, sr: a.sr, bootable: a.bootable === 'true', type: vdiType(a.type) });
    return '';
  });
  if (rest.trim() !== '') throw new XapiFailure('INTERNAL_ERROR', ['Xapi_templates.Parse_failure']);
  return disks;
}

/** create_disk looks the SR up by uuid only. */
function resolveSr(sim: Simulator, uuid: string): string {
  return sim.db.refByUuid('SR', uuid) ?? fail('UUID_INVALID', 'sr', uuid);
}

/**
 * The host that does the work (loadbalance_host_operation): one that can see every SR
 * named, else the master, whichever is not already provisioning.
 */
function provisioningHost(sim: Simulator, srs: string[]): string {
  const seeing = sim.db
    .refs('host')
    .filter((h) => isHostLive(sim.db, h) && srs.every((sr) => srsAttachedTo(sim.db, h).has(sr)));
  const hosts = seeing.length > 0 ? seeing : [sim.master()];
  return hosts.find((h) => !hostOperationError(sim.db, h, 'provision')) ?? hosts[0];
}

/**
 * VM.provision: the template becomes a VM, and each disk in other_config:disks is
 * created on the SR its uuid names (clients such as XenCenter and `xe vm-install` write
 * the SR in before calling; an empty one is refused with UUID_INVALID, as in xen-api).
 */
export async function provisionVm(sim: Simulator, task: string, vm: string): Promise<void> {
  const db = sim.db;
  await withVmOperation(sim, vm, task, 'provision', async () => {
    const record = db.get<Vm>('VM', vm);
    const disks = 'disks' in record.other_config ? parseProvision(record.other_config.disks) : [];
    const srs = disks.map((d) => resolveSr(sim, d.sr));
    await withHostOperation(sim, provisioningHost(sim, srs), task, 'provision', async () => {
      markInstalled(sim, vm);
      if (disks.length === 0 && !('postinstall' in record.other_config)) return;
      await sim.tasks.progress(task, PROVISION_MS);
      disks.forEach((disk, i) => {
        const vdi = createVdi(sim, {
          sr: srs[i],
          nameLabel: disk.device,
          nameDescription: 'Created by template provisioner',
          virtualSize: disk.size,
          type: disk.type,
          smConfig: { vmhint: record.uuid },
        });
        db.create('VBD', {
          VM: vm,
          VDI: vdi,
          userdevice: disk.device,
          device: '',
          bootable: disk.bootable,
          mode: 'RW',
          type: 'Disk',
          unpluggable: disk.type !== 'system',
          empty: false,
          other_config: { owner: '' },
          currently_attached: false,
        });
      });
      const { disks: _disks, postinstall: _script, ...otherConfig } = db.get<Vm>('VM', vm).other_config;
      db.update('VM', vm, { other_config: otherConfig });
    });
  });
}
