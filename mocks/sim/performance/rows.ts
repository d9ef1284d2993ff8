/**
 * The rows of one RRD's archives, computed on demand and consolidated as rrdd does:
 * a 1-minute row is the AVERAGE, MIN and MAX of its twelve 5-second samples, an hour
 * row of its sixty minutes, a day row of its twenty-four hours. Samples that are
 * unknown (no domain) are left out; a row with more than half its samples unknown is
 * itself unknown (xff 0.5).
 *
 * Consolidating a year of 5-second samples for every row would cost millions of
 * samples, so a row is consolidated from the finer archive only while that archive
 * still holds its time (an hour within the last two hours, a day within the last week),
 * which is the only time a client can compare the two. Older rows come from the same
 * workload model summarised over the window. Such rows are computed the first time
 * they are asked for and kept, so what a client once saw never changes.
 */
import { lastRowTime, stepOf, TIMESCALES } from './archives';
import type { Layout } from './layout';
import type { Series } from './series';
import { type Bound, STEP_S } from './workload';

const XFF = 0.5;
const HOUR_LEVEL = 2;
const DAY_LEVEL = 3;
/** How a window no finer archive covers is summarised: in sub-windows of 5 minutes (hours) or 3 hours (days). */
const SUB_WINDOWS = [1, 1, 12, 8];
/** Rows kept beyond what the archive shows, so the next request finds them. */
const KEEP_EXTRA = [10, 180, 2, 2];

export interface ArchiveRow {
  layout: Layout<unknown>;
  avg: Float64Array;
  min: Float64Array;
  max: Float64Array;
  /**
   * Known samples behind each value, out of the row's TIMESCALES pdps. A 5-second row has
   * none: each of its values is one sample (min and max are avg), known unless NaN.
   */
  known: Float64Array | undefined;
}

const knownAt = (row: ArchiveRow, i: number) => (row.known ? row.known[i] : Number.isNaN(row.avg[i]) ? 0 : 1);

/** A 5-second row: one array serves as mean, minimum and maximum. */
function sampleRow(layout: Layout<unknown>, values: Float64Array): ArchiveRow {
  return { layout, avg: values, min: values, max: values, known: undefined };
}

/** A row being consolidated, which counts its known samples. */
type Consolidating = ArchiveRow & { known: Float64Array };

function emptyRow(layout: Layout<unknown>): Consolidating {
  const n = layout.entries.length;
  const avg = new Float64Array(n);
  const min = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const max = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  return { layout, avg, min, max, known: new Float64Array(n) };
}

/** Adds `count` samples with these mean and extremes to a running consolidation (avg holds the sum). */
function accumulate(row: Consolidating, i: number, avg: number, low: number, high: number, count: number) {
  if (count === 0 || Number.isNaN(avg)) return;
  row.avg[i] += avg * count;
  row.known[i] += count;
  if (low < row.min[i]) row.min[i] = low;
  if (high > row.max[i]) row.max[i] = high;
}

/** Turns the running sums into means; a value with no known sample is NaN. */
function finish(row: Consolidating): ArchiveRow {
  for (let i = 0; i < row.avg.length; i++) {
    if (row.known[i] > 0) row.avg[i] /= row.known[i];
    else row.avg[i] = row.min[i] = row.max[i] = Number.NaN;
  }
  return row;
}

/** A cached row brought to the current layout: a source that is new, or whose history was forgotten, is unknown. */
function remap(row: ArchiveRow, layout: Layout<unknown>): ArchiveRow {
  const out = row.known ? emptyRow(layout) : sampleRow(layout, new Float64Array(layout.entries.length));
  layout.entries.forEach((entry, j) => {
    const i = row.layout.indexOf(entry.spec.name);
    const kept = i !== undefined && row.layout.entries[i].since === entry.since;
    out.avg[j] = kept ? row.avg[i] : Number.NaN;
    if (!out.known) return;
    out.min[j] = kept ? row.min[i] : Number.NaN;
    out.max[j] = kept ? row.max[i] : Number.NaN;
    out.known[j] = kept ? knownAt(row, i) : 0;
  });
  return out;
}

export class RowStore {
  private readonly cache: Map<number, ArchiveRow>[] = TIMESCALES.map(() => new Map());
  private readonly scratch = { avg: new Float64Array(0), low: new Float64Array(0), high: new Float64Array(0) };

  constructor(
    private readonly series: Series,
    private readonly now: () => number,
  ) {}

  /** The value a row shows for a consolidation function: NaN when too few samples are known. */
  static value(row: ArchiveRow, level: number, cf: 'AVERAGE' | 'MIN' | 'MAX', i: number): number {
    if (knownAt(row, i) < TIMESCALES[level].pdps * (1 - XFF)) return Number.NaN;
    return cf === 'AVERAGE' ? row.avg[i] : cf === 'MIN' ? row.min[i] : row.max[i];
  }

  /** The row of archive `level` ending at `t` (a multiple of its step), in the current layout. */
  row(level: number, t: number): ArchiveRow {
    const layout = this.series.layout() as Layout<unknown>;
    const cache = this.cache[level];
    const cached = cache.get(t);
    if (cached) {
      if (cached.layout === layout) return cached;
      const remapped = remap(cached, layout);
      cache.set(t, remapped);
      return remapped;
    }
    const row = this.compute(level, t, layout);
    this.keep(level, t, row);
    return row;
  }

  private keep(level: number, t: number, row: ArchiveRow) {
    const cache = this.cache[level];
    const oldest = lastRowTime(level, this.now()) - (TIMESCALES[level].rows + KEEP_EXTRA[level]) * stepOf(level);
    if (t <= oldest) return;
    cache.set(t, row);
    if (cache.size > TIMESCALES[level].rows + 2 * KEEP_EXTRA[level]) {
      for (const time of cache.keys()) if (time <= oldest) cache.delete(time);
    }
  }

  private compute(level: number, t: number, layout: Layout<unknown>): ArchiveRow {
    if (level === 0) return this.sample(t, layout);
    const now = this.now();
    const exact =
      level === 1 ||
      (level === HOUR_LEVEL && t > lastRowTime(1, now) - TIMESCALES[1].rows * stepOf(1)) ||
      (level === DAY_LEVEL && t > lastRowTime(HOUR_LEVEL, now) - TIMESCALES[HOUR_LEVEL].rows * stepOf(HOUR_LEVEL));
    return exact ? this.consolidate(level, t, layout) : this.summarise(level, t, layout);
  }

  private sample(t: number, layout: Layout<unknown>): ArchiveRow {
    const values = new Float64Array(layout.entries.length);
    this.series.sample({ kind: 'sample', t }, values);
    return sampleRow(layout, values);
  }

  /** The row from the finer archive's rows it spans. */
  private consolidate(level: number, t: number, layout: Layout<unknown>): ArchiveRow {
    const row = emptyRow(layout);
    const n = row.avg.length;
    const childStep = stepOf(level - 1);
    for (let child = t - stepOf(level) + childStep; child <= t; child += childStep) {
      // A sample older than the 5-second archive is used once, here: no row is made for it.
      if (level === 1 && !this.cache[0].has(child)) {
        const values = this.buffers(n).avg;
        this.series.sample({ kind: 'sample', t: child }, values);
        for (let i = 0; i < n; i++) accumulate(row, i, values[i], values[i], values[i], 1);
        continue;
      }
      const c = this.row(level - 1, child);
      for (let i = 0; i < n; i++) accumulate(row, i, c.avg[i], c.min[i], c.max[i], knownAt(c, i));
    }
    return finish(row);
  }

  private buffers(n: number) {
    if (this.scratch.avg.length < n) {
      this.scratch.avg = new Float64Array(n);
      this.scratch.low = new Float64Array(n);
      this.scratch.high = new Float64Array(n);
    }
    return this.scratch;
  }

  /** The row from the workload model summarised over sub-windows, where no finer archive reaches. */
  private summarise(level: number, t: number, layout: Layout<unknown>): ArchiveRow {
    const row = emptyRow(layout);
    const n = layout.entries.length;
    const { avg, low, high } = this.buffers(n);
    const span = stepOf(level) / SUB_WINDOWS[level];
    const samples = span / STEP_S;
    for (let from = t - stepOf(level); from < t; from += span) {
      const at = (bound: Bound, out: Float64Array) =>
        this.series.sample({ kind: 'window', from, to: from + span, bound }, out);
      at('avg', avg);
      at('low', low);
      at('high', high);
      for (let i = 0; i < n; i++) {
        accumulate(row, i, avg[i], Math.min(avg[i], low[i], high[i]), Math.max(avg[i], low[i], high[i]), samples);
      }
    }
    return finish(row);
  }
}
