/**
 * The live connections, one per pool in the tree: log in, start the event loop that
 * feeds the mirror, and let queries and actions reach the right XapiConnection.
 * Targets and session refs are kept (saved-pools.ts) so a reload (a deep link)
 * resumes without asking for the password again while the session lives.
 */
import { type Credentials, XapiConnection } from '../xapi/connection';
import { runEventLoop } from '../xapi/event-loop';
import type { XapiClass } from '../xapi/model/types';
import { JsonRpcTransport } from '../xapi/transport';
import { XapiError } from '../xapi/xapi-error';
import { mirror } from './mirror-store';
import { forgetSession, forgetTarget, savedSession, savedTargets, saveSession, saveTarget } from './saved-pools';

export type PoolTarget = { kind: 'simulator'; scenario: string } | { kind: 'pool'; address: string };

/** The in-browser simulator's only account (mocks/sim/sessions.ts). */
export const SIMULATOR_CREDENTIALS: Credentials = { user: 'root', password: 'xenith' };

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
/** Every pool in the tree, connected or not, so Reconnect knows what to prefill. */
const targets = new Map<string, PoolTarget>();
/** Logins under way, so a double click or a restore racing a connect makes one connection. */
const pending = new Map<string, Promise<string>>();

export function getConnection(poolId: string): XapiConnection {
  const entry = live.get(poolId);
  if (!entry) throw new Error(`not connected to ${poolId}`);
  return entry.connection;
}

/**
 * Where a host of a pool answers its own HTTP requests (GET /rrd_updates). The master
 * is asked where the pool was reached (the address typed, which works from here even
 * when the master's own idea of its address does not); a member of a real pool at its
 * own address, through the bundled proxy. The simulator serves every host of a
 * scenario at the pool's address and picks the host by a host_uuid parameter.
 */
export function hostBaseUrl(poolId: string, memberAddress?: string): string {
  return memberAddress !== undefined && targets.get(poolId)?.kind === 'pool'
    ? baseUrlFor({ kind: 'pool', address: memberAddress })
    : getConnection(poolId).baseUrl;
}

export function targetOf(poolId: string): PoolTarget | undefined {
  return targets.get(poolId);
}

function newConnection(target: PoolTarget, credentials: Credentials | undefined, session?: string): XapiConnection {
  return new XapiConnection(
    new JsonRpcTransport(baseUrlFor(target)),
    credentials,
    (address) => new JsonRpcTransport(baseUrlFor({ kind: 'pool', address })),
    session,
  );
}

function once(id: string, work: () => Promise<string>): Promise<string> {
  const running = pending.get(id);
  if (running) return running;
  const started = work().finally(() => pending.delete(id));
  pending.set(id, started);
  return started;
}

/** A resumed session ended and there is no password to renew it: only a person can log in again. */
const needsLogin = (error: unknown) => error instanceof XapiError && error.code === 'SESSION_INVALID';

function disconnected(id: string, error: unknown): void {
  const entry = live.get(id);
  live.delete(id);
  entry?.stop.abort();
  forgetSession(id);
  mirror.markDisconnected(id, error);
}

function startMirroring(id: string, target: PoolTarget, connection: XapiConnection): void {
  const stop = new AbortController();
  live.set(id, { connection, stop });
  targets.set(id, target);
  saveTarget(target);
  if (connection.session) saveSession(id, connection.session);
  const current = () => live.get(id)?.connection === connection;
  void runEventLoop(
    connection,
    {
      loadClass: (cls, records) => mirror.loadClass(id, cls, records),
      applyEvents: (events) => mirror.applyEvents(id, events),
      status: (status, error) => {
        // A loop that was stopped (disconnect, sign-out) may still report; the pool is no longer its own.
        if (!current()) return;
        if (status === 'reconnecting' && needsLogin(error)) return disconnected(id, error);
        mirror.setStatus(id, status, error);
        // The loop logs in again after a failure, so the session to keep may be a new one.
        if (status === 'live' && connection.session) saveSession(id, connection.session);
      },
    },
    { firstClasses: TREE_CLASSES, otherClasses: DETAIL_CLASSES, signal: stop.signal },
  );
}

/**
 * Logs in (so a wrong password or an unreachable host fails here, on the connect
 * screen) and then mirrors the pool. A pool member's address leads to its master,
 * whose address then names the pool. Resolves with the pool id.
 */
export function connectPool(target: PoolTarget, credentials: Credentials): Promise<string> {
  const requested = poolIdFor(target);
  if (live.has(requested)) return Promise.resolve(requested);
  return once(requested, async () => {
    const connection = newConnection(target, credentials);
    await connection.login();
    const master = connection.redirectedTo;
    const actual: PoolTarget = master ? { kind: 'pool', address: master } : target;
    const id = poolIdFor(actual);
    if (id !== requested && mirror.has(requested)) await disconnectPool(requested);
    if (live.has(id)) {
      await connection.logout();
      return id;
    }
    mirror.addPool(id, labelFor(actual));
    startMirroring(id, actual, connection);
    return id;
  });
}

/**
 * Resumes a pool after a reload from the session kept for it. A session that has
 * ended is renewed for the simulator (its account is known); a real pool shows as
 * disconnected until a person logs in again. Resolves with the pool id.
 */
export function resumePool(target: PoolTarget, session: string): Promise<string> {
  const id = poolIdFor(target);
  if (live.has(id)) return Promise.resolve(id);
  return once(id, async () => {
    targets.set(id, target);
    mirror.addPool(id, labelFor(target));
    const credentials = target.kind === 'simulator' ? SIMULATOR_CREDENTIALS : undefined;
    const connection = newConnection(target, credentials, session);
    try {
      if (!(await connection.hasLiveSession())) await connection.login();
    } catch (error) {
      disconnected(id, error);
      return id;
    }
    startMirroring(id, target, connection);
    return id;
  });
}

let restoring: Promise<void> | undefined;

/**
 * Brings back every pool of an earlier visit, in the order they were connected:
 * `startSimulator` runs first for simulator targets (the in-browser simulator must be
 * up before anything can reach it). Runs once per page. A page about one pool (a
 * console's own window) passes `onlyPoolId` and brings back that pool alone: it has
 * no use for the others' event loops and logins.
 */
export function restoreSavedPools(startSimulator: () => Promise<void>, onlyPoolId?: string): Promise<void> {
  restoring ??= (async () => {
    const saved = savedTargets().filter((target) => onlyPoolId === undefined || poolIdFor(target) === onlyPoolId);
    // Added first, all at once, so the tree keeps the order whatever answers first.
    for (const target of saved) {
      targets.set(poolIdFor(target), target);
      mirror.addPool(poolIdFor(target), labelFor(target));
    }
    await Promise.all(saved.map((target) => restore(target, startSimulator)));
  })();
  return restoring;
}

async function restore(target: PoolTarget, startSimulator: () => Promise<void>): Promise<void> {
  const id = poolIdFor(target);
  try {
    if (target.kind === 'simulator') await startSimulator();
    const session = savedSession(id);
    if (session) await resumePool(target, session);
    else if (target.kind === 'simulator') await connectPool(target, SIMULATOR_CREDENTIALS);
    else disconnected(id, undefined);
  } catch (error) {
    disconnected(id, error);
  }
}

/** Logs out and removes the pool from the tree and from the pools kept for the next visit. */
/**
 * Stops every event loop when the page goes away, keeping the sessions for the next
 * load. It must run before the in-browser simulator's worker lets go of the page, or
 * the loop's next poll would reach the network instead of the simulator.
 */
export function stopEventLoops(): void {
  for (const entry of live.values()) entry.stop.abort();
}

export async function disconnectPool(poolId: string): Promise<void> {
  const entry = live.get(poolId);
  const target = targets.get(poolId);
  live.delete(poolId);
  targets.delete(poolId);
  entry?.stop.abort();
  mirror.removePool(poolId);
  forgetSession(poolId);
  if (target) forgetTarget(target);
  await entry?.connection.logout();
}
