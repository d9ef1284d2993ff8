/**
 * `npm run serve`: the proxy to real pools and the server of the built app. `npm run
 * sim` stands in for a pool; small in-process servers play what the simulator cannot
 * (a pool member that names its master, a pool with a self-signed certificate).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RfbTestClient } from '../mocks/console/testing';
import { type ServerProcess, startServerProcess } from '../scripts/server-process';
import { startSim } from '../scripts/sim-process';
import { createApp } from '../server/app';
import { handleConsoleUpgrade } from '../server/console-proxy';
import { masterOf } from '../server/master-redirect';
import { PoolRegistry } from '../server/pools';
import { createAgents } from '../server/proxy';
import { NOT_BUILT, serveStatic } from '../server/static';
import { XapiConnection } from '../src/xapi/connection';
import { JsonRpcTransport, TransportError } from '../src/xapi/transport';
import { openTextSocket, upgradeRaw } from './console-client';

const ROOT_LOGIN = { user: 'root', password: 'xenith' };

async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((done) => server.close(() => done()));
}

/** A JSON-RPC server that answers every call with `reply`'s envelope fields. */
function fakePool(reply: Record<string, unknown>, calls: string[] = []): RequestListener {
  return (req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      const { method, id } = JSON.parse(body) as { method: string; id: number };
      calls.push(method);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ jsonrpc: '2.0', ...reply, id }));
    });
  };
}

/** Where the browser posts JSON-RPC for a pool address (src/store/connections.ts). */
const poolBase = (proxy: string, address: string) => `${proxy}/pool/${encodeURIComponent(address)}`;

function post(url: string, body: string, contentType = 'application/json'): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'Content-Type': contentType }, body });
}

describe('pool addresses', () => {
  it('takes host, host:port or a URL, https by default', () => {
    const registry = new PoolRegistry(['xen1', 'https://xen2:8443', 'http://127.0.0.1:8080']);
    expect(registry.pools.map((pool) => pool.origin)).toEqual([
      'https://xen1',
      'https://xen2:8443',
      'http://127.0.0.1:8080',
    ]);
  });

  it('refuses other schemes, paths, credentials and documentation addresses', () => {
    for (const pool of [
      'ftp://xen1',
      'https://xen1/jsonrpc',
      'https://root:pw@xen1',
      '192.0.2.10',
      'http://192.0.2.1:80',
    ]) {
      expect(() => new PoolRegistry([pool]), pool).toThrow(pool);
    }
  });

  it('finds a pool under every form of its address, and nothing else', () => {
    const registry = new PoolRegistry(['xen1', 'http://127.0.0.1:8080']);
    for (const address of ['xen1', 'XEN1', 'xen1:443', 'https://xen1']) {
      expect(registry.upstreamFor(address)?.origin, address).toBe('https://xen1');
    }
    expect(registry.upstreamFor('127.0.0.1:8080')?.origin).toBe('http://127.0.0.1:8080');
    for (const address of ['xen1:80', 'http://xen1', 'xen2', '127.0.0.1:9090', 'me@xen1', 'xen1/../evil', '']) {
      expect(registry.upstreamFor(address), address).toBeUndefined();
    }
  });

  it('learns a master with the scheme and port of the host that named it, never a display address', () => {
    const registry = new PoolRegistry(['xen1', 'http://127.0.0.1:8080']);
    const [xen1, local] = registry.pools;
    expect(registry.learnMaster('10.0.0.2', xen1)?.origin).toBe('https://10.0.0.2');
    expect(registry.learnMaster('fd00::2', local)?.origin).toBe('http://[fd00::2]:8080');
    expect(registry.learnMaster('127.0.0.1:9090', local)?.origin).toBe('http://127.0.0.1:9090');
    expect(registry.upstreamFor('fd00::2')?.origin).toBe('http://[fd00::2]:8080');
    for (const master of ['192.0.2.10', 'evil/path', 'me@evil', 'http://evil', '']) {
      expect(registry.learnMaster(master, xen1), master).toBeUndefined();
    }
    expect(registry.upstreamFor('192.0.2.10')).toBeUndefined();
  });

  it('reads the master only from a JSON-RPC HOST_IS_SLAVE failure', () => {
    const failure = (message: string) =>
      JSON.stringify({ jsonrpc: '2.0', error: { code: 1, message, data: ['10.0.0.2'] } });
    expect(masterOf(failure('HOST_IS_SLAVE'))).toBe('10.0.0.2');
    expect(masterOf(failure('SESSION_AUTHENTICATION_FAILED'))).toBeUndefined();
    expect(masterOf(JSON.stringify({ jsonrpc: '2.0', result: 'HOST_IS_SLAVE', id: 1 }))).toBeUndefined();
    expect(masterOf('<html>HOST_IS_SLAVE</html>')).toBeUndefined();
  });
});

describe('static files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xenith-static-'));
  const root = join(dir, 'dist');
  let origin: string;
  let server: Server;

  beforeAll(async () => {
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Xenith</title>');
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'export {};');
    writeFileSync(join(root, 'mockServiceWorker.js'), '// worker');
    writeFileSync(join(dir, 'secret.txt'), 'outside dist');
    server = createHttpServer((req, res) => void serveStatic(req, res, root));
    origin = `http://${await listen(server)}`;
  });

  afterAll(async () => {
    await close(server);
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html for / and for any other path that is not a file, revalidated', async () => {
    for (const path of ['/', '/vm/OpaqueRef:1234?tab=general', `/..%2F${basename(dir)}%2Fsecret.txt`]) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<title>Xenith</title>');
    }
  });

  it('caches hashed assets for good, revalidates other files, and 404s a missing asset', async () => {
    const asset = await fetch(`${origin}/assets/index-abc123.js`);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('export {};');
    const worker = await fetch(`${origin}/mockServiceWorker.js`);
    expect(worker.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${origin}/assets/index-old999.js`)).status).toBe(404);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await fetch(`${origin}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String('<!doctype html><title>Xenith</title>'.length));
    const posted = await post(`${origin}/`, '{}');
    expect(posted.status).toBe(405);
    expect(posted.headers.get('allow')).toBe('GET, HEAD');
  });

  it('says to build the app when there is no index.html', async () => {
    rmSync(join(root, 'index.html'));
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toBe(NOT_BUILT);
  });
});

describe('npm run serve against npm run sim', () => {
  let sim: ServerProcess;
  let proxy: ServerProcess;
  let simAddress: string;
  let memberAddress: string;
  let masterAddress: string;
  let deadAddress: string;
  const masterCalls: string[] = [];
  const master = createHttpServer(fakePool({ result: 'OpaqueRef:master-session' }, masterCalls));
  const member = createHttpServer();

  beforeAll(async () => {
    [sim, masterAddress] = await Promise.all([startSim(['--scenario', 'demo']), listen(master)]);
    simAddress = new URL(sim.url).host;
    // A pool member answers every login with the address of its master.
    member.on('request', fakePool({ error: { code: 1, message: 'HOST_IS_SLAVE', data: [masterAddress] } }));
    memberAddress = await listen(member);
    // A port that was free a moment ago: nothing listens there.
    const dead = createHttpServer();
    deadAddress = await listen(dead);
    await close(dead);
    const pools = [sim.url, `http://${memberAddress}`, `http://${deadAddress}`].flatMap((pool) => ['--pool', pool]);
    proxy = await startServerProcess(
      'server/serve.ts',
      ['--port', '0', ...pools],
      /Xenith listening on (http:\/\/127\.0\.0\.1:\d+)/,
    );
  });

  afterAll(async () => {
    await Promise.all([proxy?.stop(), sim?.stop(), close(master), close(member)]);
  });

  it('names each pool it proxies and the address to connect to', () => {
    expect(proxy.output()).toContain(`proxying pool ${sim.url} (connect to address ${simAddress})`);
  });

  it('logs in and lists the same VMs as the simulator itself, through /pool/<address>/jsonrpc', async () => {
    const names = async (base: string) => {
      const connection = new XapiConnection(new JsonRpcTransport(base), ROOT_LOGIN);
      const vms = Object.values(await connection.call('VM.get_all_records'));
      return vms.filter((vm) => !vm.is_a_template && !vm.is_control_domain).map((vm) => vm.name_label);
    };
    const proxied = await names(poolBase(proxy.url, simAddress));
    expect(proxied).toContain('web-01');
    expect(proxied).toEqual(await names(sim.url));
  });

  it('passes XML-RPC on /pool/<address>/ through', async () => {
    const call = '<?xml version="1.0"?><methodCall><methodName>system.listMethods</methodName><params/></methodCall>';
    const response = await post(`${poolBase(proxy.url, simAddress)}/`, call, 'text/xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/xml');
    expect(await response.text()).toContain('<value>VM.start</value>');
  });

  it('refuses with 403 any address not given with --pool, without connecting to it', async () => {
    for (const address of ['example.com', '192.0.2.10', masterAddress]) {
      const response = await post(`${poolBase(proxy.url, address)}/jsonrpc`, '{}');
      expect(response.status, address).toBe(403);
      expect(await response.text()).toContain('is not a pool this proxy serves');
    }
    expect(masterCalls).toEqual([]);
  });

  it('answers 502 for a configured pool that cannot be reached', async () => {
    const response = await post(`${poolBase(proxy.url, deadAddress)}/jsonrpc`, '{}');
    expect(response.status).toBe(502);
    expect(await response.text()).toContain('ECONNREFUSED');
    const login = new XapiConnection(new JsonRpcTransport(poolBase(proxy.url, deadAddress)), ROOT_LOGIN).login();
    await expect(login).rejects.toEqual(new TransportError('HTTP 502 Bad Gateway', 502));
  });

  it('lets the client follow HOST_IS_SLAVE to the master the member named', async () => {
    const connection = new XapiConnection(
      new JsonRpcTransport(poolBase(proxy.url, memberAddress)),
      ROOT_LOGIN,
      (address) => new JsonRpcTransport(poolBase(proxy.url, address)),
    );
    expect(await connection.login()).toBe('OpaqueRef:master-session');
    expect(connection.baseUrl).toBe(poolBase(proxy.url, masterAddress));
    expect(masterCalls).toEqual(['session.login_with_password']);
  });

  describe('consoles', () => {
    /** The browser's console URL: the pool base, then the path and query of the console's location. */
    async function consoleUrl(vmName: string, protocol: string, sessionId?: string): Promise<string> {
      const connection = new XapiConnection(new JsonRpcTransport(poolBase(proxy.url, simAddress)), ROOT_LOGIN);
      const session = await connection.login();
      const [vm] = await connection.call('VM.get_by_name_label', vmName);
      const consoles = await Promise.all(
        (await connection.call('VM.get_consoles', vm)).map((ref) => connection.call('console.get_record', ref)),
      );
      const { location } = consoles.find((c) => c.protocol === protocol)!;
      const url = new URL(`${poolBase(proxy.url, simAddress)}${location}`);
      url.protocol = 'ws:';
      url.searchParams.set('session_id', sessionId ?? session);
      return url.href;
    }

    it("bridges a WebSocket at /pool/<address>/console to the host's CONNECT /console, both ways", async () => {
      const ws = openTextSocket(await consoleUrl('db-replica', 'vt100'));
      expect(await ws.opened).toBe(true);
      expect(ws.socket.protocol).toBe('binary');
      await ws.until((t) => t.endsWith('db-replica login: '));
      ws.socket.send('root\rxenith\rnproc\r');
      expect(await ws.until((t) => t.endsWith('nproc\n8\n[root@db-replica ~]# '))).toContain('Rocky Linux 9.5');
      ws.socket.close();
    });

    it('carries RFB through the bridge: the handshake, and the screen', async () => {
      const ws = new WebSocket(await consoleUrl('win-dc01', 'rfb'), ['binary']);
      ws.binaryType = 'arraybuffer';
      const client = new RfbTestClient((bytes) => ws.send(bytes));
      ws.addEventListener('message', (e) => client.feed(new Uint8Array(e.data as ArrayBuffer)));
      await client.handshake();
      expect([client.width, client.height, client.name]).toEqual([1024, 768, 'win-dc01']);
      client.requestUpdate(false);
      expect(await client.readUpdate()).toEqual([{ x: 0, y: 0, w: 1024, h: 768, encoding: 0 }]);
      ws.close();
    });

    it("passes the host's refusal on: xapi's 401 for a bad session reaches the client", async () => {
      const url = await consoleUrl('web-01', 'vt100', 'OpaqueRef:nope');
      expect(await openTextSocket(url).opened).toBe(false);
      const answer = await upgradeRaw(url);
      expect(answer).toMatch(/^HTTP\/1\.0 401 Unauthorised\r\n/);
      expect(answer).toContain('WWW-Authenticate: Basic realm="connect_console"');
    });

    it('refuses with 403 a console on any address not given with --pool, and 404 other paths', async () => {
      const base = proxy.url.replace('http:', 'ws:');
      expect(await upgradeRaw(`${base}/pool/example.com/console?ref=x`)).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/);
      expect(await upgradeRaw(`${base}/pool/${encodeURIComponent(simAddress)}/jsonrpc`)).toMatch(/^HTTP\/1\.1 404 /);
    });
  });

  it('exits 0 on SIGTERM while a proxied event.from long poll is open', async () => {
    const connection = new XapiConnection(new JsonRpcTransport(poolBase(proxy.url, simAddress)), ROOT_LOGIN);
    const { token } = await connection.call('event.from', ['pool_patch'], '', 60);
    // Nothing changes pool_patch objects: this poll would wait a minute.
    const poll = connection.call('event.from', ['pool_patch'], token, 60).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await proxy.stop('SIGTERM')).toBe(0);
    expect(await poll).toBeInstanceOf(TransportError);
  });
});

describe('a console on a pool member', () => {
  const connects: string[] = [];
  const asked: string[] = [];
  /** Sockets that left HTTP (CONNECT, upgrades): closing a server does not close them. */
  const streams: Duplex[] = [];
  let master: Server;
  let member: Server;
  let proxy: Server;
  let masterAddress: string;
  let proxyOrigin: string;

  beforeAll(async () => {
    // The master vouches for one member, 127.0.0.2, which serves consoles on the master's port.
    master = createHttpServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      req.on('end', () => {
        const { params, id } = JSON.parse(body) as { params: string[]; id: number };
        asked.push(params[1]);
        const member = params[1] === 'field "address" = "127.0.0.2"';
        const result = member ? { 'OpaqueRef:h2': { address: '127.0.0.2' } } : {};
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ jsonrpc: '2.0', result, id }));
      });
    });
    masterAddress = await listen(master);
    member = createHttpServer();
    member.on('connect', (req, socket) => {
      streams.push(socket);
      connects.push(req.url ?? '');
      socket.write('HTTP/1.1 200 OK\r\n\r\nRFB 003.008\n');
      socket.on('data', (chunk: Buffer) => socket.write(chunk));
    });
    await new Promise<void>((done) => member.listen(Number(masterAddress.split(':')[1]), '127.0.0.2', done));
    const registry = new PoolRegistry([`http://${masterAddress}`]);
    const agents = createAgents(false);
    proxy = createHttpServer(createApp({ registry, agents, root: tmpdir() }));
    proxy.on('upgrade', (req, socket, head) => {
      streams.push(socket);
      handleConsoleUpgrade(req, socket, head, { registry, agents, insecure: false });
    });
    proxyOrigin = await listen(proxy);
  });

  afterAll(async () => {
    for (const stream of streams) stream.destroy();
    await Promise.all([close(proxy), close(master), close(member)]);
  });

  it("CONNECTs to the host the console's location names, once the pool vouches for it", async () => {
    const url = `ws://${proxyOrigin}/pool/127.0.0.2/console?uuid=u1&session_id=OpaqueRef:s1`;
    const ws = openTextSocket(url);
    expect(await ws.opened).toBe(true);
    expect(await ws.until((t) => t === 'RFB 003.008\n')).toBe('RFB 003.008\n');
    ws.socket.send('echo');
    await ws.until((t) => t.endsWith('echo'));
    expect(asked).toEqual(['field "address" = "127.0.0.2"']);
    expect(connects).toEqual(['/console?uuid=u1&session_id=OpaqueRef:s1']);
    ws.socket.close();
  });

  it('refuses with 403 a host no pool vouches for, without connecting to it', async () => {
    const answer = await upgradeRaw(`ws://${proxyOrigin}/pool/127.0.0.3/console?uuid=u1&session_id=OpaqueRef:s1`);
    expect(answer).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/);
    expect(connects).toEqual(['/console?uuid=u1&session_id=OpaqueRef:s1']);
  });
});

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

describe.skipIf(!hasOpenssl)('a pool with a self-signed certificate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xenith-tls-'));
  let pool: Server;
  let poolAddress: string;

  beforeAll(async () => {
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    const options = '-x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=127.0.0.1';
    const made = spawnSync('openssl', [
      'req',
      ...options.split(' '),
      ...['-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert],
    ]);
    expect(made.status, made.stderr.toString()).toBe(0);
    const tls = { key: readFileSync(key), cert: readFileSync(cert) };
    pool = createHttpsServer(tls, fakePool({ result: 'OpaqueRef:tls-session' }));
    poolAddress = await listen(pool);
  });

  afterAll(async () => {
    await close(pool);
    rmSync(dir, { recursive: true, force: true });
  });

  /** The proxy in this process, so both settings of --insecure are cheap to try. */
  async function login(insecure: boolean): Promise<Response> {
    const app = createHttpServer(
      createApp({ registry: new PoolRegistry([`https://${poolAddress}`]), agents: createAgents(insecure), root: dir }),
    );
    const origin = `http://${await listen(app)}`;
    try {
      const body = JSON.stringify({
        jsonrpc: '2.0',
        method: 'session.login_with_password',
        params: ['root', 'x'],
        id: 1,
      });
      const response = await post(`${poolBase(origin, poolAddress)}/jsonrpc`, body);
      await response.clone().text();
      return response;
    } finally {
      await close(app);
    }
  }

  it('is refused with 502 and a hint about --insecure, in the reply and the log, by default', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const response = await login(false);
      expect(response.status).toBe(502);
      expect(await response.text()).toContain('start npm run serve with --insecure');
      expect(log).toHaveBeenCalledWith(expect.stringContaining('start npm run serve with --insecure'));
    } finally {
      log.mockRestore();
    }
  });

  it('is reached with --insecure', async () => {
    const response = await login(true);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ result: 'OpaqueRef:tls-session' });
  });
});
