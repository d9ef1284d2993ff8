/**
 * Where a browser opens a console's WebSocket, from the console record's `location`
 * (../shared/xapi/SEMANTICS.md (h); xapi's console.ml). xapi writes
 * `https://<host address>/console?uuid=<console uuid>`; the simulator writes the path
 * alone, `/console?uuid=…` (docs/simulator.md, "Consoles"). A page cannot reach a host
 * itself, so the socket goes to the page's own origin under the base URL of the host
 * named (`/pool/<host>` through `npm run serve`, `/sim/<scenario>` in the page), with
 * the path and query of `location` and the session: `…/console?uuid=…&session_id=…`.
 */

/** The subprotocol xapi's console WebSocket answers with; a browser refuses an answer it did not offer. */
export const CONSOLE_SUBPROTOCOL = 'binary';

/** Any absolute location parses against this; only its host is read from the result. */
const NO_HOST = 'http://no-host.invalid';

/**
 * The host `location` names, as host.address holds it (an IPv6 address without its
 * brackets), or undefined when `location` is a path on the pool's own address.
 */
export function consoleLocationHost(location: string): string | undefined {
  let url: URL;
  try {
    url = new URL(location, NO_HOST);
  } catch {
    return undefined;
  }
  if (url.origin === NO_HOST || url.hostname === '') return undefined;
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * The console's path below `baseUrl`, with the session: `<baseUrl>/console?uuid=…&session_id=…`.
 * A session_id already in `location` (xapi never writes one) is replaced.
 */
export function consolePath(baseUrl: string, location: string, session: string): string {
  const url = new URL(location, NO_HOST);
  url.searchParams.set('session_id', session);
  return `${baseUrl}${url.pathname}${url.search}`;
}

/** The page's origin, as the socket URL needs it: `http:` or `https:` and host[:port]. */
export interface PageOrigin {
  protocol: string;
  host: string;
}

/** `ws://` or `wss://` to the page's own origin, as the page itself was served. */
export function consoleSocketUrl(path: string, page: PageOrigin): string {
  return `${page.protocol === 'https:' ? 'wss:' : 'ws:'}//${page.host}${path}`;
}
