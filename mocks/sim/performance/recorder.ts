/**
 * Watches the database and keeps, per VM and per host, the timeline of the state the
 * performance model reads (power, residency, memory, vCPUs, devices), plus the data
 * source changes clients asked for (record_data_source, forget_data_source_archives).
 * Started once a scenario is built: whatever each object looks like then is taken to
 * have held since before the simulation began, so every archive has history.
 */
import type { XapiRecord } from '../../../src/xapi/model/types';
import type { Change } from '../db';
import type { Simulator } from '../simulator';
import { syncHostMemoryFree } from './host-memory';
import { keyOf } from './noise';
import { type HostState, hostStateOf, sameVmState, type VmState, vmStateOf } from './states';
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
  /** Seeds this object's noise. */
  key: number;
  timeline: Timeline<S>;
  changes: DataSourceChange[];
}

export interface RecordedVm extends Recorded<VmState> {
  /**
   * Whether the VM's RRD keeps MIN and MAX archives: rrdd decides when it first creates
   * the RRD, from pool.other_config:create_min_max_in_new_VM_RRDs. Undefined until the VM
   * first runs; control domains follow the same rule.
   */
  minMax: boolean | undefined;
}

export interface RecordedHost extends Recorded<HostState> {
  /** Every VM that has ever run here, for computing the host's load at a past moment. */
  visitors: Set<string>;
}

const CREATE_MIN_MAX_KEY = 'create_min_max_in_new_VM_RRDs';

export class PerformanceRecorder {
  /** Unix seconds when recording began: the scenario's starting state holds before it. */
  readonly startedAt: number;
  readonly vms = new Map<string, RecordedVm>();
  readonly hosts = new Map<string, RecordedHost>();
  /** VM_metrics and VM_guest_metrics refs to their VM, host_metrics refs to their host. */
  private readonly owners = new Map<string, string>();

  constructor(private readonly sim: Simulator) {
    this.startedAt = this.now();
    for (const host of sim.db.refs('host')) this.trackHost(host, Number.NEGATIVE_INFINITY);
    for (const vm of sim.db.refs('VM')) this.trackVm(vm, Number.NEGATIVE_INFINITY);
    for (const host of this.hosts.keys()) syncHostMemoryFree(sim, host);
    sim.db.onChange((change) => this.onChange(change));
  }

  now(): number {
    return this.sim.clock.now() / 1000;
  }

  private trackHost(ref: string, from: number) {
    const state = hostStateOf(this.sim.db, ref);
    if (!state) return;
    const { uuid, metrics } = this.sim.db.get<{ uuid: string; metrics: string }>('host', ref);
    this.owners.set(metrics, ref);
    this.hosts.set(ref, {
      ref,
      uuid,
      key: keyOf(uuid),
      timeline: new Timeline(state, from),
      changes: [],
      visitors: new Set(),
    });
  }

  private trackVm(ref: string, from: number) {
    const state = vmStateOf(this.sim.db, ref);
    if (!state) return;
    const vm = this.sim.db.get<XapiRecord<'VM'>>('VM', ref);
    this.owners.set(vm.metrics, ref);
    this.owners.set(vm.guest_metrics, ref);
    const recorded: RecordedVm = {
      ref,
      uuid: vm.uuid,
      key: keyOf(vm.uuid),
      timeline: new Timeline(state, from),
      changes: [],
      minMax: undefined,
    };
    this.vms.set(ref, recorded);
    this.noteRunning(recorded, state);
  }

  private noteRunning(vm: RecordedVm, state: VmState) {
    if (state.power === 'off') return;
    this.hosts.get(state.host)?.visitors.add(vm.ref);
    if (vm.minMax === undefined) {
      const pool = this.sim.db.find<XapiRecord<'pool'>>('pool', this.sim.db.refs('pool')[0] ?? '');
      vm.minMax = pool?.other_config[CREATE_MIN_MAX_KEY] === 'true';
    }
  }

  private onChange({ cls, ref }: Change) {
    switch (cls) {
      case 'VM':
        this.vmChanged(ref);
        return;
      case 'VM_metrics':
      case 'VM_guest_metrics': {
        const vm = this.owners.get(ref);
        if (vm) this.vmChanged(vm);
        return;
      }
      case 'VBD':
      case 'VIF': {
        const vm = this.sim.db.find<{ VM: string }>(cls, ref)?.VM;
        if (vm) this.vmChanged(vm);
        return;
      }
      case 'host':
        this.hostChanged(ref);
        return;
      case 'host_metrics': {
        const host = this.owners.get(ref);
        if (host) this.hostChanged(host);
        return;
      }
    }
  }

  private vmChanged(ref: string) {
    const recorded = this.vms.get(ref);
    if (!recorded) {
      // A new VM (VM.create, clone, copy…): it has no history before now.
      if (this.sim.db.has('VM', ref)) this.trackVm(ref, this.now());
      return;
    }
    const state = vmStateOf(this.sim.db, ref);
    if (!state) {
      this.vms.delete(ref);
      return;
    }
    const vm = this.sim.db.get<XapiRecord<'VM'>>('VM', ref);
    this.owners.set(vm.metrics, ref);
    this.owners.set(vm.guest_metrics, ref);
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
      for (const host of new Set([previous.host, state.host]))
        if (this.hosts.has(host)) syncHostMemoryFree(this.sim, host);
    }
  }

  private hostChanged(host: string) {
    const recorded = this.hosts.get(host);
    if (!recorded) {
      if (this.sim.db.has('host', host)) this.trackHost(host, this.now());
      return;
    }
    const state = hostStateOf(this.sim.db, host);
    if (!state) {
      this.hosts.delete(host);
      return;
    }
    if (state.live !== recorded.timeline.latest.live) recorded.timeline.record(this.now(), state);
  }
}

const recorders = new WeakMap<Simulator, PerformanceRecorder>();

/**
 * Starts recording a simulator's performance history. Scenarios call it once built;
 * a simulator put together by hand gets it on first use, from that moment.
 */
export function startPerformanceRecording(sim: Simulator): PerformanceRecorder {
  let recorder = recorders.get(sim);
  if (!recorder) {
    recorder = new PerformanceRecorder(sim);
    recorders.set(sim, recorder);
  }
  return recorder;
}
