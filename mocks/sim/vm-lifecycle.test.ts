import { beforeEach, describe, expect, it } from 'vitest';
import type { XapiRecord } from '../../src/xapi/model/types';
import { dispatch } from '../xapi/dispatch';
import { call, callError, flushMicrotasks, login, settle } from '../xapi/testing';
import { NULL_REF } from './db';
import { guestOf } from './domains';
import { invariantViolations } from './invariants';
import { named } from './lookup';
import { hostFreeMemory, type MemoryFields, vmFootprint, vmMemoryOverhead } from './memory';
import { createSimulator } from './scenarios/index';
import type { Simulator } from './simulator';
import { GiB } from './units';

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
const task = (ref: string) => sim.db.get<XapiRecord<'task'>>('task', ref);
const free = (h: string) => hostFreeMemory(sim.db, h);
const footprint = (ref: string) => {
  const fields = sim.db.get<MemoryFields>('VM', ref);
  return vmFootprint({ ...fields, memory_overhead: vmMemoryOverhead(fields) });
};

/** Runs virtual time in small steps so chained steps of an operation start when the previous ends. */
async function run(ms: number, stepMs = 100) {
  for (let t = 0; t < ms; t += stepMs) {
    sim.clock.advance(Math.min(stepMs, ms - t));
    await flushMicrotasks();
  }
}

async function startAsync(method: string, ...params: unknown[]): Promise<string> {
  return (await dispatch(sim, `Async.${method}`, [session, ...params])).value as string;
}

const tasksNamed = (label: string) => sim.db.refs('task').filter((t) => task(t).name_label === label);

describe('VM.start', () => {
  it('runs a synchronous call under a task recorded in current_operations and destroyed on return', async () => {
    const ref = vm('backup-proxy');
    const pending = dispatch(sim, 'VM.start', [session, ref, false, false]);
    await flushMicrotasks();
    const [t] = tasksNamed('VM.start');
    expect(rec(ref).current_operations).toEqual({ [t]: 'start' });
    expect(rec(ref).allowed_operations).not.toContain('start');
    const target = rec(ref).scheduled_to_be_resident_on;
    expect(hostRec(target).current_operations).toEqual({ [t]: 'vm_start' });

    await settle(sim, pending);
    expect(sim.db.has('task', t)).toBe(false);
    expect(rec(ref)).toMatchObject({
      power_state: 'Running',
      resident_on: target,
      scheduled_to_be_resident_on: NULL_REF,
      current_operations: {},
    });
    expect(rec(ref).domid).toBeGreaterThan(0);
    expect(hostRec(target).current_operations).toEqual({});
    expect(invariantViolations(sim)).toEqual([]);
  });

  it('gives Async.VM.start a task whose progress moves, ending in success with a void XML-RPC result', async () => {
    const t = await startAsync('VM.start', vm('backup-proxy'), false, false);
    expect(task(t)).toMatchObject({
      name_label: 'Async.VM.start',
      status: 'pending',
      progress: 0,
      allowed_operations: ['cancel'],
    });
    await run(700);
    expect(task(t).progress).toBeGreaterThan(0);
    expect(task(t).progress).toBeLessThan(1);
    await run(1_000);
    expect(task(t)).toMatchObject({ status: 'success', progress: 1, result: '<value></value>', error_info: [] });
    expect(rec(vm('backup-proxy')).power_state).toBe('Running');
  });

  it('fails an Async.VM.start task with the error as error_info', async () => {
    const t = await startAsync('VM.start', vm('analytics-bigmem'), false, false);
    await run(100);
    expect(task(t)).toMatchObject({ status: 'failure', progress: 1, error_info: ['NO_HOSTS_AVAILABLE'], result: '' });
  });

  it('changes the VM at the start of the operation, at the power change and at its end', async () => {
    const ref = vm('backup-proxy');
    const seen: string[] = [];
    sim.db.onChange((c) => {
      if (c.ref !== ref) return;
      const r = rec(ref);
      seen.push(`${r.power_state}:${Object.values(r.current_operations).join(',')}`);
    });
    await call(sim, 'VM.start', session, ref, false, false);
    const distinct = seen.filter((s, i) => s !== seen[i - 1]);
    expect(distinct).toEqual(['Halted:start', 'Running:start', 'Running:']);
  });

  it('has the guest agent report after the boot time, which then allows a clean shutdown', async () => {
    const ref = vm('backup-proxy');
    await call(sim, 'VM.start', session, ref, false, false);
    expect(rec(ref).guest_metrics).toBe(NULL_REF);
    expect(rec(ref).allowed_operations).not.toContain('clean_shutdown');
    await run(guestOf(sim, ref).bootMs);
    const gm = sim.db.get<XapiRecord<'VM_guest_metrics'>>('VM_guest_metrics', rec(ref).guest_metrics);
    expect(gm.other['feature-shutdown']).toBe('1');
    expect(rec(ref).allowed_operations).toContain('clean_shutdown');
  });

  it('starts paused when asked, and the guest boots only once it runs', async () => {
    const ref = vm('backup-proxy');
    await call(sim, 'VM.start', session, ref, true, false);
    expect(rec(ref).power_state).toBe('Paused');
    await run(guestOf(sim, ref).bootMs + 2_000);
    expect(rec(ref).guest_metrics).toBe(NULL_REF);
    await call(sim, 'VM.unpause', session, ref);
    await run(guestOf(sim, ref).bootMs + 1_000);
    expect(rec(ref).guest_metrics).not.toBe(NULL_REF);
  });

  it('counts the VM against its host from the reservation on', async () => {
    const ref = vm('backup-proxy');
    const h = host('xcp-host-02');
    const before = free(h);
    const pending = dispatch(sim, 'VM.start_on', [session, ref, h, false, false]);
    await flushMicrotasks();
    expect(free(h)).toBe(before - footprint(ref));
    await settle(sim, pending);
    expect(free(h)).toBe(before - footprint(ref));
    expect(await call(sim, 'host.compute_free_memory', session, h)).toBe(before - footprint(ref));
  });

  it('answers NO_HOSTS_AVAILABLE when no host can take the VM, and leaves it untouched', async () => {
    const ref = vm('analytics-bigmem');
    expect(await callError(sim, 'VM.start', session, ref, false, false)).toEqual(['NO_HOSTS_AVAILABLE']);
    expect(rec(ref)).toMatchObject({
      power_state: 'Halted',
      scheduled_to_be_resident_on: NULL_REF,
      current_operations: {},
    });
    expect(invariantViolations(sim)).toEqual([]);
  });

  it('answers start_on with HOST_NOT_ENOUGH_FREE_MEMORY [needed, available] in bytes', async () => {
    const ref = vm('analytics-bigmem');
    const h = host('xcp-host-01');
    const expected = ['HOST_NOT_ENOUGH_FREE_MEMORY', String(footprint(ref)), String(free(h))];
    expect(await callError(sim, 'VM.start_on', session, ref, h, false, false)).toEqual(expected);
    expect(Number(expected[1])).toBeGreaterThan(384 * GiB);
  });

  it('refuses more vCPUs than the host has pCPUs, unless vcpu-unrestricted', async () => {
    const ref = vm('test-ubuntu');
    sim.db.update('VM', ref, { VCPUs_max: 16 });
    expect(await callError(sim, 'VM.start_on', session, ref, host('xcp-host-03'), false, false)).toEqual([
      'HOST_NOT_ENOUGH_PCPUS',
      '16',
      '8',
    ]);
    sim.db.update('VM', ref, { platform: { ...rec(ref).platform, 'vcpu-unrestricted': 'true' } });
    await call(sim, 'VM.start_on', session, ref, host('xcp-host-03'), false, false);
    expect(rec(ref).resident_on).toBe(host('xcp-host-03'));
  });

  it('refuses a disabled host and one that cannot see the disks', async () => {
    const h2 = host('xcp-host-02');
    await call(sim, 'host.disable', session, h2);
    expect(await callError(sim, 'VM.start_on', session, vm('test-ubuntu'), h2, false, false)).toEqual([
      'HOST_DISABLED',
      h2,
    ]);
    const monitoring = vm('monitoring');
    await call(sim, 'VM.hard_shutdown', session, monitoring);
    const localSr = sim.localSr.get(host('xcp-host-03'));
    expect(await callError(sim, 'VM.start_on', session, monitoring, host('xcp-host-01'), false, false)).toEqual([
      'VM_REQUIRES_SR',
      monitoring,
      localSr,
    ]);
  });

  it('starts on the affinity host, and never on a disabled one', async () => {
    const ref = vm('test-ubuntu');
    sim.db.update('VM', ref, { affinity: host('xcp-host-03') });
    await call(sim, 'VM.start', session, ref, false, false);
    expect(rec(ref).resident_on).toBe(host('xcp-host-03'));

    const other = vm('backup-proxy');
    await call(sim, 'host.disable', session, host('xcp-host-01'));
    await call(sim, 'host.disable', session, host('xcp-host-03'));
    await call(sim, 'VM.start', session, other, false, false);
    expect(rec(other).resident_on).toBe(host('xcp-host-02'));
  });

  it('can be cancelled while the domain is built, leaving no reservation behind', async () => {
    const ref = vm('backup-proxy');
    const t = await startAsync('VM.start', ref, false, false);
    await run(300);
    const target = rec(ref).scheduled_to_be_resident_on;
    await call(sim, 'task.cancel', session, t);
    await run(100);
    expect(task(t)).toMatchObject({ status: 'cancelled', error_info: ['TASK_CANCELLED', t] });
    expect(rec(ref)).toMatchObject({
      power_state: 'Halted',
      scheduled_to_be_resident_on: NULL_REF,
      current_operations: {},
    });
    expect(hostRec(target).current_operations).toEqual({});
  });

  it('queues behind another operation instead of failing, as xen-api retries', async () => {
    const ref = vm('backup-proxy');
    const clone = await startAsync('VM.clone', ref, 'copy of backup-proxy');
    await run(200);
    expect(await callError(sim, 'VM.assert_operation_valid', session, ref, 'start')).toEqual([
      'OTHER_OPERATION_IN_PROGRESS',
      'VM',
      ref,
      'clone',
      clone,
    ]);
    const start = await startAsync('VM.start', ref, false, false);
    await run(2_000);
    expect(task(clone).status).toBe('success');
    expect(task(start).status).toBe('pending');
    await run(25_000);
    expect(task(start).status).toBe('success');
    expect(rec(ref).power_state).toBe('Running');
  });
});

describe('shutdown', () => {
  it('takes the guest its shutdown time, then frees the host memory', async () => {
    const ref = vm('web-01');
    const h = rec(ref).resident_on;
    const before = free(h);
    const t = await startAsync('VM.clean_shutdown', ref);
    await run(guestOf(sim, ref).shutdownMs - 500);
    expect(rec(ref).power_state).toBe('Running');
    await run(1_000);
    expect(task(t).status).toBe('success');
    expect(rec(ref)).toMatchObject({ power_state: 'Halted', resident_on: NULL_REF, domid: -1 });
    expect(rec(ref).VBDs.every((vbd) => !sim.db.get<XapiRecord<'VBD'>>('VBD', vbd).currently_attached)).toBe(true);
    expect(free(h)).toBe(before + footprint(ref));
    const messages = [...sim.db.rows('message')].map((r) => r.record);
    expect(messages).toContainEqual(
      expect.objectContaining({ name: 'VM_SHUTDOWN', body: expect.stringContaining("VM 'web-01'") }),
    );
  });

  it('refuses a clean shutdown of a guest without tools, which VM.shutdown halts anyway', async () => {
    const ref = vm('legacy-erp');
    expect(await callError(sim, 'VM.clean_shutdown', session, ref)).toEqual(['VM_LACKS_FEATURE', ref]);
    expect(rec(ref).power_state).toBe('Running');
    await call(sim, 'VM.shutdown', session, ref);
    expect(rec(ref).power_state).toBe('Halted');
  });

  it('cancels a clean shutdown in progress when a hard shutdown comes', async () => {
    const ref = vm('web-01');
    const clean = await startAsync('VM.clean_shutdown', ref);
    await run(1_000);
    await call(sim, 'VM.hard_shutdown', session, ref);
    expect(task(clean)).toMatchObject({ status: 'cancelled', error_info: ['TASK_CANCELLED', clean] });
    expect(rec(ref)).toMatchObject({ power_state: 'Halted', current_operations: {} });
  });

  it('hard-shuts down a suspended VM by discarding its image', async () => {
    const ref = vm('vpn-gateway');
    const image = rec(ref).suspend_VDI;
    await call(sim, 'VM.hard_shutdown', session, ref);
    expect(rec(ref)).toMatchObject({ power_state: 'Halted', suspend_VDI: NULL_REF });
    expect(sim.db.has('VDI', image)).toBe(false);
  });
});

describe('reboot, pause', () => {
  it('reboots cleanly into a new domain, the agent silent until the OS is back', async () => {
    const ref = vm('web-01');
    const domid = rec(ref).domid;
    await call(sim, 'VM.clean_reboot', session, ref);
    expect(rec(ref).power_state).toBe('Running');
    expect(rec(ref).domid).not.toBe(domid);
    const gm = () => sim.db.get<XapiRecord<'VM_guest_metrics'>>('VM_guest_metrics', rec(ref).guest_metrics);
    expect(gm().live).toBe(false);
    await run(guestOf(sim, ref).bootMs);
    expect(gm().live).toBe(true);
  });

  it('hard-reboots a paused VM into a running one', async () => {
    const ref = vm('build-runner');
    await call(sim, 'VM.hard_reboot', session, ref);
    expect(rec(ref).power_state).toBe('Running');
  });

  it('pauses and unpauses in place', async () => {
    const ref = vm('web-01');
    const h = rec(ref).resident_on;
    await call(sim, 'VM.pause', session, ref);
    expect(rec(ref)).toMatchObject({ power_state: 'Paused', resident_on: h });
    expect(rec(ref).allowed_operations).toContain('unpause');
    await call(sim, 'VM.unpause', session, ref);
    expect(rec(ref).power_state).toBe('Running');
  });
});

describe('suspend and resume', () => {
  it('writes memory to a suspend image on the pool suspend SR, taking time by memory size', async () => {
    const ref = vm('web-01');
    const t = await startAsync('VM.suspend', ref);
    await run(1_500);
    const image = rec(ref).suspend_VDI;
    expect(sim.db.get<XapiRecord<'VDI'> & { type: string }>('VDI', image)).toMatchObject({
      type: 'suspend',
      SR: sim.db.get<XapiRecord<'pool'>>('pool', sim.pool()).suspend_image_SR,
    });
    expect(rec(ref).power_state).toBe('Running');
    await run(4_000);
    expect(task(t).status).toBe('success');
    expect(rec(ref)).toMatchObject({ power_state: 'Suspended', resident_on: NULL_REF, domid: -1, suspend_VDI: image });
  });

  it('refuses to suspend a guest without tools', async () => {
    expect(await callError(sim, 'VM.suspend', session, vm('legacy-erp'))).toEqual([
      'VM_LACKS_FEATURE',
      vm('legacy-erp'),
    ]);
  });

  it('resumes onto a host and discards the image', async () => {
    const ref = vm('staging-app');
    const image = rec(ref).suspend_VDI;
    await call(sim, 'VM.resume_on', session, ref, host('xcp-host-02'), false, false);
    expect(rec(ref)).toMatchObject({ power_state: 'Running', resident_on: host('xcp-host-02'), suspend_VDI: NULL_REF });
    expect(sim.db.has('VDI', image)).toBe(false);
    await run(2_000);
    expect(rec(ref).guest_metrics).not.toBe(NULL_REF);
    expect(invariantViolations(sim)).toEqual([]);
  });
});

describe('VM.pool_migrate', () => {
  it('reserves memory on the destination for the whole copy, then moves the domain', async () => {
    const ref = vm('web-01');
    // xcp-host-03 has the memory free: no guest there needs squeezing first.
    const [h1, h2] = [host('xcp-host-01'), host('xcp-host-03')];
    const [free1, free2] = [free(h1), free(h2)];
    const t = await startAsync('VM.pool_migrate', ref, h2, {});
    await run(3_000);
    expect(rec(ref)).toMatchObject({
      current_operations: { [t]: 'pool_migrate' },
      resident_on: h1,
      scheduled_to_be_resident_on: h2,
    });
    expect(hostRec(h2).current_operations).toEqual({ [t]: 'vm_migrate' });
    expect([free(h1), free(h2)]).toEqual([free1, free2 - footprint(ref)]);
    expect(task(t).progress).toBeGreaterThan(0);
    expect(invariantViolations(sim)).toEqual([]);
    await run(20_000);
    expect(task(t).status).toBe('success');
    expect(rec(ref)).toMatchObject({
      power_state: 'Running',
      resident_on: h2,
      scheduled_to_be_resident_on: NULL_REF,
      current_operations: {},
    });
    expect([free(h1), free(h2)]).toEqual([free1 + footprint(ref), free2 - footprint(ref)]);
    expect(hostRec(h2).current_operations).toEqual({});
  });

  it('refuses a guest without tools unless forced', async () => {
    const ref = vm('legacy-erp');
    const h2 = host('xcp-host-02');
    expect(await callError(sim, 'VM.pool_migrate', session, ref, h2, {})).toEqual(['VM_LACKS_FEATURE', ref]);
    await call(sim, 'VM.pool_migrate', session, ref, h2, { force: 'true' });
    expect(rec(ref).resident_on).toBe(h2);
  });

  it('refuses a destination without the VM disks', async () => {
    const ref = vm('monitoring');
    expect(await callError(sim, 'VM.pool_migrate', session, ref, host('xcp-host-01'), {})).toEqual([
      'VM_REQUIRES_SR',
      ref,
      sim.localSr.get(host('xcp-host-03')),
    ]);
  });
});

it('answers HANDLE_INVALID for objects that do not exist', async () => {
  expect(await callError(sim, 'VM.start', session, 'OpaqueRef:nope', false, false)).toEqual([
    'HANDLE_INVALID',
    'VM',
    'OpaqueRef:nope',
  ]);
  expect(await callError(sim, 'VM.start_on', session, vm('test-ubuntu'), 'OpaqueRef:nope', false, false)).toEqual([
    'HANDLE_INVALID',
    'host',
    'OpaqueRef:nope',
  ]);
});
