/**
 * Opening a VM's console as xapi's console handler (console.ml) does, free of any
 * transport: MSW's WebSocket interception (mocks/handlers.ts) and the node server
 * (mocks/server.ts, for both CONNECT and WebSocket) call `openConsole` and move bytes.
 *
 * The checks run in xapi's order: the session (query or cookie) or 401; the console, by
 * `ref` (a console, or a VM for its rfb console) or `uuid` (a VM's first, then a
 * console's), or 500; the VM Running, or 500; then the pool's limit_console_sessions, or
 * 503. The simulator serves every host at one address, so "running on this host" is
 * "running".
 */
import type { XapiRecord } from '../../src/xapi/model/types';
import { guestTerminal } from '../sim/guest/guest-consoles';
import type { Simulator } from '../sim/simulator';
import { guestDisplay } from './guest-display';
import {
  connectionLimitExceeded,
  type HttpRefusal,
  internalError,
  serviceUnavailable,
  unauthorised,
} from './http-refusals';
import { RfbServer } from './rfb-server';

export type ConsoleRoute = 'connect' | 'websocket';

export interface ConsoleRequest {
  /** XAPI's CONNECT /console, or a browser's GET /console with a WebSocket upgrade. */
  route: ConsoleRoute;
  query: URLSearchParams;
  /** The Cookie header: xapi looks for session_id there before the query. */
  cookie?: string | null;
  /** The request's HTTP version, which most refusals answer in. */
  httpVersion?: string;
}

export interface ConsoleSession {
  readonly protocol: 'rfb' | 'vt100';
  readonly vm: string;
  /** Bytes from the client. */
  receive(bytes: Uint8Array): void;
  /** Where the console's bytes go; anything it said before the listener came is delivered at once. */
  onSend(listener: (bytes: Uint8Array) => void): void;
  /** The console closed on its own: the domain stopped, rebooted or moved. */
  onClose(listener: () => void): void;
  /** The client has gone. */
  close(): void;
}

/** Refused with xapi's HTTP answer, or admitted: `accept` opens the console once the transport is ready. */
export type ConsoleOpening = { refusal: HttpRefusal } | { accept: () => ConsoleSession };

/** The realm xapi's 401 names: the HTTP action of the route. */
const REALM: Record<ConsoleRoute, string> = { connect: 'connect_console', websocket: 'connect_console_ws' };

/** Console.Failure, the exception console.ml raises for every console it will not open. */
const CONSOLE_FAILURE = 'Console.Failure';

/** Who holds each VM's CONNECT consoles, for limit_console_sessions. */
const connected = new WeakMap<Simulator, Map<string, string[]>>();

function cookieSession(cookie: string | null | undefined): string | undefined {
  for (const part of (cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'session_id') return value.join('=');
  }
  return undefined;
}

/** console_of_request: the console a ref or uuid names, or the exception xapi would raise. */
function findConsole(sim: Simulator, query: URLSearchParams): string | { exception: string } {
  const uuid = query.get('uuid');
  const ref =
    uuid !== null
      ? (sim.db.refByUuid('VM', uuid) ??
        sim.db.refByUuid('console', uuid) ?? { exception: `Db_exn.Read_missing_uuid("console", "", "${uuid}")` })
      : query.get('ref');
  if (ref === null) return { exception: CONSOLE_FAILURE };
  if (typeof ref !== 'string') return ref;
  if (sim.db.has('console', ref)) return ref;
  if (!sim.db.has('VM', ref)) return { exception: CONSOLE_FAILURE };
  // A VM stands for its graphical console.
  const rfb = sim.db
    .get<XapiRecord<'VM'>>('VM', ref)
    .consoles.find((c) => sim.db.get<XapiRecord<'console'>>('console', c).protocol === 'rfb');
  return rfb ?? { exception: CONSOLE_FAILURE };
}

export function openConsole(sim: Simulator, request: ConsoleRequest): ConsoleOpening {
  const version = request.httpVersion === '1.0' ? '1.0' : '1.1';
  const session = cookieSession(request.cookie) ?? request.query.get('session_id') ?? '';
  if (!sim.db.has('session', session)) return { refusal: unauthorised(REALM[request.route], version) };
  const found = findConsole(sim, request.query);
  if (typeof found !== 'string') return { refusal: internalError(found.exception, version) };
  const record = sim.db.get<XapiRecord<'console'>>('console', found);
  if (sim.db.get<XapiRecord<'VM'>>('VM', record.VM).power_state !== 'Running') {
    return { refusal: internalError(CONSOLE_FAILURE, version) };
  }
  const limited = sim.db.get<XapiRecord<'pool'>>('pool', sim.pool()).limit_console_sessions;
  if (limited && request.route === 'websocket') return { refusal: serviceUnavailable() };
  const holders = connected.get(sim) ?? new Map<string, string[]>();
  connected.set(sim, holders);
  const users = holders.get(record.VM) ?? [];
  if (limited && users.length > 0) return { refusal: connectionLimitExceeded(record.VM, users, version) };
  const user = sim.db.get<XapiRecord<'session'>>('session', session).auth_user_name;
  const protocol = record.protocol === 'vt100' ? 'vt100' : 'rfb';
  return {
    accept: () => {
      // Only CONNECT consoles count: xapi's WebSocket path hands the socket on without tracking it.
      if (request.route !== 'connect') return new Session(sim, found, protocol, record.VM, () => {});
      holders.set(record.VM, [...(holders.get(record.VM) ?? []), user]);
      return new Session(sim, found, protocol, record.VM, () => {
        const now = holders.get(record.VM) ?? [];
        const at = now.indexOf(user);
        if (at >= 0) now.splice(at, 1);
        if (now.length === 0) holders.delete(record.VM);
      });
    },
  };
}

/** One client on one console: bytes to and from the guest's terminal or its RFB screen. */
class Session implements ConsoleSession {
  private readonly queued: Uint8Array[] = [];
  private sendListener: ((bytes: Uint8Array) => void) | undefined;
  private readonly closeListeners: (() => void)[] = [];
  private readonly cleanups: (() => void)[] = [];
  private closed = false;
  private readonly input: (bytes: Uint8Array) => void;

  constructor(
    sim: Simulator,
    console: string,
    readonly protocol: 'rfb' | 'vt100',
    readonly vm: string,
    release: () => void,
  ) {
    this.cleanups.push(release);
    // The console's process ends when the record goes (shutdown, suspend, migration).
    this.cleanups.push(
      sim.db.onChange((change) => {
        if (change.cls === 'console' && change.ref === console && !sim.db.has('console', console)) this.end();
      }),
    );
    this.input = protocol === 'vt100' ? this.attachTerminal(sim) : this.attachScreen(sim);
  }

  private attachTerminal(sim: Simulator): (bytes: Uint8Array) => void {
    const terminal = guestTerminal(sim, this.vm)!;
    const encoder = new TextEncoder();
    const decoder = new TextDecoder();
    // A viewer joining a console sees what it printed lately, as a real console's screen would show.
    const recent = terminal.recentOutput();
    if (recent) this.send(encoder.encode(recent));
    this.cleanups.push(
      terminal.onOutput((text) => this.send(encoder.encode(text))),
      terminal.onEnd(() => this.end()),
    );
    return (bytes) => terminal.input(decoder.decode(bytes, { stream: true }));
  }

  private attachScreen(sim: Simulator): (bytes: Uint8Array) => void {
    const display = guestDisplay(sim, this.vm)!;
    const server = new RfbServer(display, { send: (bytes) => this.send(bytes), close: () => this.end() });
    this.cleanups.push(() => server.dispose());
    server.start();
    return (bytes) => server.receive(bytes);
  }

  private send(bytes: Uint8Array): void {
    if (this.closed) return;
    if (this.sendListener) this.sendListener(bytes);
    else this.queued.push(bytes);
  }

  receive(bytes: Uint8Array): void {
    if (!this.closed) this.input(bytes);
  }

  onSend(listener: (bytes: Uint8Array) => void): void {
    this.sendListener = listener;
    for (const bytes of this.queued.splice(0)) listener(bytes);
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  /** The console side ended: the client is told, then everything is let go. */
  private end(): void {
    if (this.closed) return;
    this.close();
    for (const listener of this.closeListeners.splice(0)) listener();
  }
}
