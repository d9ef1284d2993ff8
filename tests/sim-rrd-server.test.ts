/**
 * `npm run sim` serves GET /rrd_updates over real HTTP, as the MSW handlers do, and
 * nothing else by GET.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimProcess, startSim } from '../scripts/sim-process';

let sim: SimProcess;

beforeAll(async () => {
  sim = await startSim(['--scenario', 'demo']);
});

afterAll(async () => {
  await sim?.stop();
});

async function login(): Promise<string> {
  const response = await fetch(`${sim.url}/jsonrpc`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'session.login_with_password', params: ['root', 'xenith'], id: 1 }),
  });
  return ((await response.json()) as { result: string }).result;
}

describe('npm run sim: GET /rrd_updates', () => {
  it('answers performance data with the headers xapi sends, as JSON or XML', async () => {
    const session = await login();
    const json = await fetch(`${sim.url}/rrd_updates?session_id=${session}&start=-60&host=true&json=true`);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toBe('application/json');
    expect(json.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await json.json()) as { meta: { step: string; legend: string[] }; data: { t: string }[] };
    expect(body.meta.step).toBe('5');
    expect(body.meta.legend.some((entry) => /^AVERAGE:host:[0-9a-f-]{36}:cpu_avg$/.test(entry))).toBe(true);
    expect(body.data.length).toBeGreaterThan(0);
    const xml = await fetch(`${sim.url}/rrd_updates?session_id=${session}&start=-60`, {
      headers: { Accept: 'text/xml' },
    });
    expect(xml.headers.get('content-type')).toBe('text/xml');
    expect(await xml.text()).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<xport>/);
  });

  it("refuses a bad session with xapi's 401 and answers 404 to other GETs", async () => {
    const refused = await fetch(`${sim.url}/rrd_updates?session_id=OpaqueRef:nope&start=-60`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Basic realm="rrd_updates"');
    expect((await fetch(`${sim.url}/host_rrd`)).status).toBe(404);
  });
});
