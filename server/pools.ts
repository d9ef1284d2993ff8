/**
 * Which pools the proxy may reach, and where each one lives. The browser names a pool
 * by the address a person typed (`/pool/<address>/jsonrpc`); the proxy looks that
 * address up here and connects only to the origin stored here, never to anything
 * taken from the request, so it can never be used as an open proxy.
 */

/**
 * Documentation ranges (RFC 5737, RFC 3849). The simulator gives its hosts 192.0.2.x
 * addresses for display; no real host has one, so nothing may ever connect there.
 */
const DOCUMENTATION = /^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$|^\[2001:db8:/i;
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:\/\//i;
/** `host:port` or `[v6]:port`; a bare IPv6 address has no port. */
const EXPLICIT_PORT = /^(?:\[[^\]]*\]|[^:]*):(\d+)$/;

/** XAPI reports IPv6 host addresses without the brackets a URL needs. */
function bracketIpv6(address: string): string {
  return address.split(':').length > 2 && !address.startsWith('[') ? `[${address}]` : address;
}

function effectivePort(origin: URL): number {
  return Number(origin.port || (origin.protocol === 'https:' ? 443 : 80));
}

/** Turns `host`, `host:port` or `http(s)://host[:port]` into an origin, or throws saying why not. */
export function parsePoolAddress(address: string, defaultProtocol = 'https:'): URL {
  const invalid = (why: string) => new Error(`${address}: ${why}`);
  let url: URL;
  try {
    url = new URL(HAS_SCHEME.test(address) ? address : `${defaultProtocol}//${bracketIpv6(address)}`);
  } catch {
    throw invalid('not a host, host:port or http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('only http and https pools can be proxied');
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) {
    throw invalid('give the host only, without a path, query or credentials');
  }
  if (DOCUMENTATION.test(url.hostname))
    throw invalid('a documentation address (the simulator shows these), not a host');
  return new URL(url.origin);
}

/** What to type as the pool's address in the console's connect screen. */
export const connectAddress = (origin: URL): string => origin.host;

/**
 * Whether the address from a request path names this pool. A host without a port
 * matches the pool on any port: HOST_IS_SLAVE names the master by its bare IP, while
 * the proxy reaches it on the member's port (learnMaster).
 */
function names(origin: URL, address: string): boolean {
  if (HAS_SCHEME.test(address)) return parsePoolAddress(address).origin === origin.origin;
  const bare = bracketIpv6(address);
  if (parsePoolAddress(bare, origin.protocol).hostname !== origin.hostname) return false;
  const port = EXPLICIT_PORT.exec(bare)?.[1];
  return port === undefined || Number(port) === effectivePort(origin);
}

export class PoolRegistry {
  private readonly origins: URL[];

  /** Throws on an address that cannot be a pool (the CLI shows the message). */
  constructor(pools: readonly string[]) {
    this.origins = pools.map((pool) => parsePoolAddress(pool));
  }

  /** The pools given on the command line, then the masters learned since. */
  get pools(): readonly URL[] {
    return this.origins;
  }

  /** The origin to forward `/pool/<address>/…` to, or undefined when that address is not allowed. */
  upstreamFor(address: string): URL | undefined {
    return this.origins.find((origin) => {
      try {
        return names(origin, address);
      } catch {
        return false;
      }
    });
  }

  /**
   * Allows the master a pool named in a HOST_IS_SLAVE reply, so the client's retry at
   * `/pool/<master>/` goes through. The master keeps the scheme and port of the host
   * that named it: every host of a pool serves XAPI the same way (XenCenter reconnects
   * likewise). Returns the master's origin, or undefined if the name is not a plain
   * host address.
   */
  learnMaster(master: string, from: URL): URL | undefined {
    if (!/^[\w.:[\]-]+$/.test(master)) return undefined;
    let origin: URL;
    try {
      origin = parsePoolAddress(master, from.protocol);
    } catch {
      return undefined;
    }
    if (!EXPLICIT_PORT.test(bracketIpv6(master))) origin.port = from.port;
    if (!this.origins.some((known) => known.origin === origin.origin)) this.origins.push(origin);
    return origin;
  }
}
