/** Opening consoles as xapi's console.ml opens them, and refusing as it refuses. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { XapiRecord } from '../../src/xapi/model/types';
import { guestOf } from '../sim/domains';
import { named } from '../sim/lookup';
import { createSimulator } from '../sim/scenarios/index';
import type { Simulator } from '../sim/simulator';
import { call, login } from '../xapi/testing';
import { type ConsoleRequest, type ConsoleSession, openConsole } from './console-sessions';
import { refusalText } from './http-refusals';

let sim: Simulator;
let session: string;

beforeEach(async () => {
  sim = createSimulator({ scenario: 'demo' });
  session = await login(sim);
});

const vm = (name: string) => named(sim, 'VM', name);
const consoleOf = (name: string, protocol: string) =>
  sim.db
    .get<XapiRecord<'VM'>>('VM', vm(name))
    .consoles.map((ref) => ({ ref, ...sim.db.get<XapiRecord<'console'>>('console', ref) }))
    .find((c) => c.protocol === protocol)!;

function request(query: Record<string, string>, route: ConsoleRequest['route'] = 'websocket'): ConsoleRequest {
  return { route, query: new URLSearchParams(query) };
}

function accepted(req: ConsoleRequest): ConsoleSession {
  const opening = openConsole(sim, req);
  if ('refusal' in opening) throw new Error(refusalText(opening.refusal));
  return opening.accept();
}

function refused(req: ConsoleRequest): string {
  const opening = openConsole(sim, req);
  if (!('refusal' in opening)) throw new Error('the console opened');
  return refusalText(opening.refusal);
}

const text = (bytes: Uint8Array[]) => new TextDecoder().decode(Buffer.concat(bytes)).replace(/\r\n/g, '\n');

describe('opening a console', () => {
  it('finds a console by its location’s uuid, its ref, or its VM, with the session in the query or a cookie', () => {
    const vt = consoleOf('web-01', 'vt100');
    const uuid = new URLSearchParams(vt.location.split('?')[1]).get('uuid')!;
    expect(accepted(request({ uuid, session_id: session })).protocol).toBe('vt100');
    expect(accepted(request({ ref: vt.ref, session_id: session })).protocol).toBe('vt100');
    // A VM, by ref or uuid, stands for its graphical console.
    expect(accepted(request({ ref: vm('web-01'), session_id: session })).protocol).toBe('rfb');
    expect(
      accepted(request({ uuid: sim.db.get<XapiRecord<'VM'>>('VM', vm('web-01')).uuid, session_id: session })).protocol,
    ).toBe('rfb');
    expect(
      accepted({
        route: 'connect',
        query: new URLSearchParams({ ref: vt.ref }),
        cookie: `other=1; session_id=${session}`,
      }).protocol,
    ).toBe('vt100');
  });

  it('carries the text console both ways: what it printed lately, then the answers to what is typed', () => {
    const console = accepted(request({ ref: consoleOf('web-01', 'vt100').ref, session_id: session }));
    const sent: Uint8Array[] = [];
    console.onSend((bytes) => sent.push(bytes));
    expect(text(sent).endsWith('web-01 login: ')).toBe(true);
    sent.length = 0;
    console.receive(new TextEncoder().encode('root\rxenith\rhostname\r'));
    expect(text(sent)).toContain('root@web-01:~# hostname\nweb-01\nroot@web-01:~# ');
  });

  it('closes when the VM stops, as the console process goes with the domain', async () => {
    const ref = vm('web-01');
    const console = accepted(request({ ref: consoleOf('web-01', 'rfb').ref, session_id: session }));
    const closed: string[] = [];
    console.onClose(() => closed.push('closed'));
    await call(sim, 'VM.hard_shutdown', session, ref);
    expect(closed).toEqual(['closed']);
  });

  it('refuses a missing or bad session with 401, naming the route’s HTTP action', () => {
    const ref = consoleOf('web-01', 'rfb').ref;
    expect(refused(request({ ref }))).toMatch(/^HTTP\/1\.1 401 Unauthorised\r\n/);
    const text = refused(request({ ref, session_id: 'OpaqueRef:nope' }, 'connect'));
    expect(text).toContain('WWW-Authenticate: Basic realm="connect_console"\r\n');
    expect(
      text.endsWith('<html><body><h1>HTTP 401 unauthorised</h1>Please check your credentials and retry.</body></html>'),
    ).toBe(true);
    expect(refused(request({ ref, session_id: 'OpaqueRef:nope' }))).toContain('Basic realm="connect_console_ws"');
  });

  it('refuses an unknown console with 500 and the exception xapi raised', () => {
    expect(refused(request({ uuid: 'no-such', session_id: session }))).toContain(
      'Additional information </h1>Db_exn.Read_missing_uuid(&quot;console&quot;, &quot;&quot;, &quot;no-such&quot;)</body></html>',
    );
    for (const query of [{ ref: 'OpaqueRef:nope' }, {}, { ref: sim.pool() }] as Record<string, string>[]) {
      const text = refused(request({ ...query, session_id: session }));
      expect(text).toMatch(/^HTTP\/1\.1 500 Internal Error\r\n/);
      expect(text).toContain('</h1>Console.Failure</body></html>');
    }
  });

  it('refuses a VM that is not running: halted (no console), paused, or with its consoles gone', async () => {
    expect(refused(request({ ref: vm('backup-proxy'), session_id: session }))).toContain('Console.Failure');
    const paused = consoleOf('build-runner', 'vt100');
    expect(refused(request({ ref: paused.ref, session_id: session }))).toContain('Console.Failure');
    const web = consoleOf('web-01', 'vt100').ref;
    await call(sim, 'VM.hard_shutdown', session, vm('web-01'));
    expect(refused(request({ ref: web, session_id: session }))).toMatch(/^HTTP\/1\.1 500 /);
  });

  it('answers in HTTP/1.0 to a 1.0 request, as xapi does', () => {
    const opening = openConsole(sim, { ...request({ ref: 'OpaqueRef:nope' }, 'connect'), httpVersion: '1.0' });
    expect('refusal' in opening && refusalText(opening.refusal)).toMatch(/^HTTP\/1\.0 401 Unauthorised\r\n/);
  });

  it('keeps to one CONNECT console per VM, and no WebSocket ones, while the pool limits sessions', async () => {
    await call(sim, 'pool.set_limit_console_sessions', session, sim.pool(), true);
    const ref = consoleOf('web-01', 'rfb').ref;
    expect(refused(request({ ref, session_id: session }))).toMatch(/^HTTP\/1\.0 503 Service Unavailable\r\n/);
    const first = accepted(request({ ref, session_id: session }, 'connect'));
    const text = refused(request({ ref, session_id: session }, 'connect'));
    expect(text).toMatch(/^HTTP\/1\.1 503 Connection Limit Exceeded\r\n/);
    expect(text).toContain(`User 'root' is currently connected to this console (VM ${vm('web-01')}).`);
    first.close();
    expect(accepted(request({ ref, session_id: session }, 'connect')).protocol).toBe('rfb');
  });

  it('lets a booting guest’s console open before its login prompt', async () => {
    const ref = vm('backup-proxy');
    await call(sim, 'VM.start', session, ref, false, false);
    const console = accepted(request({ ref: consoleOf('backup-proxy', 'vt100').ref, session_id: session }));
    const sent: Uint8Array[] = [];
    console.onSend((bytes) => sent.push(bytes));
    expect(text(sent)).not.toContain('login:');
    sim.clock.advance(guestOf(sim, ref).bootMs);
    expect(text(sent).endsWith('backup-proxy login: ')).toBe(true);
  });
});
