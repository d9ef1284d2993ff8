/**
 * The data source messages of VM, host and SR, called as a client calls them: what they
 * list and return, how recording and forgetting change the archive, and the errors xapi
 * sends when rrdd refuses.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { XapiRecord } from '../../../src/xapi/model/types';
import { call, callError, flushMicrotasks, login } from '../../xapi/testing';
import { named } from '../lookup';
import { createSimulator } from '../scenarios/index';
import type { Simulator } from '../simulator';
import { formatRrdValue } from './number-format';
import { rrdUpdates } from './rrd-updates';

interface DataSource {
  name_label: string;
  name_description: string;
  enabled: boolean;
  standard: boolean;
  units: string;
  min: number;
  max: number;
  value: number;
}

let sim: Simulator;
let session: string;
let web: string;
let h1: string;

beforeEach(async () => {
  sim = createSimulator({ scenario: 'demo' });
  session = await login(sim);
  web = named(sim, 'VM', 'web-01');
  h1 = named(sim, 'host', 'xcp-host-01');
  sim.clock.advance(60_000);
});

const uuid = (cls: 'VM' | 'host', ref: string) => sim.db.get<{ uuid: string }>(cls, ref).uuid;

/** The host's 5-second export for the last minute, as parsed JSON. */
function lastMinute() {
  const text = rrdUpdates(sim, {
    host: h1,
    start: -60,
    interval: 0,
    cf: undefined,
    withHost: true,
    vmUuids: undefined,
    json: true,
  });
  return JSON.parse(text) as { meta: { legend: string[] }; data: { t: string; values: string[] }[] };
}

const idl = (inner: string) => ['INTERNAL_ERROR', `IDL Error: [S(Rrdd_internal_error);S(${inner})]`];
const missing = (name: string) => idl(`Rrd_interface.Rrdd_error([S(Datasource_missing);S(${name})])`);

describe('VM data sources', () => {
  it('lists what the plugins report, recorded or not, by name, with units and bounds', async () => {
    const sources = await call<DataSource[]>(sim, 'VM.get_data_sources', session, web);
    const names = sources.map((s) => s.name_label);
    expect(names).toEqual([...names].sort());
    const byName = new Map(sources.map((s) => [s.name_label, s]));
    expect(byName.get('cpu0')).toEqual({
      name_label: 'cpu0',
      name_description: 'CPU0 usage',
      enabled: true,
      standard: true,
      units: '(fraction)',
      min: 0,
      max: 1,
      value: 0,
    });
    expect(byName.get('memory')).toMatchObject({ enabled: true, units: 'B', min: 0, max: Number.POSITIVE_INFINITY });
    expect(byName.get('vif_0_rx')).toMatchObject({ enabled: true, units: 'B/s' });
    expect(byName.get('vif_0_rx_errors')).toMatchObject({ enabled: false, standard: false, units: 'err/s' });
    expect(byName.get('runstate_blocked')).toMatchObject({ enabled: false, standard: false });
  });

  it('answers the newest 5-second value of a recorded source, and fails for one not recorded', async () => {
    const value = await call<number>(sim, 'VM.query_data_source', session, web, 'cpu0');
    const exp = lastMinute();
    const newest = exp.data[0].values[exp.meta.legend.indexOf(`AVERAGE:vm:${uuid('VM', web)}:cpu0`)];
    expect(formatRrdValue(value)).toBe(newest);
    expect(await callError(sim, 'VM.query_data_source', session, web, 'runstate_blocked')).toEqual(
      idl('Rrd.Invalid_data_source("runstate_blocked")'),
    );
  });

  it('records a source on request, from now on, as the last column', async () => {
    await call(sim, 'VM.record_data_source', session, web, 'runstate_blocked');
    sim.clock.advance(20_000);
    const exp = lastMinute();
    const entry = `AVERAGE:vm:${uuid('VM', web)}:runstate_blocked`;
    const vmEntries = exp.meta.legend.filter((e) => e.includes(uuid('VM', web)));
    expect(vmEntries.at(-1)).toBe(entry);
    const values = exp.data.map((row) => Number(row.values[exp.meta.legend.indexOf(entry)]));
    expect(values.slice(0, 4).every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(values.at(-1)).toBeNaN();
    const sources = await call<DataSource[]>(sim, 'VM.get_data_sources', session, web);
    expect(sources.find((s) => s.name_label === 'runstate_blocked')?.enabled).toBe(true);
    expect(await call<number>(sim, 'VM.query_data_source', session, web, 'runstate_blocked')).toBeGreaterThanOrEqual(0);
    expect(await callError(sim, 'VM.record_data_source', session, web, 'no_such_source')).toEqual(
      missing('no_such_source'),
    );
  });

  it("forgets a source's history; a standard one comes back empty, at the end", async () => {
    await call(sim, 'VM.forget_data_source_archives', session, web, 'memory');
    sim.clock.advance(20_000);
    const exp = lastMinute();
    const entry = `AVERAGE:vm:${uuid('VM', web)}:memory`;
    expect(exp.meta.legend.filter((e) => e.includes(uuid('VM', web))).at(-1)).toBe(entry);
    const values = exp.data.map((row) => Number(row.values[exp.meta.legend.indexOf(entry)]));
    expect(values[0]).toBeGreaterThan(0);
    expect(values.at(-1)).toBeNaN();
    // Forgetting what the archive does not hold changes nothing.
    await call(sim, 'VM.forget_data_source_archives', session, web, 'runstate_blocked');
    expect(lastMinute().meta.legend).toEqual(exp.meta.legend);
  });

  it('needs a running VM to list, record or forget, and a running or paused one to query', async () => {
    const halted = named(sim, 'VM', 'test-ubuntu');
    const paused = named(sim, 'VM', 'build-runner');
    for (const [method, ...args] of [
      ['VM.get_data_sources'],
      ['VM.record_data_source', 'cpu0'],
      ['VM.forget_data_source_archives', 'cpu0'],
    ]) {
      expect(await callError(sim, method, session, halted, ...args)).toEqual([
        'VM_BAD_POWER_STATE',
        halted,
        'running',
        'halted',
      ]);
      expect(await callError(sim, method, session, paused, ...args)).toEqual([
        'VM_BAD_POWER_STATE',
        paused,
        'running',
        'paused',
      ]);
    }
    expect(await callError(sim, 'VM.query_data_source', session, halted, 'cpu0')).toEqual([
      'VM_BAD_POWER_STATE',
      halted,
      'running;paused',
      'halted',
    ]);
    expect(await call<number>(sim, 'VM.query_data_source', session, paused, 'cpu0')).toBe(0);
    expect(await callError(sim, 'VM.get_data_sources', session, 'OpaqueRef:nope')).toEqual([
      'HANDLE_INVALID',
      'VM',
      'OpaqueRef:nope',
    ]);
  });
});

describe('host data sources', () => {
  it('lists, queries, records and forgets like a VM', async () => {
    const sources = await call<DataSource[]>(sim, 'host.get_data_sources', session, h1);
    expect(sources.find((s) => s.name_label === 'memory_free_kib')).toMatchObject({
      name_description: 'Total amount of free memory',
      enabled: true,
      units: 'KiB',
    });
    expect(sources.find((s) => s.name_label === 'pif_eth0_rx_errors')).toMatchObject({ enabled: false });
    const { metrics } = sim.db.get<XapiRecord<'host'>>('host', h1);
    const freeKiB = await call<number>(sim, 'host.query_data_source', session, h1, 'memory_free_kib');
    expect(freeKiB * 1024).toBe(sim.db.get<XapiRecord<'host_metrics'>>('host_metrics', metrics).memory_free);
    await call(sim, 'host.record_data_source', session, h1, 'pif_eth0_rx_errors');
    sim.clock.advance(10_000);
    expect(await call<number>(sim, 'host.query_data_source', session, h1, 'pif_eth0_rx_errors')).toBe(0);
    await call(sim, 'host.forget_data_source_archives', session, h1, 'pif_eth0_rx_errors');
    expect(await callError(sim, 'host.query_data_source', session, h1, 'pif_eth0_rx_errors')).toEqual(
      idl('Rrd.Invalid_data_source("pif_eth0_rx_errors")'),
    );
    expect(await callError(sim, 'host.record_data_source', session, h1, 'cpu999')).toEqual(missing('cpu999'));
  });

  it('fails with HOST_OFFLINE while the host is down', async () => {
    const h3 = named(sim, 'host', 'xcp-host-03');
    await call(sim, 'host.disable', session, h3);
    await call(sim, 'host.shutdown', session, h3);
    // The host goes down ten seconds after the call returns, once its guests are shut down.
    for (let i = 0; i < 60; i++) {
      sim.clock.advance(5_000);
      await flushMicrotasks();
    }
    expect(await callError(sim, 'host.get_data_sources', session, h3)).toEqual(['HOST_OFFLINE', h3]);
  });
});

describe('SR data sources', () => {
  it('has none: no SR here keeps an RRD of its own', async () => {
    const sr = named(sim, 'SR', 'NFS VM storage');
    const srUuid = sim.db.get<{ uuid: string }>('SR', sr).uuid;
    expect(await call(sim, 'SR.get_data_sources', session, sr)).toEqual([]);
    expect(await callError(sim, 'SR.query_data_source', session, sr, 'x')).toEqual(missing(`SR: ${srUuid}`));
    expect(await callError(sim, 'SR.record_data_source', session, sr, 'x')).toEqual(missing(`SR: ${srUuid}`));
    expect(await call(sim, 'SR.forget_data_source_archives', session, sr, 'x')).toBe(undefined);
  });
});
