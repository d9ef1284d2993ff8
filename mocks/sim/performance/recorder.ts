/**
 * Keeps, per VM and per host, the timeline of the state the performance model reads
 * (power, residency, memory, vCPUs, devices), plus the data source changes clients asked
 * for (record_data_source, forget_data_source_archives).
 *
 * Started once a scenario is built: whatever an object looks like then is taken to have
 * held since before the simulation began, so every archive has history. Nothing is read
 * up front (a large pool would pay for it at every build): an object's timeline starts
 * when it first changes, from the record as it was just before, or when first asked for,
 * from the database as it is, which is then still the starting state.
 */
import type { XapiRecord } from '../../../src/xapi/model/types';
import type { Change, DbRecord } from '../db';
import type { Simulator } from '../simulator';
import { syncHostMemoryFree } from './host-memory';
import { type Before, type HostState, hostStateOf, sameVmState, type VmState, vmStateOf } from './states';
import { Timeline } from './timeline';

/** A client's change to an object's archive, in the order made. */
export interface DataSourceChange {
  /** Unix seconds. */
  at: number;
  name: string;
  action: 'record' | 'forget';
}

interface Recorded<S> {
  ref: string;
  uuid: string;
  timeline: Timeline<S>;
  changes: DataSourceChange[];
}

export interface RecordedVm extends Recorded<VmState> {
  /**
   * Whether the VM's RRD keeps MIN and MAX archives: rrdd decides when it first creates
   * the RRD, from pool.other_config:create_min_max_in_new_VM_RRDs. Undefined until the VM
   * first runs.
   */
  minMax: boolean | undefined;
}

export interface RecordedHost extends Recorded<HostState> {
  /** Every VM seen running here, for computing the host's load at a past moment. */
  visitors: Set<string>;
}

const CREATE_MIN_MAX_KEY = 'create_min_max_in_new_VM_RRDs';
const SINCE_EVER = Number.NEGATIVE_INFINITY;

export class PerformanceRecorder {
  /** Unix seconds when recording began. */
  readonly startedAt: number;
  private readonly vms = new Map<string, RecordedVm>();
  private readonly hosts = new Map<string, RecordedHost>();
  /** Objects created since the start, which have no history before their creation. */
  private readonly born = new Map<string, number>();
  private readonly pool: string;
  /** Metrics refs to the VM or host they belong to (metrics do not name their owner), built when first needed. */
  private owners: Map<string, string> | undefined;
  /** The pool's wish for VM MIN/MAX archives when recording began, for VMs running since before. */
  private readonly minMaxAtStart: boolean;

  constructor(private readonly sim: Simulator) {
    this.startedAt = this.now();
    this.pool = sim.db.refs('pool')[0] ?? '';
    this.minMaxAtStart = this.poolWantsMinMax();
    sim.db.onChange((change, previous) => this.onChange(change, previous));
  }

  now(): number {
    return this.sim.clock.now() / 1000;
  }

  private poolWantsMinMax(): boolean {
    return this.sim.db.find<XapiRecord<'pool'>>('pool', this.pool)?.other_config[CREATE_MIN_MAX_KEY] === 'true';
  }

  /** A VM's recording, begun from the database as it is if the VM has not changed yet. */
  vm(ref: string): RecordedVm | undefined {
    return this.vms.get(ref) ?? this.beginVm(ref);
  }

  /** A host's recording; every VM running there now is recorded too, so its load is known. */
  host(ref: string): RecordedHost | undefined {
    const host = this.hosts.get(ref) ?? this.beginHost(ref);
    for (const vm of this.sim.db.find<XapiRecord<'host'>>('host', ref)?.resident_VMs ?? []) this.vm(vm);
    return host;
  }

  private beginVm(ref: string, before?: Before): RecordedVm | undefined {
    const state = vmStateOf(this.sim.db, ref, before);
    if (!state) return undefined;
    const uuid = this.sim.db.find<{ uuid: string }>('VM', ref)?.uuid ?? (before?.record?.uuid as string);
    const recorded: RecordedVm = {
      ref,
      uuid,
      timeline: new Timeline(state, this.born.get(ref) ?? SINCE_EVER),
      changes: [],
      minMax: state.power !== 'off' && !this.born.has(ref) ? this.minMaxAtStart : undefined,
    };
    this.vms.set(ref, recorded);
    this.noteRunning(recorded, state);
    return recorded;
  }

  private beginHost(ref: string, before?: Before): RecordedHost | undefined {
    const state = hostStateOf(this.sim.db, ref, before);
    if (!state) return undefined;
    const uuid = this.sim.db.find<{ uuid: string }>('host', ref)?.uuid ?? (before?.record?.uuid as string);
    const recorded = {
      ref,
      uuid,
      timeline: new Timeline(state, this.born.get(ref) ?? SINCE_EVER),
      changes: [],
      visitors: new Set<string>(),
    };
    this.hosts.set(ref, recorded);
    return recorded;
  }

  private noteRunning(vm: RecordedVm, state: VmState) {
    if (state.power === 'off') return;
    (this.hosts.get(state.host) ?? this.beginHost(state.host))?.visitors.add(vm.ref);
    vm.minMax ??= this.poolWantsMinMax();
  }

  private ownerOf(metrics: string): string | undefined {
    if (!this.owners) {
      this.owners = new Map();
      for (const row of this.sim.db.rows('VM')) this.noteOwner(row.ref, row.record);
      for (const row of this.sim.db.rows('host')) this.owners.set(row.record.metrics as string, row.ref);
    }
    return this.owners.get(metrics);
  }

  private noteOwner(vm: string, record: DbRecord) {
    this.owners?.set(record.metrics as string, vm);
    this.owners?.set(record.guest_metrics as string, vm);
  }

  private onChange({ cls, ref }: Change, previous: DbRecord | undefined) {
    const before = { cls, ref, record: previous };
    switch (cls) {
      case 'VM': {
        if (!previous) this.born.set(ref, this.now());
        const record = this.sim.db.find('VM', ref);
        if (record) this.noteOwner(ref, record);
        this.vmChanged(ref, before);
        return;
      }
      case 'VM_metrics':
      case 'VM_guest_metrics': {
        const vm = this.ownerOf(ref);
        if (vm) this.vmChanged(vm, before);
        return;
      }
      case 'VBD':
      case 'VIF': {
        const vm = (this.sim.db.find<{ VM: string }>(cls, ref) ?? (previous as { VM?: string } | undefined))?.VM;
        if (vm) this.vmChanged(vm, before);
        return;
      }
      case 'host': {
        if (!previous) this.born.set(ref, this.now());
        const metrics = this.sim.db.find<{ metrics: string }>('host', ref)?.metrics;
        if (metrics) this.owners?.set(metrics, ref);
        this.hostChanged(ref, before);
        return;
      }
      case 'host_metrics': {
        const host = this.ownerOf(ref);
        if (host) this.hostChanged(host, before);
        return;
      }
    }
  }

  private vmChanged(ref: string, before: Before) {
    // The first change to a VM ends the state it started in.
    const recorded = this.vms.get(ref) ?? this.beginVm(ref, before);
    // A VM destroyed keeps its recording: its past load still counts on the hosts it ran on.
    const state = recorded && vmStateOf(this.sim.db, ref);
    if (!recorded || !state) return;
    const previous = recorded.timeline.latest;
    if (sameVmState(previous, state)) return;
    recorded.timeline.record(this.now(), state);
    this.noteRunning(recorded, state);
    if (
      previous.host !== state.host ||
      previous.power !== state.power ||
      previous.memoryActual !== state.memoryActual ||
      previous.overhead !== state.overhead
    ) {
      for (const host of new Set([previous.host, state.host])) {
        if (this.sim.db.has('host', host)) syncHostMemoryFree(this.sim, host);
      }
    }
  }

  private hostChanged(ref: string, before: Before) {
    const recorded = this.hosts.get(ref) ?? this.beginHost(ref, before);
    const state = recorded && hostStateOf(this.sim.db, ref);
    if (!recorded || !state) return;
    if (state.live !== recorded.timeline.latest.live) recorded.timeline.record(this.now(), state);
  }
}

const recorders = new WeakMap<Simulator, PerformanceRecorder>();

/**
 * Starts recording a simulator's performance history, and sets each host's free memory
 * as xapi's monitor would from the first sample. Scenarios call it once built; a
 * simulator put together by hand gets it on first use, from that moment.
 */
export function startPerformanceRecording(sim: Simulator): PerformanceRecorder {
  let recorder = recorders.get(sim);
  if (!recorder) {
    for (const host of sim.db.refs('host')) syncHostMemoryFree(sim, host);
    recorder = new PerformanceRecorder(sim);
    recorders.set(sim, recorder);
  }
  return recorder;
}
