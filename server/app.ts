/**
 * The request router of `npm run serve`: /pool/<address>/… goes to that pool, when it
 * is allowed, and everything else is the built app.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { watchForMaster } from './master-redirect';
import type { PoolRegistry } from './pools';
import { type Agents, forward } from './proxy';
import { sendText } from './reply';
import { serveStatic } from './static';

export interface AppOptions {
  registry: PoolRegistry;
  agents: Agents;
  /** Absolute path of the built app (dist/). */
  root: string;
}

/** `/pool/<encodeURIComponent(address)>` then the pool's own path (src/store/connections.ts). */
export const POOL_PATH = /^\/pool\/([^/]+)(\/.*)?$/;

/** A POST with an XAPI call: JSON-RPC on /jsonrpc, XML-RPC on /. */
function forwardCall(req: IncomingMessage, res: ServerResponse, upstream: URL, path: string, options: AppOptions) {
  if (req.method !== 'POST') {
    sendText(res, 405, 'XAPI calls are POSTs.\n', { Allow: 'POST' });
    return;
  }
  const { registry, agents } = options;
  // Only the JSON-RPC client follows HOST_IS_SLAVE through the proxy; XML-RPC is passed through as is.
  const watch = path === '/jsonrpc' ? watchForMaster((master) => registry.learnMaster(master, upstream)) : undefined;
  forward(req, res, { upstream, path, agents, watch });
}

function routePool(req: IncomingMessage, res: ServerResponse, address: string, path: string, options: AppOptions) {
  const upstream = options.registry.upstreamFor(address);
  if (!upstream) {
    sendText(
      res,
      403,
      `Xenith proxy: ${address} is not a pool this proxy serves. Give it with --pool ` +
        '(only those pools, and the masters they name, are proxied).\n',
    );
    return;
  }
  switch (path) {
    case '/jsonrpc':
    case '/':
      forwardCall(req, res, upstream, path, options);
      return;
    // Later issues add the pool's other paths here, each forwarded to the same `upstream`:
    // GET /rrd_updates (performance graphs) with its query string. Console WebSockets
    // arrive as 'upgrade' events instead (console-proxy.ts) and check the address the same way.
    default:
      sendText(res, 404, `Xenith proxy: ${path} is not proxied (only /jsonrpc, and XML-RPC on /).\n`);
  }
}

async function handle(req: IncomingMessage, res: ServerResponse, options: AppOptions): Promise<void> {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  const pool = POOL_PATH.exec(pathname);
  if (!pool) return serveStatic(req, res, options.root);
  let address: string;
  try {
    address = decodeURIComponent(pool[1]);
  } catch {
    sendText(res, 400, 'Xenith proxy: the pool address in the path is not valid URL encoding.\n');
    return;
  }
  routePool(req, res, address, pool[2] ?? '/', options);
}

export function createApp(options: AppOptions): RequestListener {
  return (req, res) => {
    handle(req, res, options).catch((error: unknown) => {
      console.error(error);
      if (res.headersSent) res.destroy();
      else sendText(res, 500, 'Xenith: internal error (see the server log).\n');
    });
  };
}
