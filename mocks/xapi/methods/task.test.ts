import { beforeEach, describe, expect, it } from 'vitest';
import { createSimulator } from '../../sim/scenarios/index';
import type { Simulator } from '../../sim/simulator';
import { call, callError, login } from '../testing';

let sim: Simulator;
let session: string;

beforeEach(async () => {
  sim = createSimulator({ scenario: 'demo' });
  session = await login(sim);
});

describe('task.destroy', () => {
  it('destroys a task that has ended', async () => {
    const task = await call<string>(sim, 'task.create', session, 'backup', '');
    sim.tasks.complete(task, '');
    await call(sim, 'task.destroy', session, task);
    expect(sim.db.has('task', task)).toBe(false);
  });

  it('refuses a task still running, and a task that does not exist', async () => {
    const task = await call<string>(sim, 'task.create', session, 'backup', '');
    expect(await callError(sim, 'task.destroy', session, task)).toEqual([
      'OPERATION_NOT_ALLOWED',
      'Task is still running',
    ]);
    expect(sim.db.has('task', task)).toBe(true);
    expect((await callError(sim, 'task.destroy', session, 'OpaqueRef:nope'))[0]).toBe('HANDLE_INVALID');
  });
});

describe('host.get_servertime', () => {
  it("answers the pool's virtual time in XAPI's compact UTC form", async () => {
    const [host] = sim.db.refs('host');
    sim.clock.advance(90_000);
    expect(await call(sim, 'host.get_servertime', session, host)).toBe('20260101T00:01:30Z');
    expect(await call(sim, 'host.get_server_localtime', session, host)).toBe('20260101T00:01:30Z');
  });
});
