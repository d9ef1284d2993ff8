import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../xapi/dispatch';
import { call, callError, flushMicrotasks, login } from '../xapi/testing';
import type { EventBatchResult } from './events';
import { EVENT_BATCH_DELAY_MS } from './events';
import { createSimulator } from './scenarios/index';
import type { Simulator } from './simulator';

let sim: Simulator;
let session: string;
let vm: string;

beforeEach(async () => {
  sim = createSimulator({ scenario: 'demo' });
  session = await login(sim);
  [vm] = await call<string[]>(sim, 'VM.get_by_name_label', session, 'web-01');
});

/** Starts an event.from long poll and reports whether it has answered yet. */
function poll(classes: string[], token: string, timeout: number) {
  const state: { batch?: EventBatchResult; error?: unknown } = {};
  dispatch(sim, 'event.from', [session, classes, token, timeout]).then(
    (r) => {
      state.batch = r.value as EventBatchResult;
    },
    (e) => {
      state.error = e;
    },
  );
  return state;
}

async function tokenNow(classes: string[] = ['*']): Promise<string> {
  return (await call<EventBatchResult>(sim, 'event.from', session, classes, '', 0)).token;
}

describe('event.from', () => {
  it('returns every object as add for the empty token, with counts for every table', async () => {
    const batch = await call<EventBatchResult>(sim, 'event.from', session, ['vm'], '', 30);
    const vms = sim.db.count('VM');
    expect(batch.events).toHaveLength(vms);
    expect(batch.events.every((e) => e.operation === 'add' && e.class === 'vm' && e.snapshot)).toBe(true);
    expect(batch.valid_ref_counts.vm).toBe(vms);
    expect(batch.valid_ref_counts.host).toBe(3);
    expect(Object.keys(batch.valid_ref_counts)).toContain('vm_guest_metrics');
    expect(batch.token).toMatch(/^\d{20},\d{20}$/);
  });

  it('blocks until a matching change, then waits the batching delay', async () => {
    const token = await tokenNow();
    const pending = poll(['VM'], token, 30);
    await flushMicrotasks();
    sim.clock.advance(5_000);
    await flushMicrotasks();
    expect(pending.batch).toBeUndefined();
    await call(sim, 'VM.set_name_label', session, vm, 'web-01a');
    await call(sim, 'VM.set_name_description', session, vm, 'renamed');
    sim.clock.advance(EVENT_BATCH_DELAY_MS - 1);
    await flushMicrotasks();
    expect(pending.batch).toBeUndefined();
    sim.clock.advance(1);
    await flushMicrotasks();
    expect(pending.batch?.events).toHaveLength(1);
    const [event] = pending.batch!.events;
    expect(event).toMatchObject({ class: 'vm', operation: 'mod', ref: vm, timestamp: '0.0' });
    expect(event.snapshot?.record).toMatchObject({ name_label: 'web-01a', name_description: 'renamed' });
  });

  it('returns an empty batch with a fresh token at the timeout', async () => {
    const token = await tokenNow();
    const pending = poll(['vm'], token, 2);
    await flushMicrotasks();
    sim.clock.advance(2_000);
    await flushMicrotasks();
    expect(pending.batch?.events).toEqual([]);
    expect(pending.batch?.token).toBe(token);
  });

  it('ignores changes to other classes and objects', async () => {
    const token = await tokenNow();
    const [other] = await call<string[]>(sim, 'VM.get_by_name_label', session, 'web-02');
    const pending = poll([`vm/${vm}`], token, 10);
    await call(sim, 'VM.set_name_label', session, other, 'elsewhere');
    const [host] = await call<string[]>(sim, 'host.get_all', session);
    await call(sim, 'host.set_name_description', session, host, 'x');
    sim.clock.advance(5_000);
    await flushMicrotasks();
    expect(pending.batch).toBeUndefined();
    await call(sim, 'VM.add_tags', session, vm, 'watched');
    sim.clock.advance(EVENT_BATCH_DELAY_MS);
    await flushMicrotasks();
    expect(pending.batch?.events.map((e) => e.ref)).toEqual([vm]);
  });

  it('collapses add+mod into add and add+del into nothing; del for objects that existed', async () => {
    const token = await tokenNow();
    const kept = await call<string>(sim, 'network.create', session, {
      name_label: 'a',
      name_description: '',
      MTU: 1500,
      other_config: {},
    });
    await call(sim, 'network.set_name_label', session, kept, 'a2');
    const gone = await call<string>(sim, 'network.create', session, {
      name_label: 'b',
      name_description: '',
      MTU: 1500,
      other_config: {},
    });
    await call(sim, 'network.destroy', session, gone);
    const existing = await call<string>(sim, 'network.create', session, {
      name_label: 'c',
      name_description: '',
      MTU: 1500,
      other_config: {},
    });
    const later = (await call<EventBatchResult>(sim, 'event.from', session, ['network'], token, 1)).token;
    await call(sim, 'network.destroy', session, existing);
    const afterDelete = await call<EventBatchResult>(sim, 'event.from', session, ['network'], later, 1);
    expect(afterDelete.events).toEqual([
      { id: expect.any(String), timestamp: '0.0', class: 'network', operation: 'del', ref: existing },
    ]);
    const batch = await call<EventBatchResult>(sim, 'event.from', session, ['network'], token, 1);
    const byRef = new Map(batch.events.map((e) => [e.ref, e]));
    expect(byRef.get(kept)?.operation).toBe('add');
    expect(byRef.get(kept)?.snapshot?.record.name_label).toBe('a2');
    expect(byRef.has(gone)).toBe(false);
    expect(byRef.has(existing)).toBe(false);
  });

  it('rejects bad subscriptions and tokens with XAPI errors', async () => {
    expect(await callError(sim, 'event.from', session, ['spaceship'], '', 1)).toEqual([
      'EVENT_SUBSCRIPTION_PARSE_FAILURE',
      'spaceship',
    ]);
    expect(await callError(sim, 'event.from', session, ['vm'], 'garbage', 1)).toEqual([
      'EVENT_FROM_TOKEN_PARSE_FAILURE',
      'garbage',
    ]);
  });

  it('ends a pending poll with SESSION_INVALID when its session logs out', async () => {
    const token = await tokenNow();
    const pending = poll(['vm'], token, 60);
    await flushMicrotasks();
    await dispatch(sim, 'session.logout', [session]);
    await flushMicrotasks();
    expect(pending.error).toMatchObject({ code: 'SESSION_INVALID', params: [session] });
  });

  it('forces a mod event with event.inject', async () => {
    const token = await tokenNow();
    const injected = await call<string>(sim, 'event.inject', session, 'VM', vm);
    expect(injected > token).toBe(true);
    const batch = await call<EventBatchResult>(sim, 'event.from', session, ['vm'], token, 1);
    expect(batch.events).toEqual([expect.objectContaining({ operation: 'mod', ref: vm })]);
  });
});
