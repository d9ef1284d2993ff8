/**
 * Consoles on `npm run sim`'s port, as real clients reach them: browsers by WebSocket,
 * XAPI clients (and `npm run serve`) by CONNECT /console. The sim runs at 20× so a
 * guest's shutdown takes a fraction of a second of real time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RfbTestClient } from '../mocks/console/testing';
import { type SimProcess, startSim } from '../scripts/sim-process';
import { connectRaw, openTextSocket } from './console-client';

let sim: SimProcess;
let session: string;

async function rpc<T>(method: string, ...params: unknown[]): Promise<T> {
  const response = await fetch(`${sim.url}/jsonrpc`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method, params, id: 1 }),
  });
  return ((await response.json()) as { result: T }).result;
}

interface Console {
  ref: string;
  protocol: string;
  location: string;
}

async function consoleOf(vmName: string, protocol: string): Promise<Console> {
  const [vm] = await rpc<string[]>('VM.get_by_name_label', session, vmName);
  const consoles = await rpc<string[]>('VM.get_consoles', session, vm);
  for (const ref of consoles) {
    const record = await rpc<Console>('console.get_record', session, ref);
    if (record.protocol === protocol) return { ...record, ref };
  }
  throw new Error(`${vmName} has no ${protocol} console`);
}

const wsUrl = (location: string, sessionId = session) =>
  `${sim.url.replace('http:', 'ws:')}${location}&session_id=${sessionId}`;

beforeAll(async () => {
  sim = await startSim(['--scenario', 'demo', '--speed', '20']);
  session = await rpc<string>('session.login_with_password', 'root', 'xenith');
});

afterAll(async () => {
  await sim?.stop();
});

describe("consoles on npm run sim's port", () => {
  it('opens a WebSocket with the "binary" subprotocol and runs the guest’s shell, whose free -m is the model’s', async () => {
    const { location } = await consoleOf('web-02', 'vt100');
    const ws = openTextSocket(wsUrl(location));
    expect(await ws.opened).toBe(true);
    expect(ws.socket.protocol).toBe('binary');
    await ws.until((t) => t.endsWith('web-02 login: '));
    ws.socket.send('root\rxenith\rfree -m\r');
    const text = await ws.until((t) => /free -m\n[\s\S]*\nroot@web-02:~# $/.test(t));
    const [vm] = await rpc<string[]>('VM.get_by_name_label', session, 'web-02');
    const metrics = await rpc<string>('VM.get_metrics', session, vm);
    const actual = await rpc<number>('VM_metrics.get_memory_actual', session, metrics);
    // free -m truncates to whole MiB; a balloon holds memory to the KiB.
    expect(Number(/^Mem:\s+(\d+)/m.exec(text)?.[1])).toBe(Math.floor(actual / 1024 / 1024));
    ws.socket.close();
  });

  it("speaks RFB after XAPI's CONNECT: the handshake, then a framebuffer update", async () => {
    const { location } = await consoleOf('win-sql01', 'rfb');
    const raw = await connectRaw(sim.url, `${location}&session_id=${session}`);
    expect(raw.head).toBe('HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nCache-Control: no-cache, no-store');
    const client = new RfbTestClient((bytes) => raw.socket.write(bytes));
    client.feed(raw.body());
    raw.socket.on('data', (chunk: Buffer) => client.feed(chunk));
    await client.handshake();
    expect([client.width, client.height, client.name]).toEqual([1024, 768, 'win-sql01']);
    client.requestUpdate(false);
    expect(await client.readUpdate()).toEqual([{ x: 0, y: 0, w: 1024, h: 768, encoding: 0 }]);
    expect(new Set(client.screen).size).toBeGreaterThan(1);
    raw.socket.destroy();
  });

  it('refuses as xapi does: 401 for a bad session, 500 for an unknown console, 501 for a GET that is no upgrade', async () => {
    const { location } = await consoleOf('web-02', 'rfb');
    const bad = await connectRaw(sim.url, `${location}&session_id=OpaqueRef:nope`);
    expect(bad.head).toMatch(/^HTTP\/1\.0 401 Unauthorised\r\n/);
    expect(bad.head).toContain('WWW-Authenticate: Basic realm="connect_console"');
    await bad.closed;
    const unknown = await fetch(`${sim.url}/console?uuid=no-such&session_id=${session}`);
    expect([unknown.status, unknown.statusText]).toEqual([500, 'Internal Error']);
    expect(await unknown.text()).toContain('Db_exn.Read_missing_uuid');
    const plain = await fetch(`${sim.url}${location}&session_id=${session}`);
    expect([plain.status, plain.statusText]).toEqual([501, 'Method Not Implemented']);
    expect(await openTextSocket(wsUrl(location, 'OpaqueRef:nope')).opened).toBe(false);
  });

  it('closes the console when the guest powers off, and the VM is halted', async () => {
    const { location } = await consoleOf('monitoring', 'vt100');
    const ws = openTextSocket(wsUrl(location));
    await ws.until((t) => t.endsWith('login: '));
    ws.socket.send('root\rxenith\rpoweroff\r');
    expect(await ws.closed).toBe(1006);
    expect(ws.text()).toContain('reboot: Power down');
    const [vm] = await rpc<string[]>('VM.get_by_name_label', session, 'monitoring');
    expect(await rpc<string>('VM.get_power_state', session, vm)).toBe('Halted');
    expect(await rpc<string[]>('VM.get_consoles', session, vm)).toEqual([]);
  });

  it("shows a host's xl list on dom0's console", async () => {
    const [host] = await rpc<string[]>('host.get_by_name_label', session, 'xcp-host-03');
    const dom0 = await rpc<string>('host.get_control_domain', session, host);
    const consoles = await rpc<string[]>('VM.get_consoles', session, dom0);
    const locations = await Promise.all(consoles.map((c) => rpc<Console>('console.get_record', session, c)));
    const { location } = locations.find((c) => c.protocol === 'vt100')!;
    const ws = openTextSocket(wsUrl(location));
    await ws.until((t) => t.endsWith('xcp-host-03 login: '));
    ws.socket.send('root\rxenith\rxl list\r');
    const text = await ws.until((t) => t.endsWith('\n[root@xcp-host-03 ~]# ') && t.includes('xl list\n'));
    expect(text).toMatch(/\nDomain-0 {33}\s+0 /);
    expect(text).toMatch(/\nwin10-kiosk {30}\s+\d+ {2}4096 {5}2 /);
    ws.socket.close();
  });
});
