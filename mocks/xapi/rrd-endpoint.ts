/**
 * GET /rrd_updates as xapi serves it: the session check every HTTP action gets
 * (xapi_http.ml: a session_id cookie or query parameter, or HTTP Basic), then
 * rrdd_proxy.ml's demand for `start`, then rrdd_http_handler.ml's reading of the
 * parameters and choice of JSON or XML. Failures keep xapi's status codes and pages.
 *
 * A real pool answers on each host's own address for that host's data. The simulator
 * serves every host at one address, so `host_uuid=<uuid>` (a simulator extension) names
 * the host that answers; without it the pool master does, as at the pool's address.
 */
import { NoArchiveAvailable } from '../sim/performance/archives';
import { rrdUpdates } from '../sim/performance/rrd-updates';
import type { Simulator } from '../sim/simulator';
import type { WireReply } from './endpoints';
import { badRequest, internalError, unauthorised } from './http-pages';

export const RRD_UPDATES_PATH = '/rrd_updates';
/** The HTTP action's name in the datamodel: the realm of its 401. */
const REALM = 'rrd_updates';

export interface GetRequest {
  pathname: string;
  /** The query string, without its '?'. */
  search: string;
  accept: string | null;
  cookie: string | null;
  authorization: string | null;
}

type Pairs = [string, string][];

/** http.ml's query parsing: '&'-separated, split at the first '=', percent-decoded, repeats kept. */
function parsePairs(text: string, separator: string): Pairs {
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  return text
    .split(separator)
    .filter((part) => part !== '')
    .map((part) => {
      const at = part.indexOf('=');
      return at < 0 ? [decode(part), ''] : [decode(part.slice(0, at)), decode(part.slice(at + 1))];
    });
}

const first = (pairs: Pairs, key: string) => pairs.find(([k]) => k === key)?.[1];

/** OCaml's Int64.of_string: optional sign, decimal or 0x/0o/0b/0u, '_' between digits; undefined where it fails. */
function int64(text: string): number | undefined {
  const m = /^([-+]?)(0[xX][0-9a-fA-F][0-9a-fA-F_]*|0[oO][0-7][0-7_]*|0[bB][01][01_]*|0[uU]\d[\d_]*|\d[\d_]*)$/.exec(
    text,
  );
  if (!m) return undefined;
  const digits = m[2].replace(/_/g, '');
  const value = BigInt(/^0[uU]/.test(digits) ? digits.slice(2) : digits);
  const signed = m[1] === '-' ? -value : value;
  if (signed > 2n ** 63n - 1n || signed < -(2n ** 63n)) return undefined;
  return Number(signed);
}

class BadAcceptWeight extends Error {}

/**
 * http.ml's Accept parsing and rrdd's client_prefers_json: the best-rated media ranges
 * that match application/json or text/xml decide, JSON first among equals (so "*\/*"
 * gets JSON); without a usable Accept header, the `json` parameter does.
 */
function prefersJson(accept: string | null, pairs: Pairs): boolean {
  const fallback = pairs.some(([k]) => k === 'json');
  if (accept === null) return fallback;
  const ranges: { type: string | undefined; subtype: string | undefined; q: number }[] = [];
  for (const item of accept.split(',').filter((s) => s !== '')) {
    const [typeText, ...params] = item.split(';');
    const parts = typeText.split('/');
    if (parts.length !== 2 || params.some((p) => !p.includes('='))) return fallback;
    const q = params.map((p) => p.split('=')).find(([k]) => k === 'q')?.[1];
    const weight = q === undefined ? 1 : Number(q.replace(/_/g, ''));
    // OCaml's float_of_string refuses what Number() would read as 0 or NaN, and the handler fails.
    if (Number.isNaN(weight) || q?.trim() === '' || q !== q?.trim()) throw new BadAcceptWeight();
    ranges.push({
      type: parts[0] === '*' ? undefined : parts[0],
      subtype: parts[0] === '*' || parts[1] === '*' ? undefined : parts[1],
      q: Math.trunc(1000 * weight),
    });
  }
  const matches = (mime: string, r: (typeof ranges)[number]) => {
    const [type, subtype] = mime.split('/');
    return r.type === undefined || (r.type === type && (r.subtype === undefined || r.subtype === subtype));
  };
  const qs = [...new Set(ranges.map((r) => r.q))].sort((a, b) => b - a);
  for (const q of qs) {
    const best = ranges.filter((r) => r.q === q);
    const offered = ['application/json', 'text/xml'].filter((mime) => best.some((r) => matches(mime, r)));
    if (offered.length > 0) return offered[0] === 'application/json';
  }
  return fallback;
}

function fromBase64(text: string): string | undefined {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/**
 * The caller's session (a session_id cookie, else query parameter) or HTTP Basic
 * credentials, as xapi_http.ml's assert_credentials_ok checks them: Basic logs in and
 * straight out again.
 */
function authenticated(sim: Simulator, pairs: Pairs, cookie: string | null, authorization: string | null): boolean {
  const cookies = cookie ? parsePairs(cookie, cookie.includes(';') ? ';' : '&').map(([k, v]) => [k.trim(), v]) : [];
  const session = first(cookies as Pairs, 'session_id') ?? first(pairs, 'session_id');
  if (session !== undefined) return sim.db.has('session', session);
  const credentials = fromBase64(/^Basic (.*)$/.exec(authorization ?? '')?.[1] ?? '');
  if (!credentials) return false;
  const colon = credentials.indexOf(':');
  const user = colon < 0 ? credentials : credentials.slice(0, colon);
  try {
    sim.sessions.logout(sim.sessions.login(user, colon < 0 ? '' : credentials.slice(colon + 1), 'using Basic auth'));
    return true;
  } catch {
    return false;
  }
}

export function answerRrdUpdates(sim: Simulator, request: GetRequest): WireReply {
  const pairs = parsePairs(request.search, '&');
  if (!authenticated(sim, pairs, request.cookie, request.authorization)) return unauthorised(REALM);

  const hostUuid = first(pairs, 'host_uuid');
  const host = hostUuid === undefined ? sim.master() : sim.db.refByUuid('host', hostUuid);
  if (!host) {
    return { status: 404, headers: { 'Content-Type': 'text/plain' }, body: `No host with UUID ${hostUuid}\n` };
  }

  const startText = first(pairs, 'start');
  if (startText === undefined) return badRequest();
  const start = int64(startText);
  if (start === undefined) return internalError('Failure("Int64.of_string")');
  const cfText = first(pairs, 'cf');
  const cf = cfText === 'AVERAGE' || cfText === 'MIN' || cfText === 'MAX' || cfText === 'LAST' ? cfText : undefined;
  const intervalText = first(pairs, 'interval');
  const interval = intervalText === undefined ? 0 : (int64(intervalText) ?? 0);
  const vmUuids = pairs.filter(([k]) => k === 'vm_uuid').map(([, v]) => v);
  // sr_uuid selects SR RRDs, which only SR plugins (GFS2's) create: the simulator has none to add.
  let json: boolean;
  try {
    json = prefersJson(request.accept, pairs);
  } catch (error) {
    if (error instanceof BadAcceptWeight) return internalError('Failure("float_of_string")');
    throw error;
  }

  let body: string;
  try {
    body = rrdUpdates(sim, {
      host,
      start,
      interval,
      cf,
      withHost: first(pairs, 'host') === 'true',
      vmUuids: vmUuids.length > 0 ? vmUuids : undefined,
      json,
    });
  } catch (error) {
    if (error instanceof NoArchiveAvailable) return internalError(error.message);
    throw error;
  }
  return {
    status: 200,
    headers: {
      'Content-Type': json ? 'application/json' : 'text/xml',
      'Cache-Control': 'no-cache, no-store',
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': 'X-Requested-With',
    },
    body,
  };
}
