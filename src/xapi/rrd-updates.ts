/**
 * GET /rrd_updates: the query string XAPI reads and the two formats it answers in
 * (../shared/xapi/SEMANTICS.md (g); xcp-rrdd's rrdd_http_handler.ml and
 * xapi-rrd's rrd_updates.ml). The reply is turned into typed columns, oldest row first.
 */

export type RrdConsolidation = 'AVERAGE' | 'MIN' | 'MAX';

export interface RrdUpdatesQuery {
  /** Unix seconds; a negative value counts back from the host's last update (so no clock skew matters). */
  start: number;
  /** Seconds per row wanted: XAPI picks the archive at least this coarse that still reaches `start`. */
  interval: number;
  /** Omitted: every consolidation the archive keeps. */
  cf?: RrdConsolidation;
  /** host=true: the host's own data sources as well as its VMs'. */
  host?: boolean;
  /** Filters: only these VMs' data sources (XAPI's default is every VM resident on the host). */
  vmUuids?: readonly string[];
  /**
   * The host whose data is wanted. A real host answers for itself only, so clients ask
   * each host; the simulator and the proxy serve a pool at one address and read this to
   * pick the host (XAPI ignores parameters it does not know).
   */
  hostUuid?: string;
}

/** One legend entry, `CF:class:uuid:name` (e.g. `AVERAGE:vm:<uuid>:cpu0`). */
export interface RrdColumn {
  cf: string;
  /** `host`, `vm` or `sr`. */
  objectClass: string;
  uuid: string;
  name: string;
}

export interface RrdUpdates {
  /** Seconds between rows: the archive XAPI chose. */
  step: number;
  /** Unix seconds of each row, oldest first (XAPI sends the newest first). */
  times: number[];
  columns: RrdColumn[];
  /** values[column][row], rows in `times` order; NaN where the archive has no value. */
  values: Float64Array[];
}

/** The path and query string, below the pool's base URL. */
export function rrdUpdatesPath(session: string, query: RrdUpdatesQuery): string {
  const params = new URLSearchParams({ session_id: session, start: String(query.start) });
  if (query.cf) params.set('cf', query.cf);
  params.set('interval', String(query.interval));
  if (query.host) params.set('host', 'true');
  for (const uuid of query.vmUuids ?? []) params.append('vm_uuid', uuid);
  if (query.hostUuid) params.set('host_uuid', query.hostUuid);
  params.set('json', 'true');
  return `/rrd_updates?${params}`;
}

export class RrdFormatError extends Error {
  constructor(message: string) {
    super(`rrd_updates: ${message}`);
    this.name = 'RrdFormatError';
  }
}

/** The legend's fields; a data source name may itself hold colons (SR sources name a UUID). */
export function parseLegendEntry(entry: string): RrdColumn {
  const parts = entry.split(':');
  if (parts.length < 4) throw new RrdFormatError(`legend entry "${entry}" is not CF:class:uuid:name`);
  const [cf, objectClass, uuid, ...name] = parts;
  return { cf, objectClass, uuid, name: name.join(':') };
}

/** rrdd writes "NaN", "Infinity" and "-Infinity" for the values JSON cannot hold; Number reads all three. */
const toNumber = (value: unknown): number => (typeof value === 'number' ? value : Number(value));

function build(step: number, legend: readonly string[], rows: { t: number; values: ArrayLike<unknown> }[]): RrdUpdates {
  const columns = legend.map(parseLegendEntry);
  const count = rows.length;
  const values = columns.map(() => new Float64Array(count));
  const times = new Array<number>(count);
  rows.forEach((row, newestFirst) => {
    const r = count - 1 - newestFirst;
    times[r] = row.t;
    if (row.values.length !== columns.length) {
      throw new RrdFormatError(`a row has ${row.values.length} values for ${columns.length} legend entries`);
    }
    for (let c = 0; c < columns.length; c++) values[c][r] = toNumber(row.values[c]);
  });
  return { step, times, columns, values };
}

interface JsonReply {
  meta?: { step?: unknown; legend?: unknown };
  data?: { t?: unknown; values?: unknown }[];
}

/** The JSON form: every number a string, rows newest first. */
export function parseRrdUpdatesJson(text: string): RrdUpdates {
  const reply = JSON.parse(text) as JsonReply;
  const legend = reply.meta?.legend;
  if (!Array.isArray(legend) || !Array.isArray(reply.data)) throw new RrdFormatError('no meta.legend or data');
  const rows = reply.data.map((row) => {
    if (!Array.isArray(row.values)) throw new RrdFormatError('a row has no values');
    return { t: toNumber(row.t), values: row.values as unknown[] };
  });
  return build(toNumber(reply.meta?.step), legend.map(String), rows);
}

const unescapeXml = (text: string) =>
  text.replace(
    /&(lt|gt|amp|quot|apos);/g,
    (_, entity: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[entity] ?? '',
  );

const elements = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'g'))].map((m) => m[1]);

/** The XML form (rrdtool's xport layout), without a DOM so it also runs in workers and Node. */
export function parseRrdUpdatesXml(xml: string): RrdUpdates {
  const meta = elements(xml, 'meta')[0];
  if (meta === undefined) throw new RrdFormatError('no <meta>');
  const step = Number(elements(meta, 'step')[0]);
  const legend = elements(meta, 'entry').map(unescapeXml);
  const rows = elements(xml, 'row').map((row) => ({ t: Number(elements(row, 't')[0]), values: elements(row, 'v') }));
  return build(step, legend, rows);
}

/** Either format, by the reply's content type. */
export function parseRrdUpdates(text: string, contentType: string | null): RrdUpdates {
  return contentType?.includes('xml') ? parseRrdUpdatesXml(text) : parseRrdUpdatesJson(text);
}

/** The index of a column, or -1. */
export function findColumn(
  updates: RrdUpdates,
  column: { objectClass: string; uuid: string; name: string; cf?: string },
): number {
  return updates.columns.findIndex(
    (c) =>
      c.name === column.name &&
      c.uuid === column.uuid &&
      c.objectClass === column.objectClass &&
      (column.cf === undefined || c.cf === column.cf),
  );
}
