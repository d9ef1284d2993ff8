/**
 * Performance data lives on each host of a pool: a host answers /rrd_updates for
 * itself and the VMs running on it, so the console asks every host at its own address
 * (host.address). The proxy only connects to addresses it knows, and a pool member's
 * address is not one the person typed. It is allowed once a pool the proxy serves
 * confirms, asked with the caller's own session, that one of its hosts has it; the
 * proxy then reaches it with the pool's scheme and port, as it does a master.
 */
import http from 'node:http';
import https from 'node:https';
import type { PoolRegistry } from './pools';
import type { Agents } from './proxy';

const ASK_TIMEOUT_MS = 10_000;

/** A JSON-RPC call to a pool, answering the result, or undefined on any failure. */
function ask(pool: URL, agents: Agents, method: string, params: unknown[]): Promise<unknown> {
  const body = JSON.stringify({ jsonrpc: '2.0', method, params, id: 1 });
  const target = new URL('/jsonrpc', pool);
  const secure = target.protocol === 'https:';
  return new Promise((resolve) => {
    const request = (secure ? https : http).request(target, {
      method: 'POST',
      agent: secure ? agents.https : agents.http,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      timeout: ASK_TIMEOUT_MS,
    });
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('end', () => {
        try {
          resolve((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { result?: unknown }).result);
        } catch {
          resolve(undefined);
        }
      });
      response.once('error', () => resolve(undefined));
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(undefined));
    request.end(body);
  });
}

/** The host part of `/pool/<address>`, as XAPI stores host.address (IPv6 without brackets). */
function hostnameOf(address: string): string | undefined {
  if (!/^[\w.:[\]-]+$/.test(address)) return undefined;
  const bracketed = address.split(':').length > 2 && !address.startsWith('[') ? `[${address}]` : address;
  try {
    return new URL(`http://${bracketed}`).hostname.replace(/^\[(.*)\]$/, '$1');
  } catch {
    return undefined;
  }
}

/**
 * The origin to reach `address` at, once a pool confirms it is one of its hosts; undefined
 * when no pool does (or the caller's session is valid for none).
 */
export async function confirmPoolHost(
  registry: PoolRegistry,
  agents: Agents,
  address: string,
  session: string | undefined,
): Promise<URL | undefined> {
  const hostname = hostnameOf(address);
  if (!hostname || !session) return undefined;
  for (const pool of [...registry.pools]) {
    const hosts = await ask(pool, agents, 'host.get_all_records_where', [session, `field "address" = "${hostname}"`]);
    if (!hosts || typeof hosts !== 'object' || Object.keys(hosts).length === 0) continue;
    // A pool's hosts serve XAPI alike: the member is reached the way its master is.
    registry.learnMaster(hostname, pool);
    return registry.upstreamFor(address);
  }
  return undefined;
}
