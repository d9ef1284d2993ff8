/** The worker's side of the page's console WebSockets: open or refuse, bytes both ways, the end. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { XapiRecord } from '../../src/xapi/model/types';
import { named } from '../sim/lookup';
import { createSimulator } from '../sim/scenarios/index';
import type { Simulator } from '../sim/simulator';
import type { WorkerMessage } from '../simulator-worker-protocol';
import { call, login } from '../xapi/testing';
import { WorkerConsoles } from './worker-consoles';

let sim: Simulator;
let session: string;
let posted: WorkerMessage[];
let consoles: WorkerConsoles;

beforeEach(async () => {
  sim = createSimulator({ scenario: 'demo' });
  session = await login(sim);
  posted = [];
  consoles = new WorkerConsoles(
    () => sim,
    (message) => posted.push(message),
  );
});

function vt100Search(name: string, sessionId = session): string {
  const ref = sim.db
    .get<XapiRecord<'VM'>>('VM', named(sim, 'VM', name))
    .consoles.find((c) => sim.db.get<XapiRecord<'console'>>('console', c).protocol === 'vt100')!;
  return `?ref=${ref}&session_id=${sessionId}`;
}

const output = () =>
  posted
    .filter((m) => m.kind === 'console-output')
    .map((m) => new TextDecoder().decode((m as { data: ArrayBuffer }).data))
    .join('')
    .replace(/\r\n/g, '\n');

describe('consoles in the simulator worker', () => {
  it('opens a console, sends what it prints, and passes on what the page types', () => {
    consoles.handle({ kind: 'console-open', id: 7, scenario: 'demo', search: vt100Search('web-01') });
    expect(posted[0]).toEqual({ kind: 'console-opened', id: 7, accepted: true });
    expect(output().endsWith('web-01 login: ')).toBe(true);
    const typed = new TextEncoder().encode('root\rxenith\rhostname\r');
    consoles.handle({ kind: 'console-input', id: 7, data: typed.slice().buffer });
    expect(output()).toContain('hostname\nweb-01\n');
  });

  it('refuses as xapi would, without opening anything', () => {
    consoles.handle({ kind: 'console-open', id: 1, scenario: 'demo', search: vt100Search('web-01', 'OpaqueRef:nope') });
    expect(posted).toEqual([{ kind: 'console-opened', id: 1, accepted: false }]);
  });

  it('tells the page when the console ends, and forgets a console the page closed', async () => {
    consoles.handle({ kind: 'console-open', id: 2, scenario: 'demo', search: vt100Search('web-01') });
    consoles.handle({ kind: 'console-open', id: 3, scenario: 'demo', search: vt100Search('mail') });
    consoles.handle({ kind: 'console-close', id: 3 });
    await call(sim, 'VM.hard_shutdown', session, named(sim, 'VM', 'web-01'));
    await call(sim, 'VM.hard_shutdown', session, named(sim, 'VM', 'mail'));
    expect(posted.filter((m) => m.kind === 'console-ended')).toEqual([{ kind: 'console-ended', id: 2 }]);
  });
});
