/**
 * The balancer and the balloons on the demo pool, on the virtual clock: xcp-host-02's
 * guests want more than it has, so squeezed holds them at one share of their ranges;
 * the other hosts have room, so their guests sit at their dynamic maximum.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { XapiRecord } from '../../src/xapi/model/types';
import { dispatch } from '../xapi/dispatch';
import { call, callError, flushMicrotasks, login } from '../xapi/testing';
import { guestKernelEvents } from './guest-log';
import { guestMemoryView } from './guest-view';
import { invariantViolations } from './invariants';
import { named } from './lookup';
import { hostFreeMemory, SQUEEZED_RESERVE_BYTES, vmFootprint } from './memory';
import { balloonStatus, hostPhysicalFree, setBalloonDriver } from './memory-balancer';
import { createSimulator } from './scenarios/index';
import type { Simulator } from './simulator';
import { GiB, KiB, MiB } from './units';

let sim: Simulator;
let session: string;

beforeEach(async () => {
  sim = createSimulator({ scenario: 'demo' });
  session = await login(sim);
});

const vm = (name: string) => named(sim, 'VM', name);
const host = (name: string) => named(sim, 'host', name);
const rec = (ref: string) => sim.db.get<XapiRecord<'VM'>>('VM', ref);
const actual = (ref: string) => sim.db.get<XapiRecord<'VM_metrics'>>('VM_metrics', rec(ref).metrics).memory_actual;
const task = (ref: string) => sim.db.get<XapiRecord<'task'>>('task', ref);
/** Where a guest's balloon target sits in its dynamic range, 0 to 1. */
const share = (ref: string) =>
  (rec(ref).memory_target - rec(ref).memory_dynamic_min) / (rec(ref).memory_dynamic_max - rec(ref).memory_dynamic_min);

const H2_GUESTS = ['web-02', 'db-replica', 'win-sql01', 'build-runner'];

/** Runs virtual time in steps, checking the invariants after each. */
async function run(ms: number, stepMs = 500) {
  for (let t = 0; t < ms; t += stepMs) {
    sim.clock.advance(Math.min(stepMs, ms - t));
    await flushMicrotasks();
    expect(invariantViolations(sim)).toEqual([]);
  }
}

async function startAsync(method: string, ...params: unknown[]): Promise<string> {
  const t = (await dispatch(sim, `Async.${method}`, [session, ...params])).value as string;
  await flushMicrotasks();
  return t;
}

/** Runs time until the task ends, returning how long it took. */
async function untilDone(t: string, limitMs = 600_000): Promise<number> {
  const started = sim.clock.now();
  while (task(t).status === 'pending' && sim.clock.now() - started < limitMs) await run(1_000);
  return sim.clock.now() - started;
}

describe('the proportional balancer', () => {
  it('holds every ballooning guest of an over-committed host at the same share of its range', () => {
    const h2 = host('xcp-host-02');
    const shares = H2_GUESTS.map((name) => share(vm(name)));
    for (const s of shares) expect(s).toBeCloseTo(shares[0], 5);
    expect(shares[0]).toBeGreaterThan(0.5);
    expect(shares[0]).toBeLessThan(0.8);
    // What is left is squeezed's reserve, give or take the KiB each target was rounded down by.
    expect(hostPhysicalFree(sim, h2) - SQUEEZED_RESERVE_BYTES).toBeGreaterThanOrEqual(0);
    expect(hostPhysicalFree(sim, h2) - SQUEEZED_RESERVE_BYTES).toBeLessThan(H2_GUESTS.length * KiB);
    for (const name of H2_GUESTS) expect(actual(vm(name))).toBe(rec(vm(name)).memory_target);
  });

  it('gives guests on a host with room their dynamic maximum', () => {
    for (const name of ['web-01', 'db-primary', 'mail', 'monitoring']) {
      expect(rec(vm(name)).memory_target).toBe(rec(vm(name)).memory_dynamic_max);
      expect(actual(vm(name))).toBe(rec(vm(name)).memory_dynamic_max);
    }
  });

  it('stays put when nothing changes: the periodic look writes nothing', async () => {
    const generation = sim.db.currentGeneration;
    sim.clock.advance(60_000);
    await flushMicrotasks();
    expect(sim.db.currentGeneration).toBe(generation);
  });
});

describe('two phases', () => {
  it('takes memory back from the others before giving it to a guest whose minimum went up', async () => {
    const web = vm('web-02');
    const target = (ref: string) => balloonStatus(sim, ref)!.targetBytes;
    const before = target(web);
    await startAsync('VM.set_memory_dynamic_range', web, 3.5 * GiB, 4 * GiB);
    // Its balloon target must rise above 3.5 GiB, but the memory is still held by the others.
    expect(target(web)).toBe(before);
    expect(target(vm('db-replica'))).toBeLessThan(actual(vm('db-replica')));
    await run(2_000);
    expect(target(web)).toBe(before);
    await run(60_000);
    expect(target(web)).toBeGreaterThanOrEqual(3.5 * GiB);
    expect(actual(web)).toBe(target(web));
    expect(share(vm('db-replica'))).toBeCloseTo(share(vm('win-sql01')), 5);
  });
});

describe('a balloon converging', () => {
  it('moves memory_actual to a new target a second at a time, at the driver’s rate', async () => {
    const web = vm('web-01');
    const changes: number[] = [];
    sim.db.onChange((c) => {
      if (c.cls === 'VM_metrics' && c.ref === rec(web).metrics) changes.push(actual(web));
    });
    const hostMetrics = sim.db.get<XapiRecord<'host'>>('host', rec(web).resident_on).metrics;
    const xenFree = () => sim.db.get<XapiRecord<'host_metrics'>>('host_metrics', hostMetrics).memory_free;
    const freeBefore = xenFree();
    await startAsync('VM.set_memory_dynamic_range', web, 1 * GiB, 2 * GiB);
    expect(rec(web).memory_target).toBe(2 * GiB);
    expect(actual(web)).toBe(4 * GiB);
    await run(1_000);
    expect(actual(web)).toBe(4 * GiB - 256 * MiB);
    expect(xenFree()).toBe(freeBefore + 256 * MiB);
    await run(7_000);
    expect(actual(web)).toBe(2 * GiB);
    expect(xenFree()).toBe(freeBefore + 2 * GiB);
    // One write per second while it moved: the event stream carries 8 changes, not thousands.
    expect(changes).toHaveLength(8);
    await run(30_000);
    expect(changes).toHaveLength(8);
    expect(guestKernelEvents(sim, web).map((e) => e.kind)).toEqual(['balloon-target', 'balloon-reached']);
    expect(guestKernelEvents(sim, web)[0]).toMatchObject({ fromBytes: 4 * GiB, toBytes: 2 * GiB });
  });

  it('shows the guest its memory shrinking with the balloon', async () => {
    const web = vm('web-01');
    const before = guestMemoryView(sim, web)!;
    await call(sim, 'VM.set_memory_dynamic_range', session, web, 1 * GiB, 2 * GiB);
    await run(10_000);
    const after = guestMemoryView(sim, web)!;
    expect(before.totalMiB).toBeGreaterThan(3_900);
    expect(after.totalMiB).toBeLessThan(2_048);
    expect(after.totalMiB).toBeGreaterThan(1_900);
    expect(after.usedMiB + after.freeMiB + after.buffCacheMiB).toBe(after.totalMiB);
    expect(after.usedMiB).toBe(before.usedMiB);
    expect(guestMemoryView(sim, vm('test-ubuntu'))).toBeUndefined();
  });

  it('crawls with a slow driver, at a tenth of the rate', async () => {
    const web = vm('web-01');
    setBalloonDriver(sim, web, 'slow');
    await startAsync('VM.set_memory_dynamic_range', web, 1 * GiB, 2 * GiB);
    await run(10_000);
    // 25.6 MiB a second, in whole pages.
    expect(4 * GiB - actual(web)).toBeGreaterThan(255 * MiB);
    expect(4 * GiB - actual(web)).toBeLessThanOrEqual(256 * MiB);
    expect(balloonStatus(sim, web)).toMatchObject({ stuck: false });
  });

  it('answers wait_memory_target_live once the target is reached', async () => {
    const web = vm('web-01');
    await call(sim, 'VM.set_memory_dynamic_range', session, web, 1 * GiB, 2 * GiB);
    const t = await startAsync('VM.wait_memory_target_live', web);
    await run(5_000);
    expect(task(t).status).toBe('pending');
    await run(4_000);
    expect(task(t).status).toBe('success');
    expect(actual(web)).toBe(2 * GiB);
  });
});

describe('starting, resuming and migrating onto a host', () => {
  it('squeezes the host’s guests down to make room, then builds the domain', async () => {
    const h2 = host('xcp-host-02');
    const proxy = vm('backup-proxy');
    const xapiFree = hostFreeMemory(sim.db, h2);
    const before = Object.fromEntries(H2_GUESTS.map((name) => [name, actual(vm(name))]));
    const t = await startAsync('VM.start_on', proxy, h2, false, false);
    // XAPI counts the VM at once; Xen has only the reserve free, so the guests must shrink first.
    expect(hostFreeMemory(sim.db, h2)).toBe(xapiFree - vmFootprint(rec(proxy)));
    for (const name of ['web-02', 'db-replica', 'win-sql01']) {
      expect(rec(vm(name)).memory_target).toBeLessThan(before[name]);
    }
    await run(3_000);
    expect(task(t).status).toBe('pending');
    expect(actual(vm('db-replica'))).toBeLessThan(before['db-replica']);
    const took = await untilDone(t);
    expect(task(t).status).toBe('success');
    // The paused guest cannot shrink: after 5 s squeezed stops counting on it and the others give more.
    expect(took).toBeGreaterThan(5_000);
    expect(balloonStatus(sim, vm('build-runner'))).toMatchObject({ stuck: true });
    expect(actual(vm('build-runner'))).toBe(before['build-runner']);
    const held = actual(proxy);
    expect(held).toBeGreaterThanOrEqual(rec(proxy).memory_dynamic_min);
    expect(held).toBeLessThanOrEqual(rec(proxy).memory_dynamic_max);
    expect(hostFreeMemory(sim.db, h2)).toBe(xapiFree - vmFootprint(rec(proxy)));
  });

  it('waits for a booting guest’s balloon driver before balancing it', async () => {
    const proxy = vm('backup-proxy');
    await call(sim, 'VM.start_on', session, proxy, host('xcp-host-02'), false, false);
    expect(balloonStatus(sim, proxy)).toMatchObject({ canBalloon: false });
    await run(10_000);
    expect(balloonStatus(sim, proxy)).toMatchObject({ canBalloon: true });
    await run(30_000);
    const shares = ['backup-proxy', 'web-02', 'db-replica', 'win-sql01'].map((name) => share(vm(name)));
    for (const s of shares) expect(s).toBeCloseTo(shares[0], 5);
  });

  it('fails with HOST_NOT_ENOUGH_FREE_MEMORY [needed, available] when the guests cannot give enough back', async () => {
    const h3 = host('xcp-host-03');
    const kiosk = vm('win10-kiosk');
    const big = vm('test-ubuntu');
    // The kiosk has no balloon driver: XAPI now counts it at 2 GiB, but it still holds 4 GiB.
    await call(sim, 'VM.set_memory_dynamic_range', session, kiosk, 2 * GiB, 4 * GiB);
    await call(sim, 'VM.set_memory_limits', session, big, 512 * MiB, 25 * GiB, 25 * GiB, 25 * GiB);
    const needed = vmFootprint(rec(big));
    expect(hostFreeMemory(sim.db, h3)).toBeGreaterThan(needed);
    const t = await startAsync('VM.start_on', big, h3, false, false);
    const startedAt = sim.clock.now();
    const monitoring = vm('monitoring');
    while (actual(monitoring) > rec(monitoring).memory_dynamic_min) await run(1_000);
    const available = hostPhysicalFree(sim, h3);
    await untilDone(t);
    expect(task(t).error_info).toEqual([
      'HOST_NOT_ENOUGH_FREE_MEMORY',
      String(needed + SQUEEZED_RESERVE_BYTES),
      String(available),
    ]);
    // xenopsd tried again for a minute before giving up.
    expect(sim.clock.now() - startedAt).toBeGreaterThanOrEqual(60_000);
    expect(rec(big)).toMatchObject({ power_state: 'Halted', current_operations: {} });
    await run(30_000);
    expect(actual(monitoring)).toBe(rec(monitoring).memory_dynamic_max);
  });

  it('brings a migrating guest’s memory to the destination, squeezing the guests there', async () => {
    const web = vm('web-01');
    const h2 = host('xcp-host-02');
    const t = await startAsync('VM.pool_migrate', web, h2, {});
    expect(rec(vm('db-replica')).memory_target).toBeLessThan(actual(vm('db-replica')));
    await untilDone(t);
    expect(task(t).status).toBe('success');
    expect(rec(web).resident_on).toBe(h2);
    await run(60_000);
    const shares = ['web-01', 'web-02', 'db-replica', 'win-sql01'].map((name) => share(vm(name)));
    for (const s of shares) expect(s).toBeCloseTo(shares[0], 5);
    // The host it left has room again: its guests were at their maximum and stay there.
    expect(actual(vm('mail'))).toBe(8 * GiB);
  });

  it('holds a migrating guest’s balloon still, so it arrives with what was reserved for it', async () => {
    const web = vm('web-01');
    await startAsync('VM.set_memory_dynamic_range', web, 1 * GiB, 2 * GiB);
    await run(2_000);
    const held = actual(web);
    expect(held).toBe(3.5 * GiB);
    const t = await startAsync('VM.pool_migrate', web, host('xcp-host-03'), {});
    expect(balloonStatus(sim, web)?.targetBytes).toBe(held);
    await run(5_000);
    expect(actual(web)).toBe(held);
    await untilDone(t);
    expect(rec(web).resident_on).toBe(host('xcp-host-03'));
    await run(10_000);
    expect(actual(web)).toBe(2 * GiB);
  });

  it('resumes a guest with exactly the memory it was suspended with', async () => {
    const web = vm('web-01');
    await call(sim, 'VM.set_memory_dynamic_range', session, web, 1 * GiB, 3 * GiB);
    await run(5_000);
    await call(sim, 'VM.suspend', session, web);
    await call(sim, 'VM.resume_on', session, web, host('xcp-host-03'), false, false);
    expect(actual(web)).toBe(3 * GiB);
  });
});

describe('a stuck balloon driver', () => {
  it('is left out after five seconds, the other guests giving up the memory instead', async () => {
    const stuck = vm('db-replica');
    setBalloonDriver(sim, stuck, 'stuck');
    const held = actual(stuck);
    const t = await startAsync('VM.start_on', vm('backup-proxy'), host('xcp-host-02'), false, false);
    await untilDone(t);
    expect(task(t).status).toBe('success');
    expect(actual(stuck)).toBe(held);
    expect(balloonStatus(sim, stuck)).toMatchObject({ stuck: true, uncooperative: false });
    // The ones still answering share what is left between them.
    expect(share(vm('web-02'))).toBeCloseTo(share(vm('win-sql01')), 5);
    await run(20_000);
    expect(balloonStatus(sim, stuck)).toMatchObject({ uncooperative: true });
    // A real pool raises no alert for it and its deprecated calls no longer tell.
    expect(await call(sim, 'VM.get_cooperative', session, stuck)).toBe(true);
    expect(await call(sim, 'host.get_uncooperative_resident_VMs', session, host('xcp-host-02'))).toEqual([]);
    const alerts = [...sim.db.rows('message')].map((m) => m.record.name);
    expect(new Set(alerts)).toEqual(new Set(['VM_STARTED']));
  });

  it('comes back once its driver works again', async () => {
    const stuck = vm('db-replica');
    setBalloonDriver(sim, stuck, 'stuck');
    await call(sim, 'VM.start_on', session, vm('backup-proxy'), host('xcp-host-02'), false, false);
    await run(20_000);
    setBalloonDriver(sim, stuck, 'working');
    await run(60_000);
    expect(balloonStatus(sim, stuck)).toMatchObject({ stuck: false });
    const shares = ['web-02', 'db-replica', 'win-sql01'].map((name) => share(vm(name)));
    for (const s of shares) expect(s).toBeCloseTo(shares[0], 5);
    expect(actual(stuck)).toBe(rec(stuck).memory_target);
  });

  it('names the stuck guests when nobody gives memory back: VMS_FAILED_TO_COOPERATE', async () => {
    for (const name of ['web-02', 'db-replica', 'win-sql01']) setBalloonDriver(sim, vm(name), 'stuck');
    const t = await startAsync('VM.start_on', vm('backup-proxy'), host('xcp-host-02'), false, false);
    await untilDone(t);
    const [code, ...blamed] = task(t).error_info;
    expect(code).toBe('VMS_FAILED_TO_COOPERATE');
    expect(blamed.sort()).toEqual([...H2_GUESTS.map(vm)].sort());
  });

  it('makes wait_memory_target_live give up after 256 s', async () => {
    const web = vm('web-01');
    setBalloonDriver(sim, web, 'stuck');
    await call(sim, 'VM.set_memory_dynamic_range', session, web, 1 * GiB, 2 * GiB);
    const t = await startAsync('VM.wait_memory_target_live', web);
    await run(250_000, 5_000);
    expect(task(t).status).toBe('pending');
    await run(10_000);
    expect(task(t).error_info).toEqual(['VM_MEMORY_TARGET_WAIT_TIMEOUT', t]);
  });
});

describe('guests without tools', () => {
  it('hold their static maximum whatever their range says', async () => {
    const erp = vm('legacy-erp');
    expect(actual(erp)).toBe(rec(erp).memory_static_max);
    await call(
      sim,
      'VM.set_memory_dynamic_range',
      session,
      erp,
      rec(erp).memory_static_min,
      rec(erp).memory_static_max,
    );
    // A real pool takes the call; the guest has no driver to act on it.
    expect(rec(erp).memory_target).toBe(rec(erp).memory_static_min);
    await run(60_000);
    expect(actual(erp)).toBe(rec(erp).memory_static_max);
    expect(balloonStatus(sim, erp)).toMatchObject({ canBalloon: false, stuck: false });
  });

  it('start with their static maximum', async () => {
    const erp = vm('legacy-erp');
    await call(sim, 'VM.hard_shutdown', session, erp);
    await call(sim, 'VM.set_memory_limits', session, erp, 1 * GiB, 4 * GiB, 1 * GiB, 2 * GiB);
    await call(sim, 'VM.start', session, erp, false, false);
    expect(actual(erp)).toBe(4 * GiB);
  });

  it('cannot have vCPUs plugged in', async () => {
    const kiosk = vm('win10-kiosk');
    expect(await callError(sim, 'VM.set_VCPUs_number_live', session, kiosk, 1)).toEqual(['VM_LACKS_FEATURE', kiosk]);
  });
});
