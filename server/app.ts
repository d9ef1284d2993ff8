/**
 * The request router of `npm run serve`: /pool/<address>/… goes to that pool, when it
 * is allowed, and everything else is the built app. Performance data is asked of each
 * host at its own address, which the proxy allows once the pool vouches for it
 * (pool-hosts.ts).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { watchForMaster } from './master-redirect';
import { confirmPoolHost } from './pool-hosts';
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
const POOL_PATH = /^\/pool\/([^/]+)(\/.*)?$/;

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

const RRD_UPDATES = '/rrd_updates';

/** GET /rrd_updates, with its query (session_id, start, host…) as the client wrote it. */
function forwardRrdUpdates(req: IncomingMessage, res: ServerResponse, upstream: URL, query: URL, options: AppOptions) {
  if (req.method !== 'GET') {
    sendText(res, 405, 'Xenith proxy: performance data is read with GET.\n', { Allow: 'GET' });
    return;
  }
  forward(req, res, { upstream, path: `${RRD_UPDATES}${query.search}`, agents: options.agents });
}

/** A pool's own path under /pool/<address>; `url` is the whole request URL, for its query. */
interface PoolRequest {
  address: string;
  path: string;
  url: URL;
}

async function routePool(
  req: IncomingMessage,
  res: ServerResponse,
  { address, path, url }: PoolRequest,
  options: AppOptions,
) {
  let upstream = options.registry.upstreamFor(address);
  if (!upstream && path === RRD_UPDATES) {
    const session = url.searchParams.get('session_id') ?? undefined;
    upstream = await confirmPoolHost(options.registry, options.agents, address, session);
  }
  if (!upstream) {
    sendText(
      res,
      403,
      `Xenith proxy: ${address} is not a pool this proxy serves. Give it with --pool ` +
        '(only those pools, the masters they name and the hosts they vouch for are proxied).\n',
    );
    return;
  }
  switch (path) {
    case '/jsonrpc':
    case '/':
      forwardCall(req, res, upstream, path, options);
      return;
    case RRD_UPDATES:
      forwardRrdUpdates(req, res, upstream, url, options);
      return;
    // Console WebSockets arrive as 'upgrade' events instead (see serve.ts) and check the address the same way.
    default:
      sendText(res, 404, `Xenith proxy: ${path} is not proxied (only /jsonrpc, XML-RPC on /, and /rrd_updates).\n`);
  }
}

async function handle(req: IncomingMessage, res: ServerResponse, options: AppOptions): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const pool = POOL_PATH.exec(url.pathname);
  if (!pool) return serveStatic(req, res, options.root);
  let address: string;
  try {
    address = decodeURIComponent(pool[1]);
  } catch {
    sendText(res, 400, 'Xenith proxy: the pool address in the path is not valid URL encoding.\n');
    return;
  }
  await routePool(req, res, { address, path: pool[2] ?? '/', url }, options);
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
