/**
 * The data source messages of VM, host and SR (xapi_vm.ml, xapi_host.ml, xapi_sr.ml,
 * and their checks in message_forwarding.ml): each names its object (HANDLE_INVALID when
 * it does not exist), makes the checks xapi makes before it asks rrdd, then asks.
 */
import type { XapiRecord } from '../../../src/xapi/model/types';
import { XapiFailure } from '../../sim/failure';
import { withInternalTask } from '../../sim/internal-tasks';
import {
  dataSourceRecords,
  datasourceMissing,
  forgetDataSourceArchives,
  queryDataSource,
  recordDataSource,
} from '../../sim/performance/data-source-calls';
import { performanceOf } from '../../sim/performance/model';
import type { Series } from '../../sim/performance/series';
import { isHostLive } from '../../sim/placement';
import type { Simulator } from '../../sim/simulator';
import { withVmOperation } from '../../sim/vm-operations';
import type { CallContext, MethodTable } from '../registry';
import { hostRef } from './vm';

type Run<T> = (series: Series) => T;

/**
 * The listing, recording and forgetting calls run as the VM's data_source_op, which only a
 * running VM allows (with_vm_operation); xapi runs them under the call's task.
 */
function onRunningVm<T>({ sim, session, method }: CallContext, vm: string, run: Run<T>): Promise<T> {
  sim.db.row('VM', vm);
  return withInternalTask(sim, method, session, (task) =>
    withVmOperation(sim, vm, task, 'data_source_op', () => run(vmSeries(sim, vm))),
  );
}

function vmSeries(sim: Simulator, vm: string): Series {
  const series = performanceOf(sim).vm(vm);
  // Every VM that passes the power-state checks has a domain, hence an RRD.
  if (!series) throw new XapiFailure('INTERNAL_ERROR', [`no RRD for VM ${vm}`]);
  return series;
}

/** query_data_source checks the power state only, and lets a paused VM through. */
function onLiveVm<T>({ sim }: CallContext, vm: string, run: Run<T>): T {
  const { power_state } = sim.db.get<XapiRecord<'VM'>>('VM', vm);
  if (power_state !== 'Running' && power_state !== 'Paused') {
    throw new XapiFailure('VM_BAD_POWER_STATE', [vm, 'running;paused', power_state.toLowerCase()]);
  }
  return run(vmSeries(sim, vm));
}

/** Host calls are forwarded to the host itself, which must be up. */
function onHost<T>({ sim }: CallContext, host: string, run: Run<T>): T {
  hostRef(sim, host);
  if (!isHostLive(sim.db, host)) throw new XapiFailure('HOST_OFFLINE', [host]);
  const series = performanceOf(sim).host(host);
  if (!series) throw new XapiFailure('INTERNAL_ERROR', [`no RRD for host ${host}`]);
  return run(series);
}

/** No SR has an RRD: only SR plugins (GFS2's) report SR data sources, and the simulator has none. */
function srUuid({ sim }: CallContext, sr: string): string {
  return sim.db.get<XapiRecord<'SR'>>('SR', sr).uuid;
}

const model = (ctx: CallContext) => performanceOf(ctx.sim);

export const dataSourceMethods: MethodTable = {
  'VM.get_data_sources': (ctx: CallContext, vm: string) => onRunningVm(ctx, vm, dataSourceRecords),
  'VM.record_data_source': (ctx: CallContext, vm: string, name: string) =>
    onRunningVm(ctx, vm, (series) => recordDataSource(model(ctx), series, name)),
  'VM.forget_data_source_archives': (ctx: CallContext, vm: string, name: string) =>
    onRunningVm(ctx, vm, (series) => forgetDataSourceArchives(model(ctx), series, name)),
  'VM.query_data_source': (ctx: CallContext, vm: string, name: string) =>
    onLiveVm(ctx, vm, (series) => queryDataSource(model(ctx), series, name)),

  'host.get_data_sources': (ctx: CallContext, host: string) => onHost(ctx, host, dataSourceRecords),
  'host.record_data_source': (ctx: CallContext, host: string, name: string) =>
    onHost(ctx, host, (series) => recordDataSource(model(ctx), series, name)),
  'host.forget_data_source_archives': (ctx: CallContext, host: string, name: string) =>
    onHost(ctx, host, (series) => forgetDataSourceArchives(model(ctx), series, name)),
  'host.query_data_source': (ctx: CallContext, host: string, name: string) =>
    onHost(ctx, host, (series) => queryDataSource(model(ctx), series, name)),

  'SR.get_data_sources': (ctx: CallContext, sr: string) => {
    srUuid(ctx, sr);
    return [];
  },
  'SR.record_data_source': (ctx: CallContext, sr: string) => {
    throw datasourceMissing(`SR: ${srUuid(ctx, sr)}`);
  },
  'SR.query_data_source': (ctx: CallContext, sr: string) => {
    throw datasourceMissing(`SR: ${srUuid(ctx, sr)}`);
  },
  'SR.forget_data_source_archives': (ctx: CallContext, sr: string) => {
    srUuid(ctx, sr);
  },
};
