/**
 * What the performance model needs to know about a VM or a host at a moment, read from
 * the database: power state and residency, memory, vCPUs, the guest agent, attached
 * disks and network interfaces. Snapshots are compared to decide whether anything that
 * shows in the data changed.
 */
import type { XapiRecord } from '../../../src/xapi/model/types';
import type { Database, DbRecord } from '../db';
import { NULL_REF } from '../db';
import { keyOf } from './noise';

export interface VifState {
  /** VIF.device: "0", "1"… (the `vif_<device>_…` data sources). */
  device: string;
  network: string;
  key: number;
}

export interface VbdState {
  /** VBD.device: "xvda"… (the `vbd_<device>_…` data sources). */
  device: string;
  sr: string;
  /** A data disk rather than the system disk: databases work these harder. */
  data: boolean;
  key: number;
}

export interface VmState {
  /** Halted and Suspended VMs have no domain: 'off'. */
  power: 'running' | 'paused' | 'off';
  host: string;
  memoryActual: number;
  memoryTarget: number;
  dynamicMin: number;
  dynamicMax: number;
  staticMax: number;
  overhead: number;
  /** vCPUs online (VM_metrics.VCPUs_number). */
  vcpus: number;
  /** The domain's vCPU count, online or not: rrdd reports cpu0 … cpu<VCPUs_max − 1>. */
  vcpusMax: number;
  agentLive: boolean;
  vifs: readonly VifState[];
  vbds: readonly VbdState[];
}

export interface HostState {
  live: boolean;
}

type Vm = XapiRecord<'VM'>;

/** Whether a VM can ever have a domain: templates and snapshots never run. */
function canRun(vm: Vm): boolean {
  return !vm.is_a_template && !vm.is_a_snapshot;
}

const deviceKeys = new Map<string, number>();
function deviceKey(device: string): number {
  let key = deviceKeys.get(device);
  if (key === undefined) {
    key = keyOf(device);
    deviceKeys.set(device, key);
  }
  return key;
}

/** One record as it was just before a change, for reading the state the change ended. */
export interface Before {
  cls: string;
  ref: string;
  record: DbRecord | undefined;
}

type Read = <T>(cls: string, ref: string) => T | undefined;

function reader(db: Database, before: Before | undefined): Read {
  return <T>(cls: string, ref: string) =>
    before && before.ref === ref && before.cls === cls ? (before.record as T | undefined) : db.find<T>(cls, ref);
}

function attachedVifs(read: Read, vm: Vm): VifState[] {
  const vifs: VifState[] = [];
  for (const ref of vm.VIFs) {
    const vif = read<XapiRecord<'VIF'>>('VIF', ref);
    if (vif?.currently_attached) vifs.push({ device: vif.device, network: vif.network, key: deviceKey(vif.device) });
  }
  return vifs.sort((a, b) => Number(a.device) - Number(b.device));
}

/** Disks with a tapdisk behind them: attached and not an empty drive. */
function attachedVbds(read: Read, vm: Vm): VbdState[] {
  const vbds: (VbdState & { position: number })[] = [];
  for (const ref of vm.VBDs) {
    const vbd = read<XapiRecord<'VBD'>>('VBD', ref);
    if (!vbd?.currently_attached || vbd.empty) continue;
    const vdi = read<XapiRecord<'VDI'>>('VDI', vbd.VDI);
    if (!vdi) continue;
    const position = Number(vbd.userdevice);
    vbds.push({ device: vbd.device, sr: vdi.SR, data: position > 0, key: deviceKey(vbd.device), position });
  }
  return vbds.sort((a, b) => a.position - b.position).map(({ position: _p, ...vbd }) => vbd);
}

/** The VM's state now, or just before a change when `before` holds the changed record's previous version. */
export function vmStateOf(db: Database, ref: string, before?: Before): VmState | undefined {
  const read = reader(db, before);
  const vm = read<Vm>('VM', ref);
  if (!vm || !canRun(vm)) return undefined;
  const power = vm.power_state === 'Running' ? 'running' : vm.power_state === 'Paused' ? 'paused' : 'off';
  const metrics = read<XapiRecord<'VM_metrics'>>('VM_metrics', vm.metrics);
  const guest = read<XapiRecord<'VM_guest_metrics'>>('VM_guest_metrics', vm.guest_metrics);
  const live = power !== 'off';
  return {
    power,
    host: live ? vm.resident_on : NULL_REF,
    memoryActual: metrics?.memory_actual ?? 0,
    memoryTarget: vm.memory_target,
    dynamicMin: vm.memory_dynamic_min,
    dynamicMax: vm.memory_dynamic_max,
    staticMax: vm.memory_static_max,
    overhead: vm.memory_overhead,
    vcpus: metrics?.VCPUs_number ?? 0,
    vcpusMax: vm.VCPUs_max,
    agentLive: guest?.live ?? false,
    vifs: live ? attachedVifs(read, vm) : [],
    vbds: live ? attachedVbds(read, vm) : [],
  };
}

export function hostStateOf(db: Database, ref: string, before?: Before): HostState | undefined {
  const read = reader(db, before);
  const host = read<XapiRecord<'host'>>('host', ref);
  if (!host) return undefined;
  return { live: read<XapiRecord<'host_metrics'>>('host_metrics', host.metrics)?.live ?? false };
}

const sameVifs = (a: readonly VifState[], b: readonly VifState[]) =>
  a.length === b.length && a.every((v, i) => v.device === b[i].device && v.network === b[i].network);
const sameVbds = (a: readonly VbdState[], b: readonly VbdState[]) =>
  a.length === b.length && a.every((v, i) => v.device === b[i].device && v.sr === b[i].sr);

export function sameVmState(a: VmState, b: VmState): boolean {
  return (
    a.power === b.power &&
    a.host === b.host &&
    a.memoryActual === b.memoryActual &&
    a.memoryTarget === b.memoryTarget &&
    a.dynamicMin === b.dynamicMin &&
    a.dynamicMax === b.dynamicMax &&
    a.staticMax === b.staticMax &&
    a.overhead === b.overhead &&
    a.vcpus === b.vcpus &&
    a.vcpusMax === b.vcpusMax &&
    a.agentLive === b.agentLive &&
    sameVifs(a.vifs, b.vifs) &&
    sameVbds(a.vbds, b.vbds)
  );
}
