/**
 * A simulator's performance data: the recorder's timelines, one series and one row
 * store per VM or host, made the first time something asks for them. This is what the
 * /rrd_updates endpoint and the data source calls use.
 */
import type { XapiRecord } from '../../../src/xapi/model/types';
import { guestOf } from '../domains';
import type { Simulator } from '../simulator';
import { keyOf } from './noise';
import { type PerformanceRecorder, type RecordedVm, startPerformanceRecording } from './recorder';
import { RowStore } from './rows';
import { HostSeries, type Series, VmSeries } from './series';
import type { GuestModel } from './workload';
import { WORKLOAD_PROFILES } from './workload-profiles';

export class PerformanceModel {
  readonly recorder: PerformanceRecorder;
  private readonly vms = new Map<string, VmSeries>();
  private readonly hosts = new Map<string, HostSeries>();
  private readonly guests = new Map<string, GuestModel>();
  private readonly stores = new WeakMap<Series, RowStore>();

  constructor(private readonly sim: Simulator) {
    this.recorder = startPerformanceRecording(sim);
  }

  /** Unix seconds on the simulator's clock. */
  now(): number {
    return this.recorder.now();
  }

  private guest(vm: RecordedVm): GuestModel {
    let guest = this.guests.get(vm.ref);
    if (!guest) {
      const controlDomain = this.sim.db.find<XapiRecord<'VM'>>('VM', vm.ref)?.is_control_domain ?? false;
      const profile = guestOf(this.sim, vm.ref);
      guest = {
        key: keyOf(vm.uuid),
        profile: WORKLOAD_PROFILES[controlDomain ? 'control-domain' : profile.workload],
        reportsMemory: controlDomain || profile.hasTools,
        controlDomain,
      };
      this.guests.set(vm.ref, guest);
    }
    return guest;
  }

  /** The VM's series, or undefined for a VM that cannot run (a template, a snapshot) or no longer exists. */
  vm(ref: string): VmSeries | undefined {
    const recorded = this.recorder.vm(ref);
    if (!recorded) return undefined;
    let series = this.vms.get(ref);
    if (series?.recorded !== recorded) {
      series = new VmSeries(recorded, this.guest(recorded));
      this.vms.set(ref, series);
    }
    return series;
  }

  host(ref: string): HostSeries | undefined {
    const recorded = this.recorder.host(ref);
    if (!recorded) return undefined;
    let series = this.hosts.get(ref);
    if (series?.recorded !== recorded) {
      series = new HostSeries(
        this.sim,
        recorded,
        (vm) => this.guest(vm),
        (vm) => this.recorder.vm(vm),
      );
      this.hosts.set(ref, series);
    }
    return series;
  }

  rows(series: Series): RowStore {
    let store = this.stores.get(series);
    if (!store) {
      store = new RowStore(series, () => this.now());
      this.stores.set(series, store);
    }
    return store;
  }
}

const models = new WeakMap<Simulator, PerformanceModel>();

export function performanceOf(sim: Simulator): PerformanceModel {
  let model = models.get(sim);
  if (!model) {
    model = new PerformanceModel(sim);
    models.set(sim, model);
  }
  return model;
}
