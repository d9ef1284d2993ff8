/**
 * The four ranges a Performance tab shows, one per archive XAPI keeps (rrdd's
 * timescales: 120 rows of 5 s, 120 of 1 min, 168 of 1 h, 366 of 1 day), and the
 * /rrd_updates query that reads each whole.
 */
import type { RrdConsolidation, RrdUpdatesQuery } from '../../xapi/rrd-updates';

export type RangeId = 'live' | 'hours' | 'week' | 'year';

export interface TimeRange {
  id: RangeId;
  stepSeconds: number;
  rows: number;
}

export const TIME_RANGES: readonly TimeRange[] = [
  { id: 'live', stepSeconds: 5, rows: 120 },
  { id: 'hours', stepSeconds: 60, rows: 120 },
  { id: 'week', stepSeconds: 3_600, rows: 168 },
  { id: 'year', stepSeconds: 86_400, rows: 366 },
];

export const rangeById = (id: RangeId): TimeRange => TIME_RANGES.find((range) => range.id === id) ?? TIME_RANGES[0];

/** The finest archive keeps single samples: there, minimum and maximum are the average. */
export const hasMinMax = (range: TimeRange) => range.id !== 'live';

/**
 * `start` counts back from the host's last update, so the browser's clock (or the
 * simulator's virtual one) never matters. It is one second short of the archive's
 * span: rrd.ml's find_best_rras takes an archive only when it reaches strictly past
 * `start`, and a whole span would fall through to the next, coarser archive whenever
 * the last update sits on a 5-second boundary. One second short still takes every row.
 */
export function rangeQuery(range: TimeRange, cf: RrdConsolidation): Pick<RrdUpdatesQuery, 'start' | 'interval' | 'cf'> {
  return {
    start: -(range.stepSeconds * range.rows - 1),
    interval: range.stepSeconds,
    cf: hasMinMax(range) ? cf : 'AVERAGE',
  };
}

/** Poll as often as the archive gains a row. */
export const refetchMsOf = (range: TimeRange) => range.stepSeconds * 1000;
