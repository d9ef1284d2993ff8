/**
 * What a guest's operating system knows about itself and its virtual hardware, read
 * from the model: its name and kernel, its disks (VBDs and their VDIs), its NICs (VIFs
 * with their MACs and the addresses the guest agent reports) and the CPU of the host
 * it runs on. The guest console's boot log and commands print these.
 */
import type { XapiRecord } from '../../../src/xapi/model/types';
import { guestOf } from '../domains';
import type { Simulator } from '../simulator';

type Vm = XapiRecord<'VM'>;

export type DistroFamily = 'debian' | 'rhel' | 'suse' | 'other';

export interface GuestIdentity {
  hostname: string;
  /** As the guest agent reports it, e.g. "Debian GNU/Linux 12 (bookworm)". */
  prettyName: string;
  family: DistroFamily;
  kernelRelease: string;
  /** The text console's tty: the emulated serial port of an HVM guest, the PV console otherwise. */
  tty: 'ttyS0' | 'hvc0';
}

const FAMILIES: Record<string, DistroFamily> = {
  debian: 'debian',
  ubuntu: 'debian',
  rocky: 'rhel',
  almalinux: 'rhel',
  rhel: 'rhel',
  centos: 'rhel',
  oracle: 'rhel',
  sles: 'suse',
};

/** What an OS unknown to the simulator (an appliance) reports as its kernel. */
const UNKNOWN_KERNEL = '5.10.0-appliance';

/** A host name as an installer derives it from the VM's name: lower case, letters, digits and dashes. */
export function hostnameOf(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
  return cleaned || 'localhost';
}

export function guestIdentity(sim: Simulator, vm: string): GuestIdentity {
  const record = sim.db.get<Vm>('VM', vm);
  const { osVersion } = guestOf(sim, vm);
  return {
    hostname: hostnameOf(record.name_label),
    prettyName: osVersion.distro === 'unknown' ? 'Linux appliance' : (osVersion.name ?? 'Linux'),
    family: FAMILIES[osVersion.distro ?? ''] ?? 'other',
    kernelRelease: osVersion.uname ?? UNKNOWN_KERNEL,
    tty: record.domain_type === 'hvm' ? 'ttyS0' : 'hvc0',
  };
}

export interface GuestDisk {
  /** The kernel's name for the disk: xvdX through PV drivers, sdX when emulated. */
  device: string;
  /** Its one partition, which holds the file system. */
  partition: string;
  mountPoint: string;
  sizeBytes: number;
  usedBytes: number;
}

/** The guest's attached disks in device order; the first holds the root file system. */
export function guestDisks(sim: Simulator, vm: string): GuestDisk[] {
  const emulated = !guestOf(sim, vm).hasTools;
  const vbds = sim.db
    .get<Vm>('VM', vm)
    .VBDs.map((ref) => sim.db.get<XapiRecord<'VBD'>>('VBD', ref))
    .filter((vbd) => vbd.type === 'Disk' && vbd.currently_attached && sim.db.has('VDI', vbd.VDI))
    .sort((a, b) => Number(a.userdevice) - Number(b.userdevice));
  return vbds.map((vbd, i) => {
    const vdi = sim.db.get<XapiRecord<'VDI'>>('VDI', vbd.VDI);
    const letter = vbd.device.slice(-1) || String.fromCharCode(97 + i);
    const device = emulated ? `sd${letter}` : `xvd${letter}`;
    return {
      device,
      partition: `${device}1`,
      mountPoint: i === 0 ? '/' : `/data${i === 1 ? '' : i}`,
      sizeBytes: vdi.virtual_size,
      usedBytes: Math.min(vdi.physical_utilisation, vdi.virtual_size),
    };
  });
}

export interface GuestNic {
  name: string;
  mac: string;
  mtu: number;
  ipv4?: { address: string; prefix: number };
}

/**
 * The guest's NICs, eth<VIF device>. Its address is what the guest agent reports, or the
 * one configured on the VIF when no agent runs (the guest knows its address either way).
 */
export function guestNics(sim: Simulator, vm: string): GuestNic[] {
  const record = sim.db.get<Vm>('VM', vm);
  const reported = sim.db.find<XapiRecord<'VM_guest_metrics'>>('VM_guest_metrics', record.guest_metrics)?.networks;
  return record.VIFs.map((ref) => sim.db.get<XapiRecord<'VIF'>>('VIF', ref))
    .filter((vif) => vif.currently_attached)
    .sort((a, b) => Number(a.device) - Number(b.device))
    .map((vif) => {
      const [configured, prefix] = (vif.ipv4_addresses[0] ?? '').split('/');
      const address = reported?.[`${vif.device}/ip`] ?? configured;
      return {
        name: `eth${vif.device}`,
        mac: vif.MAC,
        mtu: vif.MTU,
        ipv4: address ? { address, prefix: Number(prefix) || 24 } : undefined,
      };
    });
}

export interface GuestCpu {
  vendor: string;
  modelName: string;
  family: number;
  model: number;
  stepping: number;
  mhz: number;
  flags: string;
}

/** The CPU the guest sees: its host's, with the hypervisor flag. */
export function guestCpu(sim: Simulator, vm: string): GuestCpu {
  const host = sim.db.get<Vm>('VM', vm).resident_on;
  const info = sim.db.find<XapiRecord<'host'>>('host', host)?.cpu_info ?? {};
  const flags = (info.flags ?? 'fpu de tsc msr pae').split(' ');
  return {
    vendor: info.vendor ?? 'GenuineIntel',
    modelName: info.modelname ?? 'Intel(R) Xeon(R) CPU',
    family: Number(info.family ?? 6),
    model: Number(info.model ?? 106),
    stepping: Number(info.stepping ?? 6),
    mhz: Number(info.speed ?? 2000),
    flags: (flags.includes('hypervisor') ? flags : [...flags, 'hypervisor']).join(' '),
  };
}
