/**
 * The workload model: what a guest's workload produces at a moment, given the state it
 * was in then (running or paused, its memory, vCPUs and devices), and what a host shows
 * as the sum of its resident domains plus its own load. Every value is a function of
 * (time, object, state), so a sample from last month costs the same as one from now.
 *
 * A moment is either one 5-second sample, or a window for which the mean and the extremes
 * are wanted: the model is then evaluated at the window's average, lowest and highest
 * activity, with the sample-to-sample jitter at zero or at its extremes.
 */
import type { HostMemory } from './host-memory';
import { freeKiB } from './host-memory';
import { jitter, uniform } from './noise';
import type { VmState } from './states';
import type { Activity, WorkloadProfile } from './workload-profiles';

export const STEP_S = 5;
const MiB = 1024 * 1024;

export type Bound = 'avg' | 'low' | 'high';

export type Moment =
  | { kind: 'sample' /** Unix seconds, a multiple of 5. */; t: number }
  | { kind: 'window'; from: number; to: number; bound: Bound };

/** How far jitter reaches at a window's extremes (it never quite reaches ±1). */
const EXTREME_JITTER = 0.85;
const BOUND_JITTER: Record<Bound, number> = { avg: 0, low: -EXTREME_JITTER, high: EXTREME_JITTER };
/** How much a window's mean strays from the model's: the jitter of many samples mostly, not entirely, cancels. */
const WINDOW_DRIFT = 0.1;

/** The instant whose state applies: the sample's end, or the window's middle. */
export function stateTime(moment: Moment): number {
  return moment.kind === 'sample' ? moment.t : (moment.from + moment.to) / 2;
}

function noise(moment: Moment, key: number, channel: number): number {
  if (moment.kind === 'sample') return jitter(key, channel, moment.t / STEP_S);
  const drift = WINDOW_DRIFT * jitter(key, channel, moment.from / (moment.to - moment.from));
  return BOUND_JITTER[moment.bound] + drift;
}

/** The guest's activity for a moment; a window's is kept, as its three bounds are asked for in turn. */
function levelAt(guest: GuestModel, moment: Moment): number {
  if (moment.kind === 'sample') return guest.profile.level(moment.t, guest.key);
  let cached = guest.window;
  if (cached?.from !== moment.from || cached.to !== moment.to) {
    cached = { from: moment.from, to: moment.to, activity: guest.profile.window(moment.from, moment.to, guest.key) };
    guest.window = cached;
  }
  return cached.activity[moment.bound];
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
/** Byte counters advance by whole bytes over 5 seconds. */
const rate = (bytesPerSecond: number) => Math.round(bytesPerSecond * STEP_S) / STEP_S;

const CH_LEVEL = 1;
const CH_CPU = 100;
const CH_SHARE = 200;
const CH_VIF = 300;
const CH_VBD = 400;
const CH_PCPU = 500;
const CH_HOST = 600;

/** Indexes into a disk's metrics, in rrdp-iostat's order. */
export const VBD_METRICS = [
  'read',
  'write',
  'read_latency',
  'write_latency',
  'io_throughput_read',
  'io_throughput_write',
  'io_throughput_total',
  'iops_read',
  'iops_write',
  'iops_total',
  'iowait',
  'inflight',
  'latency',
  'avgqu_sz',
] as const;
type VbdMetric = (typeof VBD_METRICS)[number];
const M = Object.fromEntries(VBD_METRICS.map((m, i) => [m, i])) as Record<VbdMetric, number>;

export interface GuestModel {
  key: number;
  profile: WorkloadProfile;
  /** The guest agent reports free memory (memory_internal_free); dom0 reads its own. */
  reportsMemory: boolean;
  controlDomain: boolean;
  /** The last window's activity, see levelAt. */
  window?: { from: number; to: number; activity: Activity };
}

/** Room for at least `n` values, reusing `a` when it is big enough. */
const room = (a: Float64Array, n: number): Float64Array =>
  a.length >= n ? a : new Float64Array(Math.max(n, 2 * a.length));

/** One VM's values at a moment. Reused from sample to sample. */
export class VmSample {
  state: VmState | undefined;
  /** Per online vCPU. */
  cpu: Float64Array = new Float64Array(8);
  cpuUsage = Number.NaN;
  memory = Number.NaN;
  memoryTarget = Number.NaN;
  memoryFreeKiB = Number.NaN;
  /** Per attached VIF, in `state.vifs` order. */
  vifRx: Float64Array = new Float64Array(4);
  vifTx: Float64Array = new Float64Array(4);
  /** Per attached disk, in `state.vbds` order: VBD_METRICS values. */
  vbd: Float64Array[] = [];
  /** Xen's runstate fractions: all running, all contending, hazard, all blocked, partial run, partial contention, any runnable. */
  runstate = new Float64Array(7);

  /** A runstate fraction (index into `runstate`); unknown without a domain. */
  run(index: number): number {
    return this.state ? this.runstate[index] : Number.NaN;
  }

  /** A value for a device that is not attached now (or ever) is unknown. */
  vif(device: string, sent: boolean): number {
    const vifs = this.state?.vifs ?? [];
    for (let i = 0; i < vifs.length; i++) if (vifs[i].device === device) return sent ? this.vifTx[i] : this.vifRx[i];
    return Number.NaN;
  }

  disk(device: string, metric: number): number {
    const vbds = this.state?.vbds ?? [];
    for (let i = 0; i < vbds.length; i++) if (vbds[i].device === device) return this.vbd[i][metric];
    return Number.NaN;
  }

  /** cpu<i>: vCPUs beyond VCPUs_max do not exist; those offline use nothing. */
  vcpu(index: number): number {
    const state = this.state;
    if (!state || index >= state.vcpusMax) return Number.NaN;
    return index < state.vcpus ? this.cpu[index] : 0;
  }
}

function sampleDisk(m: Float64Array, profile: WorkloadProfile, activity: number, weight: number, n: number) {
  const read = rate(profile.diskReadBytes * activity * weight * (1 + 0.4 * n));
  const write = rate(profile.diskWriteBytes * activity * weight * (1 - 0.3 * n));
  const iopsRead = Math.round(read / profile.requestBytes);
  const iopsWrite = Math.round(write / profile.requestBytes);
  const readLatency = Math.round(150 + 1800 * activity * activity * (1 + 0.3 * n));
  const writeLatency = Math.round(250 + 2500 * activity * activity * (1 + 0.3 * n));
  const iowait = (iopsRead * readLatency + iopsWrite * writeLatency) / 1e6;
  m[M.read] = read;
  m[M.write] = write;
  m[M.read_latency] = readLatency;
  m[M.write_latency] = writeLatency;
  m[M.io_throughput_read] = read / MiB;
  m[M.io_throughput_write] = write / MiB;
  m[M.io_throughput_total] = (read + write) / MiB;
  m[M.iops_read] = iopsRead;
  m[M.iops_write] = iopsWrite;
  m[M.iops_total] = iopsRead + iopsWrite;
  m[M.iowait] = iowait;
  m[M.inflight] = Math.round(iowait);
  m[M.latency] = iopsRead + iopsWrite > 0 ? (iowait * 1e6) / (iopsRead + iopsWrite) : 0;
  m[M.avgqu_sz] = iowait;
}

/**
 * A guest's values. No domain (Halted, Suspended, or before it existed): nothing is
 * known. Paused: no CPU time and no traffic, and squeezed skips paused domains, so
 * the memory figures are unknown too.
 */
export function sampleVm(guest: GuestModel, state: VmState | undefined, moment: Moment, out: VmSample): void {
  if (!state || state.power === 'off') {
    out.state = undefined;
    out.cpuUsage = out.memory = out.memoryTarget = out.memoryFreeKiB = Number.NaN;
    return;
  }
  out.state = state;
  const { key, profile } = guest;
  const running = state.power === 'running';
  const smooth = levelAt(guest, moment);
  const activity = running ? clamp01(smooth * (1 + profile.jitter * noise(moment, key, CH_LEVEL))) : 0;

  let used = 0;
  let busiest = 0;
  let idlest = 1;
  out.cpu = room(out.cpu, state.vcpus);
  const cpu = out.cpu;
  for (let i = 0; i < state.vcpus; i++) {
    // The first vCPU takes interrupts and the busiest threads; the others share the rest.
    const share = i === 0 ? 1.15 : 0.85 + 0.15 * uniform(key, CH_SHARE, i);
    const load = clamp01(activity * share * (1 + 0.2 * noise(moment, key, CH_CPU + i)));
    cpu[i] = load;
    used += load;
    if (load > busiest) busiest = load;
    if (load < idlest) idlest = load;
  }
  out.cpuUsage = state.vcpus > 0 ? used / state.vcpus : 0;
  const r = out.runstate;
  r[0] = state.vcpus > 0 ? idlest : 0;
  r[1] = 0.01 * activity;
  r[2] = 0.02 * activity;
  r[3] = 1 - busiest;
  r[4] = busiest - r[0];
  r[5] = 0.01 * activity;
  r[6] = 0.03 * activity;

  if (running) {
    const inUse = Math.min(state.staticMax * profile.memoryInUse(smooth), state.memoryActual * 0.97);
    out.memory = state.memoryActual;
    out.memoryTarget = state.memoryTarget;
    out.memoryFreeKiB =
      guest.reportsMemory && state.agentLive ? Math.floor((state.memoryActual - inUse) / 1024) : Number.NaN;
  } else {
    out.memory = out.memoryTarget = out.memoryFreeKiB = Number.NaN;
  }

  const vifs = state.vifs;
  out.vifRx = room(out.vifRx, vifs.length);
  out.vifTx = room(out.vifTx, vifs.length);
  for (let i = 0; i < vifs.length; i++) {
    // Most traffic goes through the first interface.
    const spread = 1 + 0.35 * noise(moment, key, CH_VIF + vifs[i].key);
    const bytes = profile.networkBytes * activity * (i === 0 ? 1 : 0.3) * spread;
    out.vifTx[i] = rate(bytes * profile.sentShare);
    out.vifRx[i] = rate(bytes * (1 - profile.sentShare));
  }

  const vbds = state.vbds;
  for (let i = 0; i < vbds.length; i++) {
    out.vbd[i] ??= new Float64Array(VBD_METRICS.length);
    // With data disks, the system disk sees little of the work.
    const weight = vbds.length === 1 || vbds[i].data ? 1 : 0.25;
    sampleDisk(out.vbd[i], profile, activity, weight, noise(moment, key, CH_VBD + vbds[i].key));
  }
}

/** A domain resident on a host at a moment. */
export interface Resident {
  guest: GuestModel;
  state: VmState;
}

export interface HostModel {
  key: number;
  cpuCount: number;
  memory: HostMemory;
  /** Physical NICs (eth0…), and which one carries each network's traffic. */
  pifs: readonly string[];
  pifOfNetwork: ReadonlyMap<string, number>;
  /** SRs with a PBD here (not ISO libraries), by ref, in the order of the host's SR data sources. */
  srIndex: ReadonlyMap<string, number>;
}

/** One host's values at a moment. Reused from sample to sample. */
export class HostSample {
  live = false;
  pcpu: Float64Array = new Float64Array(0);
  cpuAvg = Number.NaN;
  loadavg = Number.NaN;
  hostload = Number.NaN;
  runningVcpus = Number.NaN;
  runningDomains = Number.NaN;
  memoryTotalKiB = Number.NaN;
  memoryFreeKiB = Number.NaN;
  reclaimed = Number.NaN;
  reclaimedMax = Number.NaN;
  /** Per physical NIC (HostModel.pifs). */
  pifRx: Float64Array = new Float64Array(0);
  pifTx: Float64Array = new Float64Array(0);
  /** Per SR (HostModel.srIndex): VBD_METRICS summed over the disks on it (latencies: the worst). */
  sr: Float64Array[] = [];
  /** xapi's own: memory usage, free, live, allocation rate (KiB), open file descriptors. */
  xapi = new Float64Array(5);
}

const scratch = new VmSample();
/** Latencies are reported as the worst disk's; everything else adds up. */
const WORST_OF = new Uint8Array(VBD_METRICS.length);
for (const m of [M.read_latency, M.write_latency, M.latency]) WORST_OF[m] = 1;

function addDisk(sum: Float64Array, disk: Float64Array) {
  for (let m = 0; m < disk.length; m++) sum[m] = WORST_OF[m] ? Math.max(sum[m], disk[m]) : sum[m] + disk[m];
}

/**
 * A host's values: its pCPUs share the vCPU load of every resident domain (dom0
 * included), free memory is what the domains leave, NIC traffic is the sum of the
 * guests' on the networks each NIC carries, and SR I/O the sum of their disks on it.
 */
export function sampleHost(
  host: HostModel,
  live: boolean,
  residents: readonly Resident[],
  moment: Moment,
  out: HostSample,
): void {
  out.live = live;
  if (!live) return;
  let vcpuLoad = 0;
  let runningDomains = 0;
  let domainBytes = 0;
  let reclaimed = 0;
  let reclaimedMax = 0;
  let dom0Load = 0;
  const nics = host.pifs.length;
  out.pifRx = room(out.pifRx, nics).fill(0, 0, nics);
  out.pifTx = room(out.pifTx, nics).fill(0, 0, nics);
  for (let i = 0; i < host.srIndex.size; i++) {
    out.sr[i] ??= new Float64Array(VBD_METRICS.length);
    out.sr[i].fill(0);
  }

  for (const { guest, state } of residents) {
    sampleVm(guest, state, moment, scratch);
    domainBytes += state.memoryActual + state.overhead;
    reclaimed += Math.max(0, state.dynamicMax - state.memoryTarget);
    reclaimedMax += Math.max(0, state.memoryTarget - state.dynamicMin);
    if (state.power === 'running') runningDomains++;
    const load = scratch.cpuUsage * state.vcpus;
    vcpuLoad += load;
    if (guest.controlDomain) dom0Load += load;
    const vifs = state.vifs;
    for (let i = 0; i < vifs.length; i++) {
      const pif = host.pifOfNetwork.get(vifs[i].network);
      if (pif === undefined) continue;
      // What a guest sends leaves through the NIC; what it receives came in through it.
      out.pifTx[pif] += scratch.vifTx[i];
      out.pifRx[pif] += scratch.vifRx[i];
    }
    const vbds = state.vbds;
    for (let i = 0; i < vbds.length; i++) {
      const at = host.srIndex.get(vbds[i].sr);
      if (at !== undefined) addDisk(out.sr[at], scratch.vbd[i]);
    }
  }

  // dom0's own management traffic on the first NIC.
  if (nics > 0) {
    out.pifRx[0] += rate(20_000 * (1 + 0.5 * noise(moment, host.key, CH_HOST)));
    out.pifTx[0] += rate(15_000 * (1 + 0.5 * noise(moment, host.key, CH_HOST + 1)));
  }

  const base = vcpuLoad / host.cpuCount;
  let sum = 0;
  out.pcpu = room(out.pcpu, host.cpuCount);
  const pcpu = out.pcpu;
  for (let i = 0; i < host.cpuCount; i++) {
    const load = clamp01(base * (1 + 0.35 * noise(moment, host.key, CH_PCPU + i)));
    pcpu[i] = load;
    sum += load;
  }
  out.cpuAvg = sum / host.cpuCount;
  out.runningVcpus = Math.round(vcpuLoad);
  out.hostload = out.runningVcpus / host.cpuCount;
  out.runningDomains = runningDomains;
  out.loadavg = Math.max(0, 0.1 + 4 * dom0Load + 0.02 * runningDomains + 0.05 * noise(moment, host.key, CH_HOST + 2));
  out.memoryTotalKiB = Math.floor(host.memory.totalBytes / 1024);
  out.memoryFreeKiB = freeKiB(host.memory, domainBytes);
  out.reclaimed = reclaimed;
  out.reclaimedMax = reclaimedMax;

  const x = out.xapi;
  x[0] = Math.round(300_000 + 60_000 * uniform(host.key, CH_HOST + 3, Math.floor(stateTime(moment) / 3600)));
  x[1] = Math.round(40_000 * (1 + 0.3 * noise(moment, host.key, CH_HOST + 4)));
  x[2] = Math.round(140_000 * (1 + 0.1 * noise(moment, host.key, CH_HOST + 5)));
  x[3] = 3000 * (1 + 0.5 * noise(moment, host.key, CH_HOST + 6));
  x[4] = 90 + Math.round(10 * (1 + noise(moment, host.key, CH_HOST + 7)));
}
