/**
 * One RRD's worth of data, VM or host: its data source list as rrdd would have grown
 * it, and its values at any moment, computed from the recorded state timeline and the
 * workload model. A host's values come from the VMs resident on it at that moment, so a
 * migrated VM's load moves with it and a halted one's disappears.
 */
import type { XapiRecord } from '../../../src/xapi/model/types';
import type { Simulator } from '../simulator';
import {
  type DataSourceSpec,
  type HostDataSource,
  hostDataSources,
  type VmDataSource,
  type VmDevices,
  vmDataSources,
} from './data-sources';
import { hostMemoryOf } from './host-memory';
import { buildLayout, type Layout, type LayoutEvent } from './layout';
import { keyOf } from './noise';
import type { DataSourceChange, RecordedHost, RecordedVm } from './recorder';
import type { VmState } from './states';
import {
  type GuestModel,
  type HostModel,
  HostSample,
  type Moment,
  type Resident,
  sampleHost,
  sampleVm,
  stateTime,
  VmSample,
} from './workload';

export interface Series<S = unknown> {
  readonly kind: 'vm' | 'host';
  readonly uuid: string;
  /** Client changes to the archive (record_data_source, forget_data_source_archives). */
  readonly changes: DataSourceChange[];
  layout(): Layout<S>;
  /** Whether MIN and MAX archives are kept besides AVERAGE. */
  minMax(): boolean;
  /** What the plugins report now, recorded or not. */
  live(): readonly DataSourceSpec<S>[];
  /** Fills `out`, in layout order, with the values at a moment (NaN where unknown). */
  sample(moment: Moment, out: Float64Array): void;
}

/** Client changes, merged in time order after the states in force at the same instant. */
function withChanges<S>(presents: LayoutEvent<S>[], changes: readonly DataSourceChange[]): LayoutEvent<S>[] {
  const events: LayoutEvent<S>[] = [];
  let c = 0;
  for (const present of presents) {
    while (c < changes.length && changes[c].at < present.at) {
      events.push({ at: changes[c].at, kind: changes[c].action, name: changes[c].name });
      c++;
    }
    events.push(present);
  }
  for (; c < changes.length; c++) events.push({ at: changes[c].at, kind: changes[c].action, name: changes[c].name });
  return events;
}

/**
 * Most state changes (memory, power) leave the list as it was: keeping the same object
 * keeps every row and answer cached against it valid.
 */
function keepIfSame<S>(previous: Layout<S> | undefined, next: Layout<S>): Layout<S> {
  return previous?.sameAs(next) ? previous : next;
}

function fill<S>(layout: Layout<S>, sample: S, time: number, out: Float64Array): void {
  const entries = layout.entries;
  for (let i = 0; i < entries.length; i++) {
    out[i] = time > entries[i].since ? entries[i].spec.read(sample) : Number.NaN;
  }
}

export class VmSeries implements Series<VmSample> {
  readonly kind = 'vm';
  /** The device sets seen so far, one per change of devices: most changes (memory, power) leave them. */
  private readonly presents: LayoutEvent<VmSample>[] = [];
  private segmentsSeen = 0;
  private devicesSeen = '';
  private cached: { presents: number; changes: number; layout: Layout<VmSample> } | undefined;
  private readonly scratch = new VmSample();

  constructor(
    readonly recorded: RecordedVm,
    private readonly guest: GuestModel,
  ) {}

  get uuid(): string {
    return this.recorded.uuid;
  }

  get changes(): DataSourceChange[] {
    return this.recorded.changes;
  }

  minMax(): boolean {
    return this.recorded.minMax ?? false;
  }

  private devices(state: VmState): VmDevices {
    return { ...state, reportsMemory: this.guest.reportsMemory, controlDomain: this.guest.controlDomain };
  }

  live(): readonly VmDataSource[] {
    const state = this.recorded.timeline.latest;
    return state.power === 'off' ? [] : vmDataSources(this.devices(state));
  }

  layout(): Layout<VmSample> {
    const { segments } = this.recorded.timeline;
    const { changes } = this.recorded;
    for (; this.segmentsSeen < segments.length; this.segmentsSeen++) {
      const { from, state } = segments[this.segmentsSeen];
      if (state.power === 'off') continue;
      const devices = `${state.vcpusMax}/${state.vifs.map((v) => v.device)}/${state.vbds.map((v) => v.device)}`;
      if (devices === this.devicesSeen) continue;
      this.devicesSeen = devices;
      this.presents.push({ at: from, kind: 'present', specs: vmDataSources(this.devices(state)) });
    }
    if (this.cached?.presents === this.presents.length && this.cached.changes === changes.length) {
      return this.cached.layout;
    }
    const layout = keepIfSame(this.cached?.layout, buildLayout(withChanges(this.presents, changes)));
    this.cached = { presents: this.presents.length, changes: changes.length, layout };
    return layout;
  }

  sample(moment: Moment, out: Float64Array): void {
    const time = stateTime(moment);
    sampleVm(this.guest, this.recorded.timeline.at(time), moment, this.scratch);
    fill(this.layout(), this.scratch, time, out);
  }
}

/** What a host's data sources depend on, read from the database when they may have changed. */
interface HostFacts {
  /** The host record they were read from: records are replaced on every change. */
  record: XapiRecord<'host'>;
  signature: string;
  model: HostModel;
  specs: HostDataSource[];
}

const devicesOf = (host: XapiRecord<'host'>) => `${host.PIFs.join()}/${host.PBDs.join()}`;

function readHostFacts(sim: Simulator, ref: string, key: number): HostFacts {
  const db = sim.db;
  const host = db.get<XapiRecord<'host'>>('host', ref);
  const pifRecords = host.PIFs.map((p) => db.get<XapiRecord<'PIF'>>('PIF', p));
  const pifs = pifRecords
    .filter((p) => p.physical)
    .map((p) => p.device)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  // A VLAN's traffic goes through the NIC it is tagged on, which has the same device name.
  const pifOfNetwork = new Map<string, number>();
  for (const p of pifRecords) if (pifs.includes(p.device)) pifOfNetwork.set(p.network, pifs.indexOf(p.device));
  const srs = host.PBDs.map((p) => db.get<XapiRecord<'PBD'>>('PBD', p).SR)
    .map((sr) => db.get<XapiRecord<'SR'>>('SR', sr))
    .filter((sr) => sr.content_type !== 'iso')
    .sort((a, b) => (a.uuid < b.uuid ? -1 : 1));
  const srIndex = new Map(srs.map((sr, i) => [db.refByUuid('SR', sr.uuid)!, i]));
  const cpuCount = Number(host.cpu_info.cpu_count) || 1;
  return {
    record: host,
    signature: devicesOf(host),
    model: { key, cpuCount, memory: hostMemoryOf(sim, ref), pifs, pifOfNetwork, srIndex },
    specs: hostDataSources({ cpuCount, pifs, srUuids: srs.map((sr) => sr.uuid) }),
  };
}

export class HostSeries implements Series<HostSample> {
  readonly kind = 'host';
  private facts: HostFacts;
  /** The data sources reported over time: a new set whenever NICs or SRs change. */
  private readonly presents: LayoutEvent<HostSample>[];
  private cached: { presents: number; changes: number; layout: Layout<HostSample> } | undefined;
  private readonly scratch = new HostSample();
  private readonly residents: Resident[] = [];

  constructor(
    private readonly sim: Simulator,
    readonly recorded: RecordedHost,
    private readonly guestOf: (vm: RecordedVm) => GuestModel,
    private readonly vmOf: (ref: string) => RecordedVm | undefined,
  ) {
    this.facts = readHostFacts(sim, recorded.ref, keyOf(recorded.uuid));
    this.presents = [{ at: recorded.timeline.segments[0].from, kind: 'present', specs: this.facts.specs }];
  }

  get uuid(): string {
    return this.recorded.uuid;
  }

  get changes(): DataSourceChange[] {
    return this.recorded.changes;
  }

  /** rrdd always keeps MIN and MAX for the host (rrdd_monitor.ml). */
  minMax(): boolean {
    return true;
  }

  private current(): HostFacts {
    const host = this.sim.db.find<XapiRecord<'host'>>('host', this.recorded.ref);
    if (!host || host === this.facts.record) return this.facts;
    if (devicesOf(host) === this.facts.signature) {
      this.facts.record = host;
      return this.facts;
    }
    this.facts = readHostFacts(this.sim, this.recorded.ref, keyOf(this.recorded.uuid));
    this.presents.push({ at: this.sim.clock.now() / 1000, kind: 'present', specs: this.facts.specs });
    return this.facts;
  }

  live(): readonly HostDataSource[] {
    return this.current().specs;
  }

  layout(): Layout<HostSample> {
    this.current();
    const { changes } = this.recorded;
    if (this.cached?.presents === this.presents.length && this.cached.changes === changes.length) {
      return this.cached.layout;
    }
    const layout = keepIfSame(this.cached?.layout, buildLayout(withChanges(this.presents, changes)));
    this.cached = { presents: this.presents.length, changes: changes.length, layout };
    return layout;
  }

  sample(moment: Moment, out: Float64Array): void {
    const time = stateTime(moment);
    const host = this.recorded.ref;
    const residents = this.residents;
    residents.length = 0;
    for (const ref of this.recorded.visitors) {
      const vm = this.vmOf(ref);
      const state = vm?.timeline.at(time);
      if (vm && state && state.power !== 'off' && state.host === host)
        residents.push({ guest: this.guestOf(vm), state });
    }
    const live = this.recorded.timeline.at(time)?.live ?? false;
    sampleHost(this.current().model, live, residents, moment, this.scratch);
    fill(this.layout(), this.scratch, time, out);
  }
}
