/**
 * The memory setters' rules on the demo pool: which power states each allows, the order
 * of the four values, the static_max pin, the live reservation of a raised dynamic_min,
 * and the overhead recomputed where it depends on the new values.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { XapiRecord } from '../../src/xapi/model/types';
import { dispatch } from '../xapi/dispatch';
import { call, callError, flushMicrotasks, login } from '../xapi/testing';
import { invariantViolations } from './invariants';
import { named } from './lookup';
import { hostFreeMemory, type MemoryFields, vmMemoryOverhead } from './memory';
import { createSimulator } from './scenarios/index';
import type { Simulator } from './simulator';
import { GiB, MiB } from './units';

let sim: Simulator;
let session: string;

beforeEach(async () => {
  sim = createSimulator({ scenario: 'demo' });
  session = await login(sim);
});

const vm = (name: string) => named(sim, 'VM', name);
const rec = (ref: string) => sim.db.get<XapiRecord<'VM'>>('VM', ref);
const limits = (ref: string) => {
  const r = rec(ref);
  return [r.memory_static_min, r.memory_dynamic_min, r.memory_dynamic_max, r.memory_static_max];
};

/** One VM in each power state. */
const BY_STATE = {
  halted: 'test-ubuntu',
  running: 'web-01',
  paused: 'build-runner',
  suspended: 'vpn-gateway',
} as const;
type State = keyof typeof BY_STATE;

/** Valid values for each setter on any of those VMs (all have 512 MiB ≤ 1 GiB ≤ their maximum). */
const SETTERS: { method: string; args: unknown[]; allowed: State[] }[] = [
  { method: 'VM.set_memory_dynamic_range', args: [1 * GiB, 1 * GiB], allowed: ['halted', 'running'] },
  { method: 'VM.set_memory_dynamic_min', args: [1 * GiB], allowed: ['halted', 'running'] },
  { method: 'VM.set_memory_dynamic_max', args: [1 * GiB], allowed: ['halted', 'running'] },
  { method: 'VM.set_memory_static_range', args: [512 * MiB, 8 * GiB], allowed: ['halted'] },
  { method: 'VM.set_memory_static_min', args: [512 * MiB], allowed: ['halted'] },
  { method: 'VM.set_memory_static_max', args: [8 * GiB], allowed: ['halted'] },
  { method: 'VM.set_memory_limits', args: [512 * MiB, 2 * GiB, 1 * GiB, 2 * GiB], allowed: ['halted'] },
  { method: 'VM.set_memory', args: [2 * GiB], allowed: ['halted'] },
];

describe('power states', () => {
  for (const { method, args, allowed } of SETTERS) {
    for (const state of Object.keys(BY_STATE) as State[]) {
      const expected = allowed.includes(state) ? 'succeeds' : 'is refused';
      it(`${method} ${expected} on a ${state} VM`, async () => {
        const ref = vm(BY_STATE[state]);
        if (allowed.includes(state)) {
          await call(sim, method, session, ref, ...args);
          expect(rec(ref).current_operations).toEqual({});
        } else {
          const before = limits(ref);
          expect(await callError(sim, method, session, ref, ...args)).toEqual([
            'VM_BAD_POWER_STATE',
            ref,
            allowed.join(', '),
            state,
          ]);
          expect(limits(ref)).toEqual(before);
        }
        expect(invariantViolations(sim)).toEqual([]);
      });
    }
  }
});

describe('the four values', () => {
  it('must stay in order: MEMORY_CONSTRAINT_VIOLATION_ORDER, nothing changed', async () => {
    const ref = vm('test-ubuntu');
    const before = limits(ref);
    const order = ['MEMORY_CONSTRAINT_VIOLATION_ORDER'];
    expect(await callError(sim, 'VM.set_memory_dynamic_range', session, ref, 2 * GiB, 1 * GiB)).toEqual(order);
    expect(await callError(sim, 'VM.set_memory_dynamic_max', session, ref, 4 * GiB)).toEqual(order);
    expect(await callError(sim, 'VM.set_memory_static_range', session, ref, 1536 * MiB, 2 * GiB)).toEqual(order);
    expect(await callError(sim, 'VM.set_memory_static_max', session, ref, 1 * GiB)).toEqual(order);
    expect(await callError(sim, 'VM.set_memory_limits', session, ref, 1 * GiB, 2 * GiB, 512 * MiB, 2 * GiB)).toEqual(
      order,
    );
    expect(await callError(sim, 'VM.set_memory', session, ref, 256 * MiB)).toEqual(order);
    expect(limits(ref)).toEqual(before);
  });

  it('are pinned at static_max for a control domain, which takes a change at its next boot', async () => {
    const dom0 = rec(vm('web-01')).resident_on;
    const control = sim.db.get<XapiRecord<'host'>>('host', dom0).control_domain;
    const size = rec(control).memory_static_max;
    expect(await callError(sim, 'VM.set_memory_dynamic_range', session, control, size / 2, size)).toEqual([
      'MEMORY_CONSTRAINT_VIOLATION_MAXPIN',
      'control domain',
    ]);
    await call(sim, 'VM.set_memory_limits', session, control, size / 2, 2 * size, 2 * size, 2 * size);
    expect(rec(control)).toMatchObject({ memory_static_max: 2 * size, requires_reboot: true });
  });

  it('are pinned without the DMC licence', async () => {
    const pool = sim.pool();
    const restrictions = sim.db.get<XapiRecord<'pool'>>('pool', pool).restrictions;
    sim.db.update('pool', pool, { restrictions: { ...restrictions, restrict_dmc: 'true' } });
    const ref = vm('test-ubuntu');
    expect(await callError(sim, 'VM.set_memory_dynamic_range', session, ref, 1 * GiB, 2 * GiB)).toEqual([
      'MEMORY_CONSTRAINT_VIOLATION_MAXPIN',
      'DMC disabled',
    ]);
    await call(sim, 'VM.set_memory', session, ref, 3 * GiB);
    expect(limits(ref)).toEqual([512 * MiB, 3 * GiB, 3 * GiB, 3 * GiB]);
  });

  it('are pinned for a guest that booted with nested virtualisation, which must not start unpinned', async () => {
    const ref = vm('test-ubuntu');
    sim.db.update('VM_metrics', rec(ref).metrics, { nested_virt: true });
    expect(await callError(sim, 'VM.set_memory_static_max', session, ref, 4 * GiB)).toEqual([
      'MEMORY_CONSTRAINT_VIOLATION_MAXPIN',
      'nested virt',
    ]);
    sim.db.update('VM', ref, { platform: { ...rec(ref).platform, 'nested-virt': 'true' } });
    expect(await callError(sim, 'VM.start', session, ref, false, false)).toEqual([
      'MEMORY_CONSTRAINT_VIOLATION_MAXPIN',
      'nested virt',
    ]);
    expect(rec(ref)).toMatchObject({ power_state: 'Halted', scheduled_to_be_resident_on: 'OpaqueRef:NULL' });
    await call(sim, 'VM.start', session, ref, false, true);
    expect(rec(ref).power_state).toBe('Running');
  });

  it('may be set on a template', async () => {
    const template = vm('Debian Bookworm 12');
    await call(sim, 'VM.set_memory_limits', session, template, 1 * GiB, 4 * GiB, 2 * GiB, 4 * GiB);
    expect(limits(template)).toEqual([1 * GiB, 2 * GiB, 4 * GiB, 4 * GiB]);
  });
});

describe('writes', () => {
  it('set memory_target to the new dynamic minimum and recompute the overhead from static_max', async () => {
    const ref = vm('test-ubuntu');
    await call(sim, 'VM.set_memory_limits', session, ref, 512 * MiB, 16 * GiB, 1 * GiB, 8 * GiB);
    expect(rec(ref)).toMatchObject({ memory_target: 1 * GiB, memory_dynamic_max: 8 * GiB });
    expect(rec(ref).memory_overhead).toBe(vmMemoryOverhead(sim.db.get<MemoryFields>('VM', ref)));
    expect(rec(ref).memory_overhead).toBeGreaterThan(vmMemoryOverhead({ ...rec(ref), memory_static_max: 2 * GiB }));
    await call(sim, 'VM.set_memory', session, ref, 2 * GiB);
    expect(limits(ref)).toEqual([512 * MiB, 2 * GiB, 2 * GiB, 2 * GiB]);
  });

  it('run as an operation: current_operations holds it while a running VM changes range', async () => {
    const ref = vm('web-01');
    const t = (await dispatch(sim, 'Async.VM.set_memory_dynamic_range', [session, ref, 1 * GiB, 3 * GiB]))
      .value as string;
    await flushMicrotasks();
    expect(rec(ref).current_operations).toEqual({ [t]: 'changing_dynamic_range' });
    sim.clock.advance(500);
    await flushMicrotasks();
    expect(rec(ref).current_operations).toEqual({});
    expect(sim.db.get<XapiRecord<'task'>>('task', t).status).toBe('success');
  });
});

describe('a live change of the dynamic minimum', () => {
  it('is refused when the host could not hold the raised minimum, in KiB, and changes nothing', async () => {
    const ref = vm('web-01');
    const host = rec(ref).resident_on;
    const available = hostFreeMemory(sim.db, host);
    const before = limits(ref);
    expect(await callError(sim, 'VM.set_memory_dynamic_range', session, ref, 300 * GiB, 300 * GiB)).toEqual([
      'HOST_NOT_ENOUGH_FREE_MEMORY',
      String((300 * GiB - 1 * GiB) / 1024),
      String(available / 1024),
    ]);
    expect(limits(ref)).toEqual(before);
  });

  it('is counted by XAPI at once when it fits, and a rejected range puts it back', async () => {
    const ref = vm('web-02');
    const host = rec(ref).resident_on;
    const before = hostFreeMemory(sim.db, host);
    await call(sim, 'VM.set_memory_dynamic_range', session, ref, 2 * GiB, 4 * GiB);
    expect(hostFreeMemory(sim.db, host)).toBe(before - 1 * GiB);
    // Raised above its static maximum: reserved first, then refused by the order check, then restored.
    expect(await callError(sim, 'VM.set_memory_dynamic_range', session, ref, 3 * GiB, 5 * GiB)).toEqual([
      'MEMORY_CONSTRAINT_VIOLATION_ORDER',
    ]);
    expect(limits(ref)).toEqual([512 * MiB, 2 * GiB, 4 * GiB, 4 * GiB]);
    expect(hostFreeMemory(sim.db, host)).toBe(before - 1 * GiB);
  });
});
