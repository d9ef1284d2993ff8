/**
 * The /rrd_updates export as a client reads it: xapi's JSON and XML, the archive a
 * query picks, consolidation across archives, and the story the data tells as VMs
 * stop, start, migrate, balloon and gain vCPUs.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { XapiRecord } from '../../../src/xapi/model/types';
import { call, login } from '../../xapi/testing';
import { named } from '../lookup';
import { createSimulator } from '../scenarios/index';
import type { Simulator } from '../simulator';
import { GiB } from '../units';
import { NoArchiveAvailable } from './archives';
import { type RrdUpdatesQuery, rrdUpdates } from './rrd-updates';

interface Export {
  meta: { start: string; step: string; end: string; rows: string; columns: string; legend: string[] };
  data: { t: string; values: string[] }[];
}

let sim: Simulator;
let h1: string;

beforeEach(() => {
  sim = createSimulator({ scenario: 'demo' });
  h1 = named(sim, 'host', 'xcp-host-01');
  // Off the hour, so rows and the query's start do not line up by chance.
  sim.clock.advance(612_500);
});

const uuid = (cls: 'VM' | 'host', ref: string) => sim.db.get<{ uuid: string }>(cls, ref).uuid;

function query(overrides: Partial<RrdUpdatesQuery> = {}): RrdUpdatesQuery {
  return {
    host: h1,
    start: -600,
    interval: 0,
    cf: undefined,
    withHost: true,
    vmUuids: undefined,
    json: true,
    ...overrides,
  };
}

const exportOf = (overrides: Partial<RrdUpdatesQuery> = {}) => JSON.parse(rrdUpdates(sim, query(overrides))) as Export;

/** One legend entry's values by row time (seconds). */
function column(exp: Export, entry: string): Map<number, number> {
  const i = exp.meta.legend.indexOf(entry);
  expect(i, entry).toBeGreaterThanOrEqual(0);
  return new Map(exp.data.map((row) => [Number(row.t), Number(row.values[i])]));
}

/** Equal to the 15 significant digits the export carries. */
function expectClose(actual: number, expected: number, what: string) {
  expect(Math.abs(actual - expected), what).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
}

describe('the export format', () => {
  it('is xapi JSON: every number a string, rows newest first, one value per legend entry', () => {
    const exp = exportOf();
    expect(Object.keys(exp)).toEqual(['meta', 'data']);
    expect(Object.keys(exp.meta)).toEqual(['start', 'step', 'end', 'rows', 'columns', 'legend']);
    for (const value of [exp.meta.start, exp.meta.step, exp.meta.end, exp.meta.rows, exp.meta.columns]) {
      expect(value).toMatch(/^\d+$/);
    }
    expect(exp.meta.step).toBe('5');
    expect(Number(exp.meta.rows)).toBe(exp.data.length);
    expect(Number(exp.meta.columns)).toBe(exp.meta.legend.length);
    const times = exp.data.map((row) => Number(row.t));
    expect(times[0]).toBe(Number(exp.meta.end));
    expect(times.slice(1).every((t, i) => t === times[i] - 5)).toBe(true);
    for (const row of exp.data) {
      expect(Object.keys(row)).toEqual(['t', 'values']);
      expect(row.values).toHaveLength(exp.meta.legend.length);
      for (const v of row.values) expect(v).toMatch(/^(-?\d+(\.\d+)?(e[+-]\d\d+)?|NaN|-?Infinity)$/);
    }
  });

  it('names each column CF:owner:uuid:data source, the host first, with xcp-rrdd names', () => {
    const exp = exportOf();
    const host = uuid('host', h1);
    const web = uuid('VM', named(sim, 'VM', 'web-01'));
    expect(exp.meta.legend[0]).toMatch(new RegExp(`^AVERAGE:host:${host}:`));
    for (const entry of exp.meta.legend) expect(entry).toMatch(/^AVERAGE:(host|vm):[0-9a-f-]{36}:\w+$/);
    for (const name of ['cpu_avg', 'cpu0', 'cpu63', 'memory_total_kib', 'memory_free_kib', 'loadavg']) {
      expect(exp.meta.legend).toContain(`AVERAGE:host:${host}:${name}`);
    }
    for (const name of ['pif_eth0_rx', 'pif_eth1_tx', 'pif_aggr_rx', 'hostload', 'running_domains']) {
      expect(exp.meta.legend).toContain(`AVERAGE:host:${host}:${name}`);
    }
    // web-01: two vCPUs of at most four, two NICs, one disk.
    for (const name of ['cpu0', 'cpu3', 'cpu_usage', 'memory', 'memory_target', 'memory_internal_free']) {
      expect(exp.meta.legend).toContain(`AVERAGE:vm:${web}:${name}`);
    }
    for (const name of ['vif_0_rx', 'vif_1_tx', 'vbd_xvda_read', 'vbd_xvda_write', 'vbd_xvda_iops_total']) {
      expect(exp.meta.legend).toContain(`AVERAGE:vm:${web}:${name}`);
    }
    expect(exp.meta.legend).not.toContain(`AVERAGE:vm:${web}:cpu4`);
    // Not recorded until a client asks (record_data_source).
    expect(exp.meta.legend).not.toContain(`AVERAGE:vm:${web}:runstate_blocked`);
    expect(column(exp, `AVERAGE:host:${host}:memory_total_kib`).get(Number(exp.meta.end))).toBe((256 * GiB) / 1024);
  });

  it('holds every VM resident on the answering host, dom0 included, and only those', () => {
    const exp = exportOf({ withHost: false });
    const owners = new Set(exp.meta.legend.map((entry) => entry.split(':')[2]));
    const resident = sim.db.get<XapiRecord<'host'>>('host', h1).resident_VMs.map((vm) => uuid('VM', vm));
    expect([...owners].sort()).toEqual(resident.sort());
    const filtered = exportOf({ vmUuids: [uuid('VM', named(sim, 'VM', 'web-01'))] });
    expect(new Set(filtered.meta.legend.map((entry) => entry.split(':')[1]))).toEqual(new Set(['host', 'vm']));
    expect(filtered.meta.legend.filter((entry) => entry.includes(':vm:')).length).toBeGreaterThan(0);
  });

  it('is rrdtool xport XML when JSON is not asked for, with the same rows', () => {
    const json = exportOf({ start: -15 });
    const xml = rrdUpdates(sim, query({ start: -15, json: false }));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<xport><meta><start>')).toBe(true);
    const { start, step, end, rows, columns } = json.meta;
    expect(xml).toContain(
      `<meta><start>${start}</start><step>${step}</step><end>${end}</end><rows>${rows}</rows><columns>${columns}</columns><legend><entry>${json.meta.legend[0]}</entry>`,
    );
    const row = json.data[0];
    expect(xml).toContain(`<data><row><t>${row.t}</t>${row.values.map((v) => `<v>${v}</v>`).join('')}</row>`);
    expect(xml.endsWith('</row></data></xport>')).toBe(true);
  });
});

describe('the archive a query reads', () => {
  it('is the finest that reaches back to start and is at least interval wide', () => {
    const step = (overrides: Partial<RrdUpdatesQuery>) => exportOf(overrides).meta.step;
    // The 5-second archive's 120 rows reach back to just after its last sample minus 600 s.
    const lastSample = Math.floor(sim.clock.now() / 5000) * 5;
    expect(step({ start: lastSample - 599 })).toBe('5');
    expect(step({ start: lastSample - 600 })).toBe('60');
    expect(step({ start: -600, interval: 60 })).toBe('60');
    expect(step({ start: -7200 })).toBe('60');
    expect(step({ start: -86_400 })).toBe('3600');
    expect(step({ start: -7 * 86_400 })).toBe('3600');
    expect(step({ start: -8 * 86_400 })).toBe('86400');
    expect(step({ start: -60, interval: 86_400 })).toBe('86400');
    // Nothing reaches so far back: the longest archive, all of it.
    const year = exportOf({ start: 0 });
    expect(year.meta.step).toBe('86400');
    expect(year.meta.rows).toBe('366');
  });

  it('runs from the newest complete row back to start, which it includes', () => {
    const now = sim.clock.now() / 1000;
    const end = Math.floor(now / 60) * 60;
    const exp = exportOf({ start: end - 180, interval: 60 });
    expect(exp.meta.end).toBe(String(end));
    expect(exp.data.map((row) => Number(row.t))).toEqual([end, end - 60, end - 120, end - 180]);
    expect(exp.meta.start).toBe(String(end - 120));
    expect(exportOf({ start: Math.ceil(now) + 60 }).data).toEqual([]);
  });

  it('gives only the consolidation asked for, from the first archive that keeps it', () => {
    const exp = exportOf({ cf: 'MIN', start: -600 });
    // The 5-second archive is AVERAGE only.
    expect(exp.meta.step).toBe('60');
    expect(exp.meta.legend.every((entry) => entry.startsWith('MIN:'))).toBe(true);
    const all = exportOf({ start: -600, interval: 60 });
    expect(new Set(all.meta.legend.map((entry) => entry.split(':')[0]))).toEqual(new Set(['AVERAGE', 'MIN', 'MAX']));
    expect(() => rrdUpdates(sim, query({ cf: 'LAST' }))).toThrow(NoArchiveAvailable);
  });

  it('fails as rrdd does when nothing on the host matches', () => {
    const halted = uuid('VM', named(sim, 'VM', 'test-ubuntu'));
    expect(() => rrdUpdates(sim, query({ withHost: false, vmUuids: [halted] }))).toThrow(NoArchiveAvailable);
  });
});

describe('consolidation', () => {
  const wantedCfs = ['AVERAGE', 'MIN', 'MAX'] as const;

  /** Every coarse row whose children the finer archive still shows equals their consolidation. */
  function checkAgainstFiner(owner: string, name: string, fine: Export, coarse: Export, perRow: number) {
    const fineStep = Number(fine.meta.step);
    const fineAvg = column(fine, `AVERAGE:${owner}:${name}`);
    const fineMin = fine.meta.step === '5' ? fineAvg : column(fine, `MIN:${owner}:${name}`);
    const fineMax = fine.meta.step === '5' ? fineAvg : column(fine, `MAX:${owner}:${name}`);
    let checked = 0;
    for (const row of coarse.data) {
      const t = Number(row.t);
      const children = Array.from({ length: perRow }, (_, k) => t - k * fineStep);
      if (!children.every((c) => fineAvg.has(c))) continue;
      const [avg, min, max] = wantedCfs.map((cf) => column(coarse, `${cf}:${owner}:${name}`).get(t)!);
      const mean = children.reduce((sum, c) => sum + fineAvg.get(c)!, 0) / perRow;
      expectClose(avg, mean, `${name} AVERAGE at ${t}`);
      expect(min, `${name} MIN at ${t}`).toBe(Math.min(...children.map((c) => fineMin.get(c)!)));
      expect(max, `${name} MAX at ${t}`).toBe(Math.max(...children.map((c) => fineMax.get(c)!)));
      checked++;
    }
    expect(checked, `${name}: rows compared`).toBeGreaterThan(0);
  }

  it('makes each 1-minute row the AVERAGE, MIN and MAX of its twelve 5-second samples', () => {
    const fine = exportOf({ start: -600 });
    const coarse = exportOf({ start: -600, interval: 60 });
    const web = `vm:${uuid('VM', named(sim, 'VM', 'web-01'))}`;
    for (const name of ['cpu0', 'vif_0_tx', 'vbd_xvda_read']) checkAgainstFiner(web, name, fine, coarse, 12);
    checkAgainstFiner(`host:${uuid('host', h1)}`, 'cpu_avg', fine, coarse, 12);
  });

  it('makes each hour row that of its sixty minutes, and each day row that of its twenty-four hours', () => {
    const minutes = exportOf({ start: -7200, interval: 60 });
    const hours = exportOf({ start: -7 * 86_400, interval: 3600 });
    const days = exportOf({ start: -7 * 86_400, interval: 86_400 });
    const db = `vm:${uuid('VM', named(sim, 'VM', 'db-primary'))}`;
    const host = `host:${uuid('host', h1)}`;
    for (const name of ['cpu_usage', 'vbd_xvdb_write']) checkAgainstFiner(db, name, minutes, hours, 60);
    checkAgainstFiner(host, 'cpu_avg', minutes, hours, 60);
    for (const name of ['cpu_usage', 'memory']) checkAgainstFiner(db, name, hours, days, 24);
    checkAgainstFiner(host, 'memory_free_kib', hours, days, 24);
  });

  it('has history in every archive for what ran when the scenario was built', () => {
    const year = exportOf({ start: 0, withHost: false, vmUuids: [uuid('VM', named(sim, 'VM', 'web-01'))] });
    const cpu = column(year, `AVERAGE:vm:${uuid('VM', named(sim, 'VM', 'web-01'))}:cpu0`);
    expect([...cpu.values()].every((v) => v > 0 && v <= 1)).toBe(true);
  });

  it('is the same for the same seed, and different for another', () => {
    const text = rrdUpdates(sim, query({ start: -3600, interval: 60 }));
    const again = createSimulator({ scenario: 'demo' });
    again.clock.advance(612_500);
    expect(rrdUpdates(again, query({ host: named(again, 'host', 'xcp-host-01'), start: -3600, interval: 60 }))).toBe(
      text,
    );
    const other = createSimulator({ scenario: 'demo', seed: 2 });
    other.clock.advance(612_500);
    const otherText = rrdUpdates(other, query({ host: named(other, 'host', 'xcp-host-01'), start: -3600 }));
    expect(otherText).not.toBe(rrdUpdates(sim, query({ start: -3600 })));
  });
});

describe('the story the data tells', () => {
  const vmEntry = (vm: string, name: string) => `AVERAGE:vm:${uuid('VM', vm)}:${name}`;

  it('stops when a VM halts, leaves the host, and resumes after a gap when it starts again', async () => {
    const session = await login(sim);
    const web = named(sim, 'VM', 'web-01');
    await call(sim, 'VM.hard_shutdown', session, web);
    const stoppedAt = sim.clock.now() / 1000;
    sim.clock.advance(300_000);
    expect(exportOf().meta.legend.some((entry) => entry.includes(uuid('VM', web)))).toBe(false);
    await call(sim, 'VM.start_on', session, web, h1, false, false);
    sim.clock.advance(120_000);
    const exp = exportOf({ start: -1200, interval: 60 });
    const cpu = column(exp, vmEntry(web, 'cpu0'));
    for (const [t, v] of cpu) {
      if (t <= stoppedAt) expect(v, `before the halt, ${t}`).toBeGreaterThan(0);
      else if (t <= stoppedAt + 300) expect(v, `while halted, ${t}`).toBeNaN();
    }
    expect(cpu.get(Number(exp.meta.end))).toBeGreaterThan(0);
    // The host, asked only now, counted the VM among its domains until it stopped.
    const domains = column(exp, `MAX:host:${uuid('host', h1)}:running_domains`);
    const running = sim.db.get<XapiRecord<'host'>>('host', h1).resident_VMs.length;
    for (const [t, v] of domains) {
      if (t <= stoppedAt) expect(v, `before the halt, ${t}`).toBe(running);
      else if (t > stoppedAt + 60 && t <= stoppedAt + 300) expect(v, `while halted, ${t}`).toBe(running - 1);
    }
  });

  it('follows a migrated VM to its new host, with the history from the old one', async () => {
    const session = await login(sim);
    const web = named(sim, 'VM', 'web-01');
    const h2 = named(sim, 'host', 'xcp-host-02');
    const domainsOn = (host: string) => {
      const exp = exportOf({ host, start: -5 });
      return column(exp, `AVERAGE:host:${uuid('host', host)}:running_domains`).get(Number(exp.meta.end));
    };
    const before = [domainsOn(h1), domainsOn(h2)];
    await call(sim, 'VM.pool_migrate', session, web, h2, {});
    const movedAt = sim.clock.now() / 1000;
    sim.clock.advance(60_000);
    expect(exportOf().meta.legend.some((entry) => entry.includes(uuid('VM', web)))).toBe(false);
    const exp = exportOf({ host: h2, start: -600, vmUuids: [uuid('VM', web)] });
    const cpu = [...column(exp, vmEntry(web, 'cpu0')).entries()];
    expect(cpu.filter(([t]) => t < movedAt).length).toBeGreaterThan(10);
    expect(cpu.every(([, v]) => v > 0)).toBe(true);
    expect([domainsOn(h1), domainsOn(h2)]).toEqual([before[0]! - 1, before[1]! + 1]);
  });

  it('shows a change of memory_actual in `memory` and in the host free memory xapi reports', () => {
    const web = named(sim, 'VM', 'web-01');
    const { metrics } = sim.db.get<XapiRecord<'VM'>>('VM', web);
    const was = sim.db.get<XapiRecord<'VM_metrics'>>('VM_metrics', metrics).memory_actual;
    const changedAt = sim.clock.now() / 1000;
    // What the balloon driver reaching a lower target looks like.
    sim.db.update('VM_metrics', metrics, { memory_actual: was - GiB });
    sim.clock.advance(30_000);
    const exp = exportOf({ start: -120 });
    const memory = column(exp, vmEntry(web, 'memory'));
    const free = column(exp, `AVERAGE:host:${uuid('host', h1)}:memory_free_kib`);
    const before = [...memory.keys()].filter((t) => t <= changedAt);
    const after = [...memory.keys()].filter((t) => t > changedAt);
    expect(before.map((t) => memory.get(t))).toEqual(before.map(() => was));
    expect(after.map((t) => memory.get(t))).toEqual(after.map(() => was - GiB));
    expect(free.get(after[0])! - free.get(before[0])!).toBe(GiB / 1024);
    const hostMetrics = sim.db.get<XapiRecord<'host'>>('host', h1).metrics;
    const newest = free.get(Number(exp.meta.end))!;
    expect(sim.db.get<XapiRecord<'host_metrics'>>('host_metrics', hostMetrics).memory_free).toBe(newest * 1024);
  });

  it('shows a hot-added vCPU working in its cpuN series, which was 0 while offline', () => {
    const web = named(sim, 'VM', 'web-01');
    const { metrics } = sim.db.get<XapiRecord<'VM'>>('VM', web);
    expect(sim.db.get<XapiRecord<'VM_metrics'>>('VM_metrics', metrics).VCPUs_number).toBe(2);
    const addedAt = sim.clock.now() / 1000;
    // What VM.set_VCPUs_number_live leaves behind.
    sim.db.update('VM_metrics', metrics, { VCPUs_number: 3 });
    sim.clock.advance(60_000);
    const cpu2 = column(exportOf({ start: -120 }), vmEntry(web, 'cpu2'));
    for (const [t, v] of cpu2) {
      if (t <= addedAt) expect(v, `offline, ${t}`).toBe(0);
      else expect(v, `online, ${t}`).toBeGreaterThan(0);
    }
  });

  it('has a paused VM use no CPU and report no memory figures', () => {
    const h2 = named(sim, 'host', 'xcp-host-02');
    const paused = named(sim, 'VM', 'build-runner');
    const exp = exportOf({ host: h2, start: -60, vmUuids: [uuid('VM', paused)] });
    expect([...column(exp, vmEntry(paused, 'cpu0')).values()].every((v) => v === 0)).toBe(true);
    expect([...column(exp, vmEntry(paused, 'memory')).values()].every(Number.isNaN)).toBe(true);
  });

  it('keeps MIN and MAX for VMs only when the pool asked before their RRD was made', async () => {
    const session = await login(sim);
    const pool = sim.pool();
    const config = sim.db.get<XapiRecord<'pool'>>('pool', pool).other_config;
    const { create_min_max_in_new_VM_RRDs: _asked, ...without } = config;
    sim.db.update('pool', pool, { other_config: without });
    const vm = named(sim, 'VM', 'backup-proxy');
    await call(sim, 'VM.start_on', session, vm, h1, false, false);
    const exp = exportOf({ start: -600, interval: 60 });
    const cfs = (owner: string) =>
      new Set(exp.meta.legend.filter((e) => e.includes(owner)).map((e) => e.split(':')[0]));
    expect(cfs(uuid('VM', vm))).toEqual(new Set(['AVERAGE']));
    expect(cfs(uuid('VM', named(sim, 'VM', 'web-01')))).toEqual(new Set(['AVERAGE', 'MIN', 'MAX']));
    expect(() => rrdUpdates(sim, query({ cf: 'MIN' }))).toThrow(NoArchiveAvailable);
  });
});
