import { beforeEach, describe, expect, it } from 'vitest';
import type { Row } from '../sim/db';
import { createSimulator } from '../sim/scenarios/index';
import type { Simulator } from '../sim/simulator';
import { dispatch } from './dispatch';
import { call, callError, login, settle } from './testing';

let sim: Simulator;
let session: string;

beforeEach(async () => {
  sim = createSimulator({ scenario: 'demo' });
  session = await login(sim);
});

describe('method resolution', () => {
  it('answers an unknown method with MESSAGE_METHOD_UNKNOWN', async () => {
    expect(await callError(sim, 'VM.fly', session)).toEqual(['MESSAGE_METHOD_UNKNOWN', 'VM.fly']);
  });

  it('session-checks the first parameter of an unknown method, as xapi does', async () => {
    expect(await callError(sim, 'VM.fly', 'OpaqueRef:nope')).toEqual(['SESSION_INVALID', 'OpaqueRef:nope']);
  });

  it('accepts the class_message spelling', async () => {
    const refs = await call<string[]>(sim, 'VM_get_all', session);
    expect(refs).toEqual(await call<string[]>(sim, 'VM.get_all', session));
  });

  it('lists methods without a session, including Async variants', async () => {
    const methods = await call<string[]>(sim, 'system.listMethods');
    expect(methods).toContain('VM.start');
    expect(methods).toContain('Async.VM.start');
    expect(methods).not.toContain('Async.VM.get_record');
  });

  it('refuses Async on a message that has no async form', async () => {
    const [code] = await callError(sim, 'Async.VM.get_all', session);
    expect(code).toBe('Fault');
  });
});

describe('arity, types and sessions', () => {
  it('counts parameters without the session', async () => {
    expect(await callError(sim, 'VM.get_all')).toEqual(['MESSAGE_PARAMETER_COUNT_MISMATCH', 'VM.get_all', '0', '-1']);
    expect(await callError(sim, 'VM.get_record', session)).toEqual([
      'MESSAGE_PARAMETER_COUNT_MISMATCH',
      'VM.get_record',
      '1',
      '0',
    ]);
  });

  it('lets optional trailing parameters be omitted', async () => {
    const ref = await call<string>(sim, 'session.login_with_password', 'root', 'xenith');
    expect(ref).toMatch(/^OpaqueRef:/);
  });

  it('refuses a bad session with SESSION_INVALID', async () => {
    expect(await callError(sim, 'VM.get_all', 'OpaqueRef:NULL')).toEqual(['SESSION_INVALID', 'OpaqueRef:NULL']);
  });

  it('refuses a wrong type before looking at the session', async () => {
    const [vm] = await call<string[]>(sim, 'VM.get_all', session);
    const [code, detail] = await callError(sim, 'VM.set_VCPUs_at_startup', 'bogus', vm, true);
    expect(code).toBe('INTERNAL_ERROR');
    expect(detail).toBe(`Failure("Expected int64, got 'B(true)'")`);
  });

  it('accepts 64-bit ints as strings, as XML-RPC sends them', async () => {
    const [host] = await call<string[]>(sim, 'host.get_all', session);
    await call(sim, 'host.add_to_other_config', session, host, 'k', 'v');
    const ref = await call<string>(sim, 'network.create', session, {
      name_label: 'n',
      name_description: '',
      MTU: '9000',
      other_config: {},
    });
    expect(sim.db.get<{ MTU: number }>('network', ref).MTU).toBe(9000);
  });

  it('refuses an unknown enum value and matches known ones in any case', async () => {
    const [vm] = await call<string[]>(sim, 'VM.get_all', session);
    expect(await callError(sim, 'VM.set_actions_after_crash', session, vm, 'explode')).toEqual([
      'INTERNAL_ERROR',
      'Failure("Unknown tag/contents")',
    ]);
    await call(sim, 'VM.set_actions_after_crash', session, vm, 'DESTROY');
    expect(sim.db.get<{ actions_after_crash: string }>('VM', vm).actions_after_crash).toBe('destroy');
  });
});

describe('tasks', () => {
  it('runs an Async call as a task whose result is the XML-RPC text of the value', async () => {
    const task = (
      await dispatch(sim, 'Async.network.create', [
        session,
        { name_label: 'lab', name_description: '', MTU: 1500, other_config: {} },
      ])
    ).value as string;
    await settle(sim, Promise.resolve());
    const record = (await call<Row>(sim, 'task.get_record', session, task)).record;
    expect(record.name_label).toBe('Async.network.create');
    expect(record.status).toBe('success');
    expect(record.progress).toBe(1);
    const network = sim.db
      .refs('network')
      .find((n) => sim.db.get<{ name_label: string }>('network', n).name_label === 'lab');
    expect(record.result).toBe(`<value>${network}</value>`);
  });

  it('records a failed Async call in error_info', async () => {
    const task = (await dispatch(sim, 'Async.network.destroy', [session, 'OpaqueRef:missing'])).value as string;
    await settle(sim, Promise.resolve());
    const record = sim.db.get<{ status: string; error_info: string[] }>('task', task);
    expect(record.status).toBe('failure');
    expect(record.error_info).toEqual(['HANDLE_INVALID', 'network', 'OpaqueRef:missing']);
  });

  it('gives a synchronous call a task for its duration and destroys it after', async () => {
    const before = sim.db.count('task');
    await call(sim, 'network.create', session, { name_label: 'x', name_description: '', MTU: 1500, other_config: {} });
    expect(sim.db.count('task')).toBe(before);
  });
});
