/**
 * The export behind GET /rrd_updates, as rrdd builds it for the host that answers
 * (rrdd_http_handler.ml get_host_stats, rrd_updates.ml create_multi): the host's own RRD
 * when asked, then the RRD of every VM resident on it, each prefixed `host:<uuid>:` or
 * `vm:<uuid>:`; one archive resolution for all, chosen from `start` and `interval`;
 * a legend of `CF:prefix:name`; rows newest first, from the last complete row back to
 * `start`; every number a string in JSON, rrdtool's xport layout in XML.
 */
import type { XapiRecord } from '../../../src/xapi/model/types';
import type { Simulator } from '../simulator';
import {
  type Archive,
  archivesOf,
  type ConsolidationFunction,
  findBestArchives,
  NoArchiveAvailable,
  stepOf,
  TIMESCALES,
} from './archives';
import { performanceOf } from './model';
import { formatRrdValue } from './number-format';
import { RowStore } from './rows';
import type { Series } from './series';
import { STEP_S } from './workload';

export interface RrdUpdatesQuery {
  /** The host whose rrdd answers. */
  host: string;
  /** Unix seconds; a negative value counts back from the last update. */
  start: number;
  /** Seconds per row wanted at least; 0 for the finest archive that reaches `start`. */
  interval: number;
  /** Only this consolidation function; undefined for every one the archive has. */
  cf: ConsolidationFunction | 'LAST' | undefined;
  /** host=true: the host's own data sources too. */
  withHost: boolean;
  /** vm_uuid filters; undefined for every resident VM. */
  vmUuids: readonly string[] | undefined;
  json: boolean;
}

interface Part {
  prefix: string;
  series: Series;
  store: RowStore;
  archives: Archive[];
}

/** OCaml's Int64 division truncates towards zero. */
const alignDown = (t: number, step: number) => Math.trunc(t / step) * step;

/** One part's values in one row, formatted. */
function fragment(part: Part, level: number, t: number, json: boolean): string {
  const row = part.store.row(level, t);
  const n = row.layout.entries.length;
  const values: string[] = [];
  for (const { cf } of part.archives) {
    for (let i = 0; i < n; i++) values.push(formatRrdValue(RowStore.value(row, level, cf, i)));
  }
  return json ? `"${values.join('","')}"` : `<v>${values.join('</v><v>')}</v>`;
}

/**
 * An answer's legend and rows, formatted, for one selection of RRDs (their layouts and
 * archives): a client polling the same query gets the rows it already had from here,
 * and only new rows are formatted. Rows never change once complete.
 */
interface Formatted {
  signature: string;
  /** The legend as it appears in the answer: a JSON array, or XML entries. */
  legend: string;
  columns: number;
  rows: Map<number, string>;
}

/** How many different selections keep their formatted rows, most recent first. */
const KEPT_SELECTIONS = 4;
const formatted = new WeakMap<Simulator, Formatted[]>();

function formattedFor(sim: Simulator, parts: Part[], level: number, json: boolean): Formatted {
  const signature = `${json}|${level}|${parts.map((p) => `${p.prefix}${p.series.layout().version}${p.archives.map((a) => a.cf)}`).join(';')}`;
  const kept = formatted.get(sim) ?? [];
  formatted.set(sim, kept);
  const at = kept.findIndex((f) => f.signature === signature);
  if (at >= 0) {
    const [found] = kept.splice(at, 1);
    kept.unshift(found);
    return found;
  }
  const legend: string[] = [];
  for (const { prefix, series, archives } of parts) {
    const names = series.layout().entries.map((e) => e.spec.name);
    for (const { cf } of archives) for (const name of names) legend.push(`${cf}:${prefix}${name}`);
  }
  const text = json ? JSON.stringify(legend) : legend.map((entry) => `<entry>${escapeXml(entry)}</entry>`).join('');
  const entry = { signature, legend: text, rows: new Map<number, string>(), columns: legend.length };
  kept.unshift(entry);
  kept.length = Math.min(kept.length, KEPT_SELECTIONS);
  return entry;
}

/** Xmlm escapes these in character data. */
const escapeXml = (text: string) =>
  text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);

/** The RRDs the answering host holds that the query selects: its own, then its resident VMs'. */
function selectSeries(sim: Simulator, query: RrdUpdatesQuery): { prefix: string; series: Series }[] {
  const model = performanceOf(sim);
  const out: { prefix: string; series: Series }[] = [];
  if (query.withHost) {
    const host = model.host(query.host);
    if (host) out.push({ prefix: `host:${host.uuid}:`, series: host });
  }
  for (const ref of sim.db.get<XapiRecord<'host'>>('host', query.host).resident_VMs) {
    const vm = model.vm(ref);
    if (!vm || (query.vmUuids && !query.vmUuids.includes(vm.uuid))) continue;
    out.push({ prefix: `vm:${vm.uuid}:`, series: vm });
  }
  return out;
}

/** The export, as JSON or XML text. Throws NoArchiveAvailable as rrdd raises No_RRA_Available. */
export function rrdUpdates(sim: Simulator, query: RrdUpdatesQuery): string {
  const model = performanceOf(sim);
  const now = model.now();
  const selected = selectSeries(sim, query);
  if (selected.length === 0) throw new NoArchiveAvailable();
  const start = query.start < 0 ? query.start + Math.trunc(now) : query.start;
  const pdpInterval = Math.trunc(query.interval / STEP_S);

  const parts: Part[] = selected.map(({ prefix, series }) => ({
    prefix,
    series,
    store: model.rows(series),
    archives: findBestArchives(archivesOf(series.minMax()), pdpInterval, query.cf, start, now),
  }));
  const first = parts.find((p) => p.archives.length > 0)?.archives[0];
  if (!first) throw new NoArchiveAvailable();
  const level = first.level;
  for (const part of parts) part.archives = part.archives.filter((a) => a.level === level);

  const step = stepOf(level);
  const end = alignDown(now, step);
  const rowTimes: number[] = [];
  for (let i = 0, t = end; t >= start && i < TIMESCALES[level].rows; i++, t -= step) rowTimes.push(t);
  const cache = formattedFor(sim, parts, level, query.json);
  const rows = rowTimes.map((t) => {
    let row = cache.rows.get(t);
    if (row === undefined) {
      const values = parts.map((part) => fragment(part, level, t, query.json));
      row = query.json ? `{"t":"${t}","values":[${values.join(',')}]}` : `<row><t>${t}</t>${values.join('')}</row>`;
      cache.rows.set(t, row);
    }
    return row;
  });
  // Rows that have scrolled out of the archive are not asked for again.
  const oldest = end - TIMESCALES[level].rows * step;
  if (cache.rows.size > TIMESCALES[level].rows + 16)
    for (const t of cache.rows.keys()) if (t < oldest) cache.rows.delete(t);
  const meta = { start: alignDown(start, step) + step, step, end, rows: rowTimes.length, columns: cache.columns };
  return query.json ? asJson(meta, cache.legend, rows) : asXml(meta, cache.legend, rows);
}

interface Meta {
  start: number;
  step: number;
  end: number;
  rows: number;
  columns: number;
}

function asJson(meta: Meta, legend: string, rows: string[]): string {
  const head =
    `{"meta":{"start":"${meta.start}","step":"${meta.step}","end":"${meta.end}","rows":"${meta.rows}",` +
    `"columns":"${meta.columns}","legend":${legend}},"data":[`;
  return `${head}${rows.join(',')}]}`;
}

/** Xmlm's output: the declaration, then elements without whitespace; an empty element is written `<name/>`. */
function asXml(meta: Meta, legend: string, rows: string[]): string {
  const element = (name: string, content: string) => (content === '' ? `<${name}/>` : `<${name}>${content}</${name}>`);
  const head =
    `<start>${meta.start}</start><step>${meta.step}</step><end>${meta.end}</end>` +
    `<rows>${meta.rows}</rows><columns>${meta.columns}</columns>${element('legend', legend)}`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<xport><meta>${head}</meta>${element('data', rows.join(''))}</xport>`;
}
