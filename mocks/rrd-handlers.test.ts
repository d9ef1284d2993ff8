/**
 * GET /rrd_updates as a client sees it through the MSW handlers: xapi's session check,
 * parameters, content negotiation, and its replies when something is wrong.
 */
import { getResponse } from 'msw';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from './handlers';
import { startTestSimulator } from './node';
import { named } from './sim/lookup';

const pool = startTestSimulator({ scenario: 'demo' });

beforeEach(() => {
  pool.reset();
});

afterAll(() => {
  pool.stop();
});

async function login(): Promise<string> {
  const response = await fetch(new URL('/jsonrpc', pool.baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'session.login_with_password', params: ['root', 'xenith'], id: 1 }),
  });
  return ((await response.json()) as { result: string }).result;
}

function get(query: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(new URL(`/rrd_updates?${query}`, pool.baseUrl), { headers });
}

const uuidOf = (cls: 'VM' | 'host', ref: string) => pool.sim.db.get<{ uuid: string }>(cls, ref).uuid;

describe('GET /rrd_updates', () => {
  it("answers the master's data in JSON to a client that accepts anything, with xapi's headers", async () => {
    const session = await login();
    const response = await get(`session_id=${session}&start=-60&host=true`, { Accept: '*/*' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toBe('X-Requested-With');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-store');
    const body = (await response.json()) as { meta: { step: string; legend: string[] }; data: unknown[] };
    expect(body.meta.step).toBe('5');
    expect(body.meta.legend[0]).toMatch(new RegExp(`^AVERAGE:host:${uuidOf('host', pool.sim.master())}:`));
    expect(body.data.length).toBeGreaterThan(0);
  });

  it('answers XML unless the Accept header or the json parameter asks for JSON', async () => {
    const session = await login();
    const xml = await get(`session_id=${session}&start=-10&json`, { Accept: 'text/xml' });
    expect(xml.headers.get('content-type')).toBe('text/xml');
    expect(await xml.text()).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<xport><meta>/);
    // Neither JSON nor XML in Accept: the json parameter decides.
    const other = { Accept: 'application/xml' };
    expect((await get(`session_id=${session}&start=-10`, other)).headers.get('content-type')).toBe('text/xml');
    expect((await get(`session_id=${session}&start=-10&json=true`, other)).headers.get('content-type')).toBe(
      'application/json',
    );
    const preferred = { Accept: 'text/xml;q=0.5,application/json' };
    expect((await get(`session_id=${session}&start=-10`, preferred)).headers.get('content-type')).toBe(
      'application/json',
    );
    // A weight OCaml cannot read as a float fails the handler.
    const unreadable = await get(`session_id=${session}&start=-10`, { Accept: 'text/xml;q=high' });
    expect(unreadable.status).toBe(500);
    expect(await unreadable.text()).toContain('Failure(&quot;float_of_string&quot;)');
  });

  it('takes the session from a cookie, or HTTP Basic credentials without leaving a session behind', async () => {
    const session = await login();
    expect((await get('start=-10', { Cookie: `theme=dark; session_id=${session}` })).status).toBe(200);
    const sessions = pool.sim.db.count('session');
    const basic = { Authorization: `Basic ${btoa('root:xenith')}` };
    expect((await get('start=-10', basic)).status).toBe(200);
    expect(pool.sim.db.count('session')).toBe(sessions);
  });

  it("refuses a bad or missing session with xapi's 401", async () => {
    for (const query of ['session_id=OpaqueRef:nope&start=-10', 'start=-10']) {
      const response = await get(query);
      expect(response.status, query).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Basic realm="rrd_updates"');
      expect(response.headers.get('content-type')).toBe('text/html');
      expect(await response.text()).toBe(
        '<html><body><h1>HTTP 401 unauthorised</h1>Please check your credentials and retry.</body></html>',
      );
    }
    const wrong = await get('start=-10', { Authorization: `Basic ${btoa('root:wrong')}` });
    expect(wrong.status).toBe(401);
  });

  it('answers 400 without start, and 500 when start is not an integer', async () => {
    const session = await login();
    const missing = await get(`session_id=${session}&host=true`);
    expect(missing.status).toBe(400);
    expect(await missing.text()).toBe('');
    const garbled = await get(`session_id=${session}&start=soon`);
    expect(garbled.status).toBe(500);
    expect(await garbled.text()).toContain(
      '<h1> Additional information </h1>Failure(&quot;Int64.of_string&quot;)</body></html>',
    );
  });

  it('answers 500 as rrdd does when nothing it holds matches', async () => {
    const session = await login();
    const halted = uuidOf('VM', named(pool.sim, 'VM', 'test-ubuntu'));
    const response = await get(`session_id=${session}&start=-10&vm_uuid=${halted}`);
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('<h1> Additional information </h1>Rrd.No_RRA_Available</body></html>');
  });

  it('answers for the host named by host_uuid, the simulator serving every host at one address', async () => {
    const session = await login();
    const h3 = named(pool.sim, 'host', 'xcp-host-03');
    const response = await get(`session_id=${session}&start=-10&host=true&json&host_uuid=${uuidOf('host', h3)}`);
    const { meta } = (await response.json()) as { meta: { legend: string[] } };
    const owners = new Set(meta.legend.map((entry) => entry.split(':')[2]));
    const resident = pool.sim.db.get<{ resident_VMs: string[] }>('host', h3).resident_VMs.map((vm) => uuidOf('VM', vm));
    expect([...owners].sort()).toEqual([uuidOf('host', h3), ...resident].sort());
    const unknown = await get(`session_id=${session}&start=-10&host_uuid=00000000-0000-0000-0000-000000000000`);
    expect(unknown.status).toBe(404);
  });

  it('is the only GET the handlers catch, so the page itself still loads', async () => {
    const handlers = createHandlers(() => pool.sim, { origin: pool.baseUrl });
    expect(await getResponse(handlers, new Request(new URL('/index.html', pool.baseUrl)))).toBeUndefined();
    expect(await getResponse(handlers, new Request(new URL('/rrd_updates', pool.baseUrl)))).toBeInstanceOf(Response);
  });
});
