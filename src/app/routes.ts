/**
 * Every route, built by one path helper and parsed by one function, so links and the
 * address bar agree. Objects are addressed by pool id, class and UUID (refs change
 * between sessions; UUIDs do not), so a deep link survives a reload.
 */
import { useSyncExternalStore } from 'react';

export type ObjectClass = 'pool' | 'host' | 'VM' | 'SR' | 'network' | 'template' | 'snapshot';
export type Tab = 'general' | 'memory' | 'storage' | 'networking' | 'console' | 'performance' | 'snapshots';

export type Route =
  | { name: 'home' }
  | { name: 'connect' }
  | { name: 'object'; poolId: string; cls: ObjectClass; uuid: string; tab: Tab };

export const paths = {
  home: () => '/',
  connect: () => '/connect',
  object: (poolId: string, cls: ObjectClass, uuid: string, tab: Tab = 'general') =>
    `/pools/${encodeURIComponent(poolId)}/${cls}/${uuid}/${tab}`,
};

export function parseRoute(pathname: string): Route {
  if (pathname === '/connect') return { name: 'connect' };
  const m = /^\/pools\/([^/]+)\/([A-Za-z]+)\/([^/]+)(?:\/([a-z]+))?$/.exec(pathname);
  if (m) {
    return { name: 'object', poolId: decodeURIComponent(m[1]), cls: m[2] as ObjectClass, uuid: m[3], tab: (m[4] ?? 'general') as Tab };
  }
  return { name: 'home' };
}

const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};
if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  notify();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current route; re-renders on navigation and on back/forward. */
export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  return parseRoute(pathname);
}
