/**
 * The console endpoint on `npm run sim`'s port: XAPI's CONNECT /console (a raw byte
 * stream after "200 OK", what xapi clients and `npm run serve` use) and GET /console with
 * a WebSocket upgrade (what browsers use). Both open the console through openConsole.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { handshakeResponse, upgradeKey, WebSocketConnection } from '../../server/websocket';
import type { Simulator } from '../sim/simulator';
import { type ConsoleRoute, type ConsoleSession, openConsole } from './console-sessions';
import { type HttpRefusal, refusalText } from './http-refusals';

export const CONSOLE_PATH = '/console';

/** http_200_ok: what xapi writes before the console's bytes on a CONNECT. */
const CONNECTED = 'HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nCache-Control: no-cache, no-store\r\n\r\n';

/** The GET reaches the handler but is no WebSocket upgrade: Ws_helpers.upgrade fails and xapi answers 501. */
const NOT_AN_UPGRADE: HttpRefusal = {
  status: 501,
  reason: 'Method Not Implemented',
  version: '1.0',
  headers: { Connection: 'close', 'Cache-Control': 'no-cache, no-store' },
  body: '',
};

/** Console sockets, so a shutting-down server can close them (they outlive the HTTP exchange). */
const sockets = new Set<Duplex>();

export function isConsolePath(url: string | undefined): boolean {
  return new URL(url ?? '/', 'http://localhost').pathname === CONSOLE_PATH;
}

function open(sim: Simulator, req: IncomingMessage, route: ConsoleRoute) {
  return openConsole(sim, {
    route,
    query: new URL(req.url ?? '/', 'http://localhost').searchParams,
    cookie: req.headers.cookie,
    httpVersion: req.httpVersion,
  });
}

/** The refusal, then the connection closed for good, as xapi closes it ("Connection: close"). */
function refuse(socket: Duplex, refusal: HttpRefusal): void {
  socket.end(refusalText(refusal), () => socket.destroy());
}

function track(socket: Duplex, session: ConsoleSession): void {
  sockets.add(socket);
  socket.once('close', () => {
    sockets.delete(socket);
    session.close();
  });
}

/** CONNECT /console?…: "200 OK", then the console's raw bytes both ways. */
export function serveConsoleConnect(sim: Simulator, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  const opening = open(sim, req, 'connect');
  if ('refusal' in opening) {
    refuse(socket, opening.refusal);
    return;
  }
  const session = opening.accept();
  track(socket, session);
  socket.on('error', () => socket.destroy());
  socket.write(CONNECTED);
  session.onSend((bytes) => socket.write(bytes));
  session.onClose(() => socket.end());
  socket.on('data', (chunk: Buffer) => session.receive(chunk));
  if (head.length) session.receive(head);
}

/** GET /console?… with Upgrade: websocket: xapi's handshake (it always names the "binary" subprotocol). */
export function serveConsoleUpgrade(sim: Simulator, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  const opening = open(sim, req, 'websocket');
  if ('refusal' in opening) {
    refuse(socket, opening.refusal);
    return;
  }
  const key = upgradeKey(req.headers);
  if (!key) {
    refuse(socket, NOT_AN_UPGRADE);
    return;
  }
  const session = opening.accept();
  track(socket, session);
  socket.write(handshakeResponse(key, 'binary'));
  const ws = new WebSocketConnection(socket, head);
  ws.onMessage((payload) => session.receive(payload));
  ws.onClose(() => session.close());
  session.onSend((bytes) => ws.send(bytes));
  // When the console ends, wsproxy drops the connection without a closing handshake.
  session.onClose(() => ws.terminate());
}

/** A plain GET /console (no upgrade): the same checks, then 501. */
export function refuseConsoleGet(sim: Simulator, req: IncomingMessage, res: ServerResponse): void {
  const opening = open(sim, req, 'websocket');
  const refusal = 'refusal' in opening ? opening.refusal : NOT_AN_UPGRADE;
  res.writeHead(refusal.status, refusal.reason, {
    ...refusal.headers,
    'Content-Length': Buffer.byteLength(refusal.body),
  });
  res.end(refusal.body);
}

/** Ends every console connection, for a server shutting down. */
export function closeConsoleSockets(): void {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
}
