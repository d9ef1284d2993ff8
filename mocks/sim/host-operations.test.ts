import { beforeEach, describe, expect, it } from 'vitest';
import type { XapiRecord } from '../../src/xapi/model/types';
import { dispatch } from '../xapi/dispatch';
import { call, callError, flushMicrotasks, login } from '../xapi/testing';
import { NULL_REF } from './db';
import { invariantViolations } from './invariants';
import { named } from './lookup';
import { hostMemoryTotal, type MemoryFields, vmFootprint } from './memory';
import { createSimulator } from './scenarios/index';
import type { Simulator } from './simulator';

let sim: Simulator;
let session: string;

beforeEach(async () => {
  sim = createSimulator({ scenario: 'demo' });
  session = await login(sim);
});

const vm = (name: string) => named(sim, 'VM', name);
const host = (name: string) => named(sim, 'host', name);
const rec = (ref: string) => sim.db.get<XapiRecord<'VM'>>('VM', ref);
const hostRec = (ref: string) => sim.db.get<XapiRecord<'host'>>('host', ref);
const live = (ref: string) => sim.db.get<XapiRecord<'host_metrics'>>('host_metrics', hostRec(ref).metrics).live;
const task = (ref: string) => sim.db.get<XapiRecord<'task'>>('task', ref);

async function run(ms: number, stepMs = 250) {
  for (let t = 0; t < ms; t += stepMs) {
    sim.clock.advance(Math.min(stepMs, ms - t));
    await flushMicrotasks();
  }
}

describe('host allowed_operations', () => {
  it('offers what an enabled live host allows', () => {
    expect(hostRec(host('xcp-host-01')).allowed_operations).toEqual([
      'provision',
      'evacuate',
      'vm_start',
      'vm_resume',
      'vm_migrate',
      'enable',
    ]);
  });

  it('needs a disabled host for reboot and shutdown', async () => {
    const h = host('xcp-host-03');
    expect(await callError(sim, 'host.reboot', session, h)).toEqual(['HOST_NOT_DISABLED']);
    await call(sim, 'host.disable', session, h);
    expect(hostRec(h).enabled).toBe(false);
    expect(hostRec(h).allowed_operations).toEqual(expect.arrayContaining(['reboot', 'shutdown', 'apply_updates']));
  });

  it('refuses power_on for a live host, then for one without a power-on mode', async () => {
    const h = host('xcp-host-03');
    expect(await callError(sim, 'host.power_on', session, h)).toEqual(['HOST_IS_LIVE', h]);
  });
});

describe('memory queries', () => {
  it('computes free memory as total − host overhead − Σ(dynamic_min + overhead) of resident VMs', async () => {
    const h = host('xcp-host-02');
    const used = hostRec(h).resident_VMs.reduce((n, v) => n + vmFootprint(sim.db.get<MemoryFields>('VM', v)), 0);
    const expected = hostMemoryTotal(sim.db, h) - hostRec(h).memory_overhead - used;
    expect(await call(sim, 'host.compute_free_memory', session, h)).toBe(expected);
    expect(await call(sim, 'host.compute_memory_overhead', session, h)).toBe(hostRec(h).memory_overhead);
    expect(await call(sim, 'VM.compute_memory_overhead', session, vm('web-01'))).toBe(
      rec(vm('web-01')).memory_overhead,
    );
  });

  it('lists the hosts a VM could boot on', async () => {
    expect(await call(sim, 'VM.get_possible_hosts', session, vm('analytics-bigmem'))).toEqual([]);
    expect(await call<string[]>(sim, 'VM.get_possible_hosts', session, vm('test-ubuntu'))).toHaveLength(3);
    expect(
      await callError(sim, 'VM.assert_can_boot_here', session, vm('analytics-bigmem'), host('xcp-host-03')),
    ).toEqual(expect.arrayContaining(['HOST_NOT_ENOUGH_FREE_MEMORY']));
  });
});

describe('host.evacuate', () => {
  it('refuses with the first VM that cannot leave, naming it, and moves nothing', async () => {
    const h = host('xcp-host-02');
    const runner = vm('build-runner');
    expect(await call(sim, 'host.get_vms_which_prevent_evacuation', session, h)).toEqual({
      [runner]: ['VM_BAD_POWER_STATE', runner, 'running', 'paused'],
    });
    expect(await callError(sim, 'host.evacuate', session, h)).toEqual([
      'VM_BAD_POWER_STATE',
      runner,
      'running',
      'paused',
    ]);
    expect(await callError(sim, 'host.assert_can_evacuate', session, h)).toEqual([
      'CANNOT_EVACUATE_HOST',
      `VM_BAD_POWER_STATE,${runner},running,paused`,
    ]);
    expect(rec(vm('web-02')).resident_on).toBe(h);
  });

  it('names a guest without tools, and one on local storage', async () => {
    const h3 = host('xcp-host-03');
    const prevent = await call<Record<string, string[]>>(sim, 'host.get_vms_which_prevent_evacuation', session, h3);
    expect(prevent[vm('win10-kiosk')]).toEqual(['VM_LACKS_FEATURE', vm('win10-kiosk')]);
    expect(prevent[vm('monitoring')]).toEqual(['VM_REQUIRES_SR', vm('monitoring'), sim.localSr.get(h3)]);
  });

  it('migrates every guest away, counting progress, and leaves the host enabled', async () => {
    const h = host('xcp-host-02');
    await call(sim, 'VM.unpause', session, vm('build-runner'));
    const guests = hostRec(h).resident_VMs.filter((v) => !rec(v).is_control_domain);
    expect(guests).toHaveLength(4);
    const t = (await dispatch(sim, 'Async.host.evacuate', [session, h, NULL_REF, 2])).value as string;
    await run(1_000);
    expect(hostRec(h).current_operations).toEqual({ [t]: 'evacuate' });
    expect(await callError(sim, 'VM.start_on', session, vm('test-ubuntu'), h, false, false)).toEqual([
      'HOST_EVACUATE_IN_PROGRESS',
      h,
    ]);
    const migrating = guests.filter((g) => Object.values(rec(g).current_operations).includes('pool_migrate'));
    expect(migrating).toHaveLength(2);
    expect(invariantViolations(sim)).toEqual([]);
    await run(200_000);
    expect(task(t)).toMatchObject({ status: 'success', progress: 1 });
    expect(guests.every((g) => rec(g).resident_on !== h && rec(g).power_state === 'Running')).toBe(true);
    expect(hostRec(h)).toMatchObject({ enabled: true, current_operations: {} });
    expect(invariantViolations(sim)).toEqual([]);
  });

  it('has nowhere to go when every other host is disabled', async () => {
    await call(sim, 'host.disable', session, host('xcp-host-02'));
    await call(sim, 'host.disable', session, host('xcp-host-03'));
    const web = vm('web-01');
    const prevent = await call<Record<string, string[]>>(
      sim,
      'host.get_vms_which_prevent_evacuation',
      session,
      host('xcp-host-01'),
    );
    expect(prevent[web]).toEqual(['NO_HOSTS_AVAILABLE', web]);
  });
});

describe('host.reboot and host.shutdown', () => {
  it('returns at once, marks the host going down, empties it, and brings it back after its boot', async () => {
    const h = host('xcp-host-03');
    const dom0 = hostRec(h).control_domain;
    await call(sim, 'host.disable', session, h);
    const t = (await dispatch(sim, 'Async.host.reboot', [session, h])).value as string;
    await run(500);
    expect(task(t).status).toBe('success');
    expect(Object.values(hostRec(h).current_operations)).toEqual(['shutdown']);
    expect(await callError(sim, 'host.enable', session, h)).toEqual(['HOST_DISABLED_UNTIL_REBOOT', h]);
    expect(hostRec(h).allowed_operations).not.toContain('reboot');

    await run(30_000);
    expect(live(h)).toBe(false);
    expect(rec(vm('monitoring')).power_state).toBe('Halted');
    expect(rec(vm('win10-kiosk')).power_state).toBe('Halted');
    expect(rec(dom0)).toMatchObject({ power_state: 'Halted', resident_on: NULL_REF });
    expect(await callError(sim, 'VM.start_on', session, vm('test-ubuntu'), h, false, false)).toEqual(['HOST_NOT_LIVE']);
    expect(invariantViolations(sim)).toEqual([]);

    await run(sim.hardware.get(h)!.bootMs);
    expect(live(h)).toBe(true);
    expect(hostRec(h)).toMatchObject({ enabled: true, current_operations: {} });
    expect(rec(dom0)).toMatchObject({ power_state: 'Running', resident_on: h, domid: 0 });
    expect(invariantViolations(sim)).toEqual([]);
  });

  it('evacuates the guests that can leave rather than stopping them', async () => {
    const h = host('xcp-host-02');
    await call(sim, 'VM.hard_shutdown', session, vm('build-runner'));
    await call(sim, 'host.disable', session, h);
    await call(sim, 'host.reboot', session, h);
    await run(200_000);
    expect(rec(vm('web-02')).power_state).toBe('Running');
    expect(rec(vm('web-02')).resident_on).not.toBe(h);
  });

  it('stays off after a shutdown until powered on, which needs a power-on mode', async () => {
    const h = host('xcp-host-03');
    await call(sim, 'host.disable', session, h);
    await call(sim, 'host.shutdown', session, h);
    await run(200_000);
    expect(live(h)).toBe(false);
    expect(await callError(sim, 'host.power_on', session, h)).toEqual(['HOST_POWER_ON_MODE_DISABLED']);
    expect(await callError(sim, 'host.enable', session, h)).toEqual(['HOST_OFFLINE', h]);
    await call(sim, 'host.set_power_on_mode', session, h, 'wake-on-lan', {});
    expect(hostRec(h).allowed_operations).toContain('power_on');
    await call(sim, 'host.power_on', session, h);
    await run(sim.hardware.get(h)!.bootMs);
    expect(live(h)).toBe(true);
    expect(invariantViolations(sim)).toEqual([]);
  });

  it('keeps a host disabled across a reboot when asked to', async () => {
    const h = host('xcp-host-03');
    await call(sim, 'host.disable', session, h, false);
    await call(sim, 'host.reboot', session, h);
    await run(200_000);
    expect(live(h)).toBe(true);
    expect(hostRec(h).enabled).toBe(false);
  });
});
