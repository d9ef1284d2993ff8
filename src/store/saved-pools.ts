/**
 * What survives a reload: the pools a person connected to (localStorage, without
 * passwords, so the tree comes back in a new tab too) and each pool's session ref
 * (sessionStorage, so it dies with the tab, as a login should).
 */
import type { PoolTarget } from './connections';

const TARGETS_KEY = 'xenith.pools';
const SESSIONS_KEY = 'xenith.sessions';

function isTarget(value: unknown): value is PoolTarget {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Record<string, unknown>;
  return (
    (t.kind === 'simulator' && typeof t.scenario === 'string') || (t.kind === 'pool' && typeof t.address === 'string')
  );
}

/** Parses what an older version (or a person with devtools) may have left there, dropping what does not fit. */
function read(storage: Storage, key: string): unknown {
  try {
    return JSON.parse(storage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

const sameTarget = (a: PoolTarget, b: PoolTarget) =>
  a.kind === 'simulator'
    ? b.kind === 'simulator' && a.scenario === b.scenario
    : b.kind === 'pool' && a.address === b.address;

/** A first visit opens on the built-in demo pool, so the console shows a pool at once. */
const FIRST_VISIT: PoolTarget[] = [{ kind: 'simulator', scenario: 'demo' }];

/** The pools to bring back: those kept, or the demo pool on a first visit. */
export function savedTargets(): PoolTarget[] {
  return localStorage.getItem(TARGETS_KEY) === null ? FIRST_VISIT : storedTargets();
}

function storedTargets(): PoolTarget[] {
  const value = read(localStorage, TARGETS_KEY);
  return Array.isArray(value) ? value.filter(isTarget) : [];
}

export function saveTarget(target: PoolTarget): void {
  const targets = storedTargets();
  if (!targets.some((t) => sameTarget(t, target))) {
    localStorage.setItem(TARGETS_KEY, JSON.stringify([...targets, target]));
  }
}

export function forgetTarget(target: PoolTarget): void {
  localStorage.setItem(TARGETS_KEY, JSON.stringify(storedTargets().filter((t) => !sameTarget(t, target))));
}

function sessions(): Record<string, string> {
  const value = read(sessionStorage, SESSIONS_KEY);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, s]) => typeof s === 'string'));
}

export function savedSession(poolId: string): string | undefined {
  return sessions()[poolId];
}

export function saveSession(poolId: string, session: string): void {
  sessionStorage.setItem(SESSIONS_KEY, JSON.stringify({ ...sessions(), [poolId]: session }));
}

export function forgetSession(poolId: string): void {
  const { [poolId]: _forgotten, ...rest } = sessions();
  sessionStorage.setItem(SESSIONS_KEY, JSON.stringify(rest));
}
