/**
 * Forwards one request from the browser to a pool (an XAPI call, or a GET of performance
 * data), streaming the bodies both ways. The browser then talks only to its own origin:
 * no CORS, and no certificate warning for the self-signed certificate most pools have
 * (with --insecure).
 */
import http, { type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import https from 'node:https';
import { pipeline, type Transform } from 'node:stream';
import { sendText } from './reply';

/**
 * An address that drops packets would otherwise keep the browser waiting minutes
 * (the kernel's SYN retries) before it can say "unreachable". Only the connection is
 * timed: an event.from long poll legitimately waits a minute for its answer.
 */
const CONNECT_TIMEOUT_MS = 10_000;

/** Headers that describe the body; nothing else (cookies, the browser's Host) goes through. */
const BODY_HEADERS = ['content-type', 'content-length'] as const;
/** Towards the pool, also what the browser accepts back: /rrd_updates answers JSON or XML by it. */
const REQUEST_HEADERS = [...BODY_HEADERS, 'accept'] as const;

export interface Agents {
  http: http.Agent;
  https: https.Agent;
}

/** Keep-alive agents, since the event loop calls every few seconds; `insecure` accepts any certificate. */
export function createAgents(insecure: boolean): Agents {
  return {
    http: new http.Agent({ keepAlive: true }),
    https: new https.Agent({ keepAlive: true, rejectUnauthorized: !insecure }),
  };
}

function pick(from: http.IncomingHttpHeaders, names: readonly string[]): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const name of names) if (from[name] !== undefined) headers[name] = from[name];
  return headers;
}

/** Why the pool could not be reached, with the fix for the usual certificate failure. */
function unreachable(upstream: URL, error: NodeJS.ErrnoException): string {
  const hint = /CERT|SELF_SIGNED/.test(error.code ?? '')
    ? ' (a self-signed certificate? start npm run serve with --insecure)'
    : '';
  return `Xenith proxy: cannot reach ${upstream.origin}: ${error.message}${hint}\n`;
}

export interface Forward {
  /** The pool's origin, always one from the PoolRegistry. */
  upstream: URL;
  /** `/jsonrpc`, `/` (XML-RPC), or `/rrd_updates?…` with its query. */
  path: string;
  agents: Agents;
  /** Sees a successful reply's body on its way to the browser (master-redirect.ts). */
  watch?: Transform;
}

export function forward(req: IncomingMessage, res: ServerResponse, { upstream, path, agents, watch }: Forward): void {
  const target = new URL(path, upstream);
  const secure = target.protocol === 'https:';
  const outgoing = (secure ? https : http).request(target, {
    method: req.method,
    headers: pick(req.headers, REQUEST_HEADERS),
    agent: secure ? agents.https : agents.http,
  });

  const connectTimer = setTimeout(
    () => outgoing.destroy(new Error(`no connection within ${CONNECT_TIMEOUT_MS / 1000} s`)),
    CONNECT_TIMEOUT_MS,
  );
  outgoing.once('socket', (socket) => {
    if (socket.connecting) socket.once('connect', () => clearTimeout(connectTimer));
    else clearTimeout(connectTimer); // a kept-alive socket
  });
  outgoing.once('close', () => clearTimeout(connectTimer));

  outgoing.once('response', (incoming) => {
    res.writeHead(incoming.statusCode ?? 502, pick(incoming.headers, BODY_HEADERS));
    // If the pool's reply breaks off, pipeline drops the browser's connection too, so a cut
    // reply never looks complete. Nothing else is left to clean up.
    const done = () => {};
    if (watch && incoming.statusCode === 200) pipeline(incoming, watch, res, done);
    else pipeline(incoming, res, done);
  });
  outgoing.once('error', (error) => {
    if (res.headersSent || res.destroyed) {
      res.destroy();
      return;
    }
    const message = unreachable(upstream, error);
    // Also here, for the person who started the server: the browser only says "unreachable".
    console.error(message.trimEnd());
    sendText(res, 502, message);
  });
  // A browser that gives up (an aborted event.from long poll, a closed tab) cancels the call upstream too.
  res.once('close', () => {
    if (!res.writableFinished) outgoing.destroy();
  });
  req.pipe(outgoing);
}
