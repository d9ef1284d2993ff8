/**
 * The handlers as a client sees them: real fetch calls through msw/node, checked
 * against the envelopes, headers and encodings real XAPI sends.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSimulator } from './node';

const pool = startTestSimulator({ scenario: 'demo' });
const url = (path: string) => new URL(path, pool.baseUrl).href;

beforeEach(() => {
  pool.reset();
});

afterAll(() => {
  pool.stop();
});

function post(path: string, body: string, contentType: string): Promise<Response> {
  return fetch(url(path), { method: 'POST', headers: { 'Content-Type': contentType }, body });
}

async function jsonRpc(method: string, params: unknown[], extra: Record<string, unknown> = { jsonrpc: '2.0' }) {
  const response = await post('/jsonrpc', JSON.stringify({ ...extra, method, params, id: 1 }), 'application/json');
  return { response, body: (await response.json()) as Record<string, unknown> };
}

async function login(): Promise<string> {
  const { body } = await jsonRpc('session.login_with_password', ['root', 'xenith']);
  return body.result as string;
}

const xmlValue = (v: string) => `<param><value>${v}</value></param>`;
const methodCall = (method: string, params: string[]) =>
  `<?xml version="1.0"?><methodCall><methodName>${method}</methodName><params>${params.map(xmlValue).join('')}</params></methodCall>`;

async function xmlRpc(method: string, params: string[], path = '/') {
  const response = await post(path, methodCall(method, params), 'text/xml');
  return { response, text: await response.text() };
}

const SUCCESS = '<member><name>Status</name><value>Success</value></member>';
const FAILURE = '<member><name>Status</name><value>Failure</value></member>';

describe('JSON-RPC at POST /jsonrpc', () => {
  it('logs in, then returns every VM record, with content type exactly application/json', async () => {
    const session = await login();
    expect(session).toMatch(/^OpaqueRef:/);
    const { response, body } = await jsonRpc('VM.get_all_records', [session]);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(Object.keys(body)).toEqual(['jsonrpc', 'result', 'id']);
    const records = body.result as Record<string, { name_label: string; memory_static_max: number }>;
    expect(Object.keys(records).sort()).toEqual(pool.sim.db.refs('VM').sort());
    const web = Object.values(records).find((vm) => vm.name_label === 'web-01');
    expect(web?.memory_static_max).toBe(4 * 1024 ** 3);
  });

  it('answers system.listMethods without a session', async () => {
    const { body } = await jsonRpc('system.listMethods', []);
    expect(body.result).toEqual(expect.arrayContaining(['VM.start', 'Async.VM.start', 'session.login_with_password']));
  });

  it('fails an unknown method with MESSAGE_METHOD_UNKNOWN in a version 2 error, without a result member', async () => {
    const session = await login();
    const { response, body } = await jsonRpc('VM.fly', [session]);
    expect(response.status).toBe(200);
    expect(body).toStrictEqual({
      jsonrpc: '2.0',
      error: { code: 1, message: 'MESSAGE_METHOD_UNKNOWN', data: ['VM.fly'] },
      id: 1,
    });
  });

  it('fails the wrong number of arguments with MESSAGE_PARAMETER_COUNT_MISMATCH', async () => {
    const session = await login();
    const { body } = await jsonRpc('VM.get_record', [session]);
    expect(body.error).toEqual({
      code: 1,
      message: 'MESSAGE_PARAMETER_COUNT_MISMATCH',
      data: ['VM.get_record', '1', '0'],
    });
  });

  it('speaks version 1 when the request has no jsonrpc member', async () => {
    const ok = await jsonRpc('session.login_with_password', ['root', 'xenith'], {});
    expect(Object.keys(ok.body)).toEqual(['result', 'error', 'id']);
    expect(ok.body.error).toBeNull();
    const bad = await jsonRpc('session.login_with_password', ['root', 'wrong'], {});
    expect(bad.body).toStrictEqual({
      result: null,
      error: ['SESSION_AUTHENTICATION_FAILED', 'root', 'Authentication failure'],
      id: 1,
    });
  });

  it.each([
    ['invalid JSON', '{"jsonrpc":"2.0","method":'],
    ['a missing id', '{"jsonrpc":"2.0","method":"system.listMethods","params":[]}'],
    ['a missing method', '{"jsonrpc":"2.0","params":[],"id":1}'],
  ])('answers %s with HTTP 500', async (_what, body) => {
    const response = await post('/jsonrpc', body, 'application/json');
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('text/html');
  });
});

describe('XML-RPC at every other POST path', () => {
  it.each(['/', '/RPC2', '/xmlrpc'])('logs in at %s and answers a Status: Success struct as text/xml', async (path) => {
    const { response, text } = await xmlRpc('session.login_with_password', ['root', '<string>xenith</string>'], path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/xml');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(text).toMatch(
      /^<\?xml version="1.0"\?><methodResponse><params><param><value><struct><member><name>Status<\/name><value>Success<\/value><\/member><member><name>Value<\/name><value>OpaqueRef:[0-9a-f-]+<\/value><\/member><\/struct><\/value><\/param><\/params><\/methodResponse>$/,
    );
  });

  it('encodes a record by field type: ints bare, doubles, booleans 0/1, datetimes, arrays and structs', async () => {
    const session = await login();
    const vm = pool.sim.db.refs('VM').find((ref) => pool.sim.db.get('VM', ref).name_label === 'web-01')!;
    const { text } = await xmlRpc('VM.get_record', [session, vm]);
    expect(text).toContain(SUCCESS);
    const member = (name: string) =>
      new RegExp(`<member><name>${name}</name>(<value>.*?</value>)</member>`).exec(text)?.[1];
    expect(member('memory_static_max')).toBe(`<value>${4 * 1024 ** 3}</value>`);
    expect(member('HVM_shadow_multiplier')).toBe('<value><double>1</double></value>');
    expect(member('is_a_template')).toBe('<value><boolean>0</boolean></value>');
    expect(member('snapshot_time')).toBe('<value><dateTime.iso8601>19700101T00:00:00Z</dateTime.iso8601></value>');
    expect(member('tags')).toBe(
      '<value><array><data><value>web</value><value>production</value></data></array></value>',
    );
    expect(text).toMatch(/<member><name>VCPUs_params<\/name><value><struct>/);
  });

  it('answers system.listMethods without a session, as the bare array', async () => {
    const { text } = await xmlRpc('system.listMethods', []);
    expect(text).toMatch(/^<\?xml version="1.0"\?><methodResponse><params><param><value><array><data>/);
    expect(text).toContain('<value>Async.VM.start</value>');
  });

  it('reports an XAPI error as Status: Failure with ErrorDescription [code, ...params]', async () => {
    const session = await login();
    const { response, text } = await xmlRpc('VM.get_record', [session, 'OpaqueRef:nope']);
    expect(response.status).toBe(200);
    expect(text).toContain(FAILURE);
    expect(text).toContain(
      '<member><name>ErrorDescription</name><value><array><data><value>HANDLE_INVALID</value><value>VM</value><value>OpaqueRef:nope</value></data></array></value></member>',
    );
  });

  it('fails an unknown method and a wrong arity as XAPI does', async () => {
    const session = await login();
    expect((await xmlRpc('VM.fly', [session])).text).toContain(
      '<data><value>MESSAGE_METHOD_UNKNOWN</value><value>VM.fly</value></data>',
    );
    expect((await xmlRpc('VM.get_all', [])).text).toContain(
      '<data><value>MESSAGE_PARAMETER_COUNT_MISMATCH</value><value>VM.get_all</value><value>0</value><value>-1</value></data>',
    );
  });

  it('accepts a session made over JSON-RPC', async () => {
    const session = await login();
    const { text } = await xmlRpc('session.get_this_host', [session, session]);
    expect(text).toContain(`<member><name>Value</name><value>${pool.sim.master()}</value></member>`);
  });

  it.each([
    ['garbage', 'garbage'],
    ['truncated XML', '<methodCall><methodName>system.listMethods</methodName>'],
    ['JSON sent to the XML-RPC path', '{"jsonrpc":"2.0","method":"system.listMethods","params":[],"id":1}'],
  ])('answers %s with HTTP 500', async (_what, body) => {
    const response = await post('/', body, 'text/xml');
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('HTTP 500 internal server error');
  });
});

describe('CORS', () => {
  it('answers a preflight with Allow-Origin * and the requested headers', async () => {
    const response = await fetch(url('/jsonrpc'), {
      method: 'OPTIONS',
      headers: { Origin: 'http://elsewhere.test', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type, X-Requested-With');
  });
});
