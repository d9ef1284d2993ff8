/**
 * `npm run serve` forwarding performance data: GET /pool/<address>/rrd_updates to
 * `npm run sim`, and to a pool member once its pool vouches for it. Small in-process
 * servers play a pool and its member on two loopback addresses.
 */
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimProcess, startSim } from '../scripts/sim-process';
import { createApp } from '../server/app';
import { PoolRegistry } from '../server/pools';
import { createAgents } from '../server/proxy';

async function listen(server: Server, host = '127.0.0.1', port = 0): Promise<number> {
  await new Promise<void>((done) => server.listen(port, host, done));
  return (server.address() as AddressInfo).port;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((done) => server.close(() => done()));
}

/** Serves the proxy in this process, for the pools given. */
async function startProxy(pools: string[]): Promise<{ url: string; server: Server }> {
  const server = createHttpServer(
    createApp({ registry: new PoolRegistry(pools), agents: createAgents(false), root: '/nonexistent' }),
  );
  return { url: `http://127.0.0.1:${await listen(server)}`, server };
}

const rrdUrl = (proxy: string, address: string, query: string) =>
  `${proxy}/pool/${encodeURIComponent(address)}/rrd_updates?${query}`;

describe('npm run serve: /rrd_updates from npm run sim', () => {
  let sim: SimProcess;
  let proxy: { url: string; server: Server };
  let session: string;
  let simAddress: string;

  beforeAll(async () => {
    sim = await startSim(['--scenario', 'demo']);
    simAddress = new URL(sim.url).host;
    proxy = await startProxy([sim.url]);
    const login = await fetch(`${sim.url}/jsonrpc`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        method: 'session.login_with_password',
        params: ['root', 'xenith'],
        id: 1,
      }),
    });
    session = ((await login.json()) as { result: string }).result;
  });

  afterAll(async () => {
    await Promise.all([sim?.stop(), proxy && close(proxy.server)]);
  });

  it('forwards the query and the Accept header, and brings the answer back', async () => {
    const json = await fetch(rrdUrl(proxy.url, simAddress, `session_id=${session}&start=-60&host=true&json`));
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toBe('application/json');
    const { meta } = (await json.json()) as { meta: { step: string; legend: string[] } };
    expect(meta.step).toBe('5');
    expect(meta.legend.some((entry) => entry.startsWith('AVERAGE:host:'))).toBe(true);
    const xml = await fetch(rrdUrl(proxy.url, simAddress, `session_id=${session}&start=-60`), {
      headers: { Accept: 'text/xml' },
    });
    expect(xml.headers.get('content-type')).toBe('text/xml');
    expect(await xml.text()).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<xport>/);
  });

  it("passes a 401 on without the pool's Basic challenge, so the browser asks for nothing", async () => {
    const response = await fetch(rrdUrl(proxy.url, simAddress, 'session_id=OpaqueRef:nope&start=-60'));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBeNull();
  });

  it('reads performance data with GET only', async () => {
    const response = await fetch(rrdUrl(proxy.url, simAddress, `session_id=${session}&start=-60`), { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });
});

describe('npm run serve: /rrd_updates from a pool member', () => {
  const GOOD_SESSION = 'OpaqueRef:good';
  const MEMBER = '127.0.0.2';
  const asked: string[] = [];
  const memberHits: string[] = [];
  let poolServer: Server;
  let memberServer: Server;
  let proxy: { url: string; server: Server };

  /** A pool master that knows one other host, at 127.0.0.2, and one session. */
  const pool: RequestListener = (req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      const { method, params, id } = JSON.parse(body) as { method: string; params: string[]; id: number };
      asked.push(`${method} ${params.join(' ')}`);
      const reply =
        params[0] !== GOOD_SESSION
          ? { error: { code: 1, message: 'SESSION_INVALID', data: [params[0]] } }
          : { result: params[1] === `field "address" = "${MEMBER}"` ? { 'OpaqueRef:h2': { address: MEMBER } } : {} };
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ jsonrpc: '2.0', ...reply, id }));
    });
  };

  beforeAll(async () => {
    poolServer = createHttpServer(pool);
    const port = await listen(poolServer);
    // Every host of a pool serves on the same port.
    memberServer = createHttpServer((req, res) => {
      memberHits.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"meta":{"step":"5"},"data":[]}');
    });
    await listen(memberServer, MEMBER, port);
    proxy = await startProxy([`http://127.0.0.1:${port}`]);
  });

  afterAll(async () => {
    await Promise.all([close(poolServer), close(memberServer), proxy && close(proxy.server)]);
  });

  it('refuses a host its pool does not vouch for, or when the session is not the pool’s', async () => {
    for (const [address, session] of [
      ['127.0.0.3', GOOD_SESSION],
      [MEMBER, 'OpaqueRef:stolen'],
      [MEMBER, ''],
    ]) {
      const response = await fetch(rrdUrl(proxy.url, address, `session_id=${session}&start=-60`));
      expect(response.status, `${address} ${session}`).toBe(403);
    }
    expect(memberHits).toEqual([]);
  });

  it('forwards to a member the pool names, on the pool’s port, with the query as given', async () => {
    const response = await fetch(rrdUrl(proxy.url, MEMBER, `session_id=${GOOD_SESSION}&start=-60&host=true`));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ meta: { step: '5' }, data: [] });
    expect(memberHits).toEqual([`/rrd_updates?session_id=${GOOD_SESSION}&start=-60&host=true`]);
    expect(asked).toContain(`host.get_all_records_where ${GOOD_SESSION} field "address" = "${MEMBER}"`);
  });
});
