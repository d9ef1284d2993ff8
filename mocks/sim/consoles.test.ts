/** Console records as xapi keeps them: made with the domain, gone with it. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { XapiRecord } from '../../src/xapi/model/types';
import { call, login, settle } from '../xapi/testing';
import { guestOf } from './domains';
import { named } from './lookup';
import { createSimulator } from './scenarios/index';
import type { Simulator } from './simulator';

let sim: Simulator;
let session: string;

beforeEach(async () => {
  sim = createSimulator({ scenario: 'demo' });
  session = await login(sim);
});

const vm = (name: string) => named(sim, 'VM', name);
const consolesOf = (ref: string) =>
  sim.db
    .get<XapiRecord<'VM'>>('VM', ref)
    .consoles.map((c) => ({ ref: c, ...sim.db.get<XapiRecord<'console'>>('console', c) }));

type Event = { class: string; operation: string; ref: string };

async function consoleEvents(token: string): Promise<Event[]> {
  const batch = await settle(sim, call<{ events: Event[] }>(sim, 'event.from', session, ['console'], token, 1));
  return batch.events.map(({ class: cls, operation, ref }) => ({ class: cls, operation, ref }));
}

describe('console records', () => {
  it('give a running Linux guest a text and a graphical console, located on the origin by uuid', () => {
    const consoles = consolesOf(vm('web-01'));
    expect(consoles.map((c) => c.protocol)).toEqual(['vt100', 'rfb']);
    for (const c of consoles) expect(c).toMatchObject({ VM: vm('web-01'), location: `/console?uuid=${c.uuid}` });
  });

  it('give a Windows guest a graphical console only, and dom0 both, named by ref', () => {
    expect(consolesOf(vm('win-dc01')).map((c) => c.protocol)).toEqual(['rfb']);
    const dom0 = sim.db.get<XapiRecord<'host'>>('host', named(sim, 'host', 'xcp-host-01')).control_domain;
    const consoles = consolesOf(dom0);
    expect(consoles.map((c) => c.protocol)).toEqual(['vt100', 'rfb']);
    for (const c of consoles) expect(c.location).toBe(`/console?ref=${c.ref}`);
  });

  it('appear when the domain starts and disappear when it stops, with add and del events', async () => {
    const ref = vm('backup-proxy');
    expect(consolesOf(ref)).toEqual([]);
    const { token } = await call<{ token: string }>(sim, 'event.from', session, ['console'], '', 0);
    await call(sim, 'VM.start', session, ref, false, false);
    const made = consolesOf(ref).map((c) => c.ref);
    expect(made).toHaveLength(2);
    const { token: afterStart } = await call<{ token: string }>(sim, 'event.from', session, ['console'], token, 0);
    expect(await consoleEvents(token)).toEqual(made.map((c) => ({ class: 'console', operation: 'add', ref: c })));
    // Once the guest's agent is up, it can be asked to shut down.
    sim.clock.advance(guestOf(sim, ref).bootMs);
    await call(sim, 'VM.clean_shutdown', session, ref);
    expect(consolesOf(ref)).toEqual([]);
    expect(await consoleEvents(afterStart)).toEqual(made.map((c) => ({ class: 'console', operation: 'del', ref: c })));
  });

  it('survive a reboot, go with a suspend, and are replaced by a migration to another host', async () => {
    const ref = vm('web-01');
    const before = consolesOf(ref).map((c) => c.ref);
    await call(sim, 'VM.clean_reboot', session, ref);
    expect(consolesOf(ref).map((c) => c.ref)).toEqual(before);
    await call(sim, 'VM.pool_migrate', session, ref, named(sim, 'host', 'xcp-host-02'), {});
    const moved = consolesOf(ref).map((c) => c.ref);
    expect(moved).toHaveLength(2);
    expect(moved.some((c) => before.includes(c))).toBe(false);
    await call(sim, 'VM.suspend', session, ref);
    expect(consolesOf(ref)).toEqual([]);
  });
});
