import { describe, expect, it } from 'vitest';
import { MasterLoginError, XapiConnection } from './connection';
import type { Ref } from './model/types';
import type { JsonRpcTransport } from './transport';
import { XapiError } from './xapi-error';

type Answer = (method: string, params: unknown[]) => unknown;

/** A transport that answers from a function and records what it was asked. */
function fakeTransport(baseUrl: string, answer: Answer) {
  const calls: [string, unknown[]][] = [];
  const callRaw = async (method: string, params: unknown[]) => {
    calls.push([method, params]);
    return answer(method, params);
  };
  const transport = { baseUrl, calls, callRaw, call: callRaw } as unknown as JsonRpcTransport & {
    calls: typeof calls;
  };
  return transport;
}

const credentials = { user: 'root', password: 'secret' };
const fail = (code: string, ...params: string[]) => {
  throw new XapiError(code, params);
};

describe('XapiConnection login', () => {
  it('follows HOST_IS_SLAVE to the master and remembers where it went', async () => {
    const member = fakeTransport('/pool/member', () => fail('HOST_IS_SLAVE', '10.0.0.1'));
    const master = fakeTransport('/pool/10.0.0.1', () => 'OpaqueRef:session');
    const connection = new XapiConnection(member, credentials, () => master);
    await expect(connection.login()).resolves.toBe('OpaqueRef:session');
    expect(connection.redirectedTo).toBe('10.0.0.1');
    expect(connection.baseUrl).toBe('/pool/10.0.0.1');
  });

  it('says when the master it was sent to refuses too, and why', async () => {
    const member = fakeTransport('/pool/member', () => fail('HOST_IS_SLAVE', '10.0.0.1'));
    const master = fakeTransport('/pool/10.0.0.1', () => fail('SESSION_AUTHENTICATION_FAILED', 'root'));
    const error = await new XapiConnection(member, credentials, () => master).login().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MasterLoginError);
    expect(error).toMatchObject({ master: '10.0.0.1', cause: { code: 'SESSION_AUTHENTICATION_FAILED' } });
  });

  it('cannot log in without credentials: a resumed session that ended needs a person', async () => {
    const transport = fakeTransport('/pool/p', () => fail('SESSION_INVALID', 'OpaqueRef:old'));
    const connection = new XapiConnection(transport, undefined, undefined, 'OpaqueRef:old');
    await expect(connection.call('pool.get_all')).rejects.toMatchObject({ code: 'SESSION_INVALID' });
    expect(transport.calls.map(([method]) => method)).toEqual(['pool.get_all']);
  });
});

describe('XapiConnection sessions', () => {
  it('checks a kept session with session.get_this_host, and drops one that has ended', async () => {
    const alive = fakeTransport('/pool/p', () => 'OpaqueRef:host');
    const kept = new XapiConnection(alive, undefined, undefined, 'OpaqueRef:kept');
    await expect(kept.hasLiveSession()).resolves.toBe(true);
    expect(alive.calls).toEqual([['session.get_this_host', ['OpaqueRef:kept', 'OpaqueRef:kept']]]);

    const ended = new XapiConnection(
      fakeTransport('/pool/p', () => fail('SESSION_INVALID', 'OpaqueRef:kept')),
      undefined,
      undefined,
      'OpaqueRef:kept',
    );
    await expect(ended.hasLiveSession()).resolves.toBe(false);
    expect(ended.session).toBeUndefined();
  });

  it('starts the Async form of a call and returns its task', async () => {
    const transport = fakeTransport('/sim/demo', (method) => (method === 'Async.VM.start' ? 'OpaqueRef:task' : 'x'));
    const connection = new XapiConnection(transport, credentials, undefined, 'OpaqueRef:s');
    await expect(connection.callAsync('VM.start', 'OpaqueRef:vm' as Ref<'VM'>, false, false)).resolves.toBe(
      'OpaqueRef:task',
    );
    expect(transport.calls).toEqual([['Async.VM.start', ['OpaqueRef:s', 'OpaqueRef:vm', false, false]]]);
  });
});
