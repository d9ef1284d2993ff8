/**
 * The console bridge of `npm run serve`: a browser's WebSocket at
 * /pool/<address>/console?… becomes XAPI's own console protocol to that host.
 *
 * A console lives on the host its `location` names, so the browser names that host (the
 * pool's own address when the location has none, as on the simulator). The address is
 * allowed as for /rrd_updates: a pool given with --pool, a master one named, or a host a
 * pool vouches for when asked with the caller's session (pool-hosts.ts). Then
 * `CONNECT /console?… HTTP/1.0` goes there, over TLS for an https pool, and on "200 OK"
 * the browser's handshake is completed as xapi completes it (naming the "binary"
 * subprotocol) and bytes flow both ways: WebSocket frames from the browser, the raw RFB or
 * text stream from the host. Any other answer goes back to the browser as it came.
 */
import type { IncomingMessage } from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { POOL_PATH } from './app';
import { confirmPoolHost } from './pool-hosts';
import type { PoolRegistry } from './pools';
import type { Agents } from './proxy';
import { handshakeResponse, upgradeKey, WebSocketConnection } from './websocket';

export interface ConsoleProxyOptions {
  registry: PoolRegistry;
  agents: Agents;
  /** Accept self-signed host certificates (--insecure). */
  insecure: boolean;
}

const CONNECT_TIMEOUT_MS = 10_000;
/** The most a host's answer to CONNECT may take before its blank line. */
const MAX_HEAD_BYTES = 64 * 1024;

/** An answer of the proxy's own, then the connection closed. */
function reply(socket: Duplex, status: number, reason: string, text: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    () => socket.destroy(),
  );
}

function sessionOf(query: URLSearchParams, cookie: string | undefined): string | undefined {
  const fromCookie = /(?:^|;\s*)session_id=([^;]*)/.exec(cookie ?? '')?.[1];
  return fromCookie ?? query.get('session_id') ?? undefined;
}

function openStream(target: URL, insecure: boolean): Duplex {
  const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
  const host = target.hostname.replace(/^\[|\]$/g, '');
  return target.protocol === 'https:'
    ? tls.connect({ host, port, servername: net.isIP(host) ? undefined : host, rejectUnauthorized: !insecure })
    : net.connect({ host, port });
}

/** Sends CONNECT and waits for the host's answer head; `onAnswer` gets the status and the bytes read. */
function connectConsole(
  target: URL,
  pathAndQuery: string,
  insecure: boolean,
  onAnswer: (upstream: Duplex, status: number, received: Buffer) => void,
  onError: (error: Error) => void,
): void {
  const upstream = openStream(target, insecure);
  const timer = setTimeout(
    () => upstream.destroy(new Error(`no connection within ${CONNECT_TIMEOUT_MS / 1000} s`)),
    CONNECT_TIMEOUT_MS,
  );
  let received = Buffer.alloc(0);
  const onData = (chunk: Buffer) => {
    received = Buffer.concat([received, chunk]);
    const end = received.indexOf('\r\n\r\n');
    if (end < 0) {
      if (received.length > MAX_HEAD_BYTES) upstream.destroy(new Error('the host sent no answer to CONNECT'));
      return;
    }
    clearTimeout(timer);
    upstream.off('data', onData);
    upstream.off('error', failed);
    const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(received.toString('latin1'))?.[1] ?? 0);
    onAnswer(upstream, status, received);
  };
  const failed = (error: Error) => {
    clearTimeout(timer);
    onError(error);
  };
  upstream.on('data', onData);
  upstream.once('error', failed);
  upstream.write(`CONNECT ${pathAndQuery} HTTP/1.0\r\nHost: ${target.hostname}\r\n\r\n`);
}

/** Joins the browser's WebSocket and the host's console stream. */
function bridge(browser: Duplex, head: Buffer, upstream: Duplex, afterAnswer: Buffer): void {
  const ws = new WebSocketConnection(browser, head);
  ws.onMessage((payload) => upstream.write(payload));
  ws.onClose(() => upstream.destroy());
  upstream.on('data', (chunk: Buffer) => ws.send(chunk));
  // The console ended: the browser sees the connection drop, as it would from xapi itself.
  upstream.on('close', () => ws.terminate());
  upstream.on('error', () => upstream.destroy());
  if (afterAnswer.length) ws.send(afterAnswer);
}

/** The 'upgrade' listener for `npm run serve`: console WebSockets only, to allowed pools only. */
export function handleConsoleUpgrade(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  options: ConsoleProxyOptions,
): void {
  socket.on('error', () => socket.destroy());
  const url = new URL(req.url ?? '/', 'http://localhost');
  const pool = POOL_PATH.exec(url.pathname);
  if (pool?.[2] !== '/console') {
    reply(socket, 404, 'Not Found', 'Xenith proxy: only /pool/<address>/console takes WebSockets.\n');
    return;
  }
  let address: string;
  try {
    address = decodeURIComponent(pool[1]);
  } catch {
    reply(socket, 400, 'Bad Request', 'Xenith proxy: the pool address in the path is not valid URL encoding.\n');
    return;
  }
  const key = upgradeKey(req.headers);
  if (!key) {
    reply(socket, 400, 'Bad Request', 'Xenith proxy: not a WebSocket upgrade.\n');
    return;
  }
  const session = sessionOf(url.searchParams, req.headers.cookie);
  const known = options.registry.upstreamFor(address);
  (known ? Promise.resolve(known) : confirmPoolHost(options.registry, options.agents, address, session))
    .then((target) => {
      if (!target) {
        reply(
          socket,
          403,
          'Forbidden',
          `Xenith proxy: ${address} is not a pool this proxy serves, nor a host one of them vouches for.\n`,
        );
        return;
      }
      connectConsole(
        target,
        `/console${url.search}`,
        options.insecure,
        (stream, status, received) => {
          if (status !== 200) {
            // The host's refusal, as it sent it: the browser only sees a failed handshake.
            socket.write(received);
            stream.pipe(socket);
            return;
          }
          socket.write(handshakeResponse(key, 'binary'));
          bridge(socket, head, stream, received.subarray(received.indexOf('\r\n\r\n') + 4));
        },
        (error) => {
          console.error(`Xenith proxy: console on ${target.host}: ${error.message}`);
          reply(socket, 502, 'Bad Gateway', `Xenith proxy: cannot reach ${target.host}: ${error.message}\n`);
        },
      );
    })
    .catch((error: Error) => reply(socket, 502, 'Bad Gateway', `Xenith proxy: ${error.message}\n`));
}
