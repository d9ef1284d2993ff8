/**
 * The live connections, one per pool in the tree: log in, start the event loop that
 * feeds the mirror, and let queries and actions reach the right XapiConnection.
 * Session refs are kept in sessionStorage so a reload (a deep link) resumes without
 * asking for the password again while the session lives.
 */
import { type Credentials, XapiConnection } from '../xapi/connection';
import { runEventLoop } from '../xapi/event-loop';
import type { XapiClass } from '../xapi/model/types';
import { JsonRpcTransport } from '../xapi/transport';
import { mirror } from './mirror-store';

export type PoolTarget = { kind: 'simulator'; scenario: string } | { kind: 'pool'; address: string };

/** Classes the tree needs, loaded first so it can show before the rest arrives. */
export const TREE_CLASSES: readonly XapiClass[] = ['pool', 'host', 'VM', 'SR', 'network'];
/** Everything else the pages read. */
export const DETAIL_CLASSES: readonly XapiClass[] = [
  'host_metrics',
  'host_cpu',
  'VM_metrics',
  'VM_guest_metrics',
  'PBD',
  'VDI',
  'VBD',
  'VIF',
  'PIF',
  'PIF_metrics',
  'VLAN',
  'Bond',
  'console',
  'task',
  'message',
];

/** The path in front of /jsonrpc: the in-browser simulator, or the bundled proxy. */
export function baseUrlFor(target: PoolTarget): string {
  return target.kind === 'simulator' ? `/sim/${target.scenario}` : `/pool/${encodeURIComponent(target.address)}`;
}

export function poolIdFor(target: PoolTarget): string {
  return target.kind === 'simulator' ? `sim-${target.scenario}` : target.address;
}

export function labelFor(target: PoolTarget): string {
  return target.kind === 'simulator' ? `Simulator (${target.scenario})` : target.address;
}

interface Live {
  connection: XapiConnection;
  stop: AbortController;
}

const live = new Map<string, Live>();

export function getConnection(poolId: string): XapiConnection {
  const entry = live.get(poolId);
  if (!entry) throw new Error(`not connected to ${poolId}`);
  return entry.connection;
}

/**
 * Logs in (so a wrong password or an unreachable host fails here, on the connect
 * screen) and then mirrors the pool. Resolves with the pool id.
 */
export async function connectPool(target: PoolTarget, credentials: Credentials): Promise<string> {
  const id = poolIdFor(target);
  if (live.has(id)) return id;
  const connection = new XapiConnection(
    new JsonRpcTransport(baseUrlFor(target)),
    credentials,
    (address) => new JsonRpcTransport(baseUrlFor({ kind: 'pool', address })),
  );
  await connection.login();
  const stop = new AbortController();
  live.set(id, { connection, stop });
  mirror.addPool(id, labelFor(target));
  void runEventLoop(
    connection,
    {
      loadClass: (cls, records) => mirror.loadClass(id, cls, records),
      applyEvents: (events) => mirror.applyEvents(id, events),
      status: (status, error) => mirror.setStatus(id, status, error),
    },
    { firstClasses: TREE_CLASSES, otherClasses: DETAIL_CLASSES, signal: stop.signal },
  );
  return id;
}

export async function disconnectPool(poolId: string): Promise<void> {
  const entry = live.get(poolId);
  if (!entry) return;
  live.delete(poolId);
  entry.stop.abort();
  mirror.removePool(poolId);
  await entry.connection.logout();
}
