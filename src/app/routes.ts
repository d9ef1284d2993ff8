/**
 * Every route, built by one path helper and parsed by one function, so links and the
 * address bar agree. Objects are addressed by pool id, class and UUID (refs change
 * between sessions; UUIDs do not), so a deep link survives a reload.
 */
import { useSyncExternalStore } from 'react';

export type ObjectClass = 'pool' | 'host' | 'VM' | 'SR' | 'network' | 'template' | 'snapshot';
export type Tab =
  | 'general'
  | 'dashboard'
  | 'memory'
  | 'storage'
  | 'networking'
  | 'console'
  | 'performance'
  | 'snapshots';

/** Which of a VM's consoles a console window opens on. */
export type ConsoleWindowMode = 'text' | 'graphical';

/** What the connect form starts with: Reconnect fills in the pool that needs a login. */
export type ConnectPrefill = { address: string } | { scenario: string };

export type Route =
  | { name: 'home' }
  | { name: 'connect'; prefill?: ConnectPrefill }
  | { name: 'notifications' }
  | { name: 'object'; poolId: string; cls: ObjectClass; uuid: string; tab: Tab }
  /** An object's console alone, for a window of its own. */
  | { name: 'console-window'; poolId: string; cls: ObjectClass; uuid: string; mode?: ConsoleWindowMode };

export const paths = {
  home: () => '/',
  notifications: () => '/notifications',
  connect: (prefill?: ConnectPrefill) => (prefill ? `/connect?${new URLSearchParams(prefill)}` : '/connect'),
  object: (poolId: string, cls: ObjectClass, uuid: string, tab: Tab = 'general') =>
    `/pools/${encodeURIComponent(poolId)}/${cls}/${uuid}/${tab}`,
  consoleWindow: (poolId: string, cls: ObjectClass, uuid: string, mode?: ConsoleWindowMode) =>
    `/console/${encodeURIComponent(poolId)}/${cls}/${uuid}${mode ? `?mode=${mode}` : ''}`,
};

function parsePrefill(search: string): ConnectPrefill | undefined {
  const query = new URLSearchParams(search);
  const address = query.get('address');
  const scenario = query.get('scenario');
  if (address) return { address };
  if (scenario) return { scenario };
  return undefined;
}

export function parseRoute(pathname: string, search = ''): Route {
  if (pathname === '/notifications') return { name: 'notifications' };
  if (pathname === '/connect') {
    const prefill = parsePrefill(search);
    return prefill ? { name: 'connect', prefill } : { name: 'connect' };
  }
  const consoleWindow = /^\/console\/([^/]+)\/([A-Za-z]+)\/([^/]+)$/.exec(pathname);
  if (consoleWindow) {
    const mode = new URLSearchParams(search).get('mode');
    return {
      name: 'console-window',
      poolId: decodeURIComponent(consoleWindow[1]),
      cls: consoleWindow[2] as ObjectClass,
      uuid: consoleWindow[3],
      ...(mode === 'text' || mode === 'graphical' ? { mode } : {}),
    };
  }
  const m = /^\/pools\/([^/]+)\/([A-Za-z]+)\/([^/]+)(?:\/([a-z]+))?$/.exec(pathname);
  if (m) {
    return {
      name: 'object',
      poolId: decodeURIComponent(m[1]),
      cls: m[2] as ObjectClass,
      uuid: m[3],
      tab: (m[4] ?? 'general') as Tab,
    };
  }
  return { name: 'home' };
}

const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};
if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

const currentPath = () => window.location.pathname + window.location.search;

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === currentPath()) return;
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
  const path = useSyncExternalStore(subscribe, currentPath);
  const url = new URL(path, window.location.origin);
  return parseRoute(url.pathname, url.search);
}
