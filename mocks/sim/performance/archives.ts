/**
 * The round-robin archives rrdd keeps for every RRD (rrdd_shared.ml timescales,
 * rrdd_monitor.ml create_rras): 5-second samples for 10 minutes, then 1-minute rows for
 * 2 hours, 1-hour rows for a week and 1-day rows for a year. The 5-second archive is
 * AVERAGE only; the others also have MIN and MAX when the RRD keeps them (always for a
 * host, for a VM only when the pool asks, see recorder.ts). Rows are aligned on their
 * step since the epoch, so a day runs midnight to midnight UTC.
 */
import { STEP_S } from './workload';

export type ConsolidationFunction = 'AVERAGE' | 'MIN' | 'MAX';

export interface Timescale {
  /** 5-second samples per row. */
  pdps: number;
  rows: number;
}

export const TIMESCALES: readonly Timescale[] = [
  { pdps: 1, rows: 120 },
  { pdps: 12, rows: 120 },
  { pdps: 720, rows: 168 },
  { pdps: 17_280, rows: 366 },
];

export const stepOf = (level: number) => TIMESCALES[level].pdps * STEP_S;

/** The newest complete row of a level at `now` (seconds): rrd.ml's get_times. */
export const lastRowTime = (level: number, now: number) => Math.floor(now / stepOf(level)) * stepOf(level);

export interface Archive {
  cf: ConsolidationFunction;
  /** Index into TIMESCALES. */
  level: number;
}

/** An RRD's archives in rrdd's order: per timescale, AVERAGE then MIN then MAX. */
export function archivesOf(minMax: boolean): Archive[] {
  return TIMESCALES.flatMap((timescale, level): Archive[] =>
    timescale.pdps > 1 && minMax
      ? [
          { cf: 'AVERAGE', level },
          { cf: 'MIN', level },
          { cf: 'MAX', level },
        ]
      : [{ cf: 'AVERAGE', level }],
  );
}

/** The archive cannot answer: rrd.ml's No_RRA_Available, which rrdd lets escape as an HTTP 500. */
export class NoArchiveAvailable extends Error {
  constructor() {
    super('Rrd.No_RRA_Available');
  }
}

/**
 * rrd.ml's find_best_rras: the first archive (with the wanted consolidation, if one is
 * named) at least `pdpInterval` samples wide whose span still reaches back past `start`,
 * and its siblings of the same resolution; failing that, those of the longest archive.
 */
export function findBestArchives(
  archives: readonly Archive[],
  pdpInterval: number,
  cf: ConsolidationFunction | 'LAST' | undefined,
  start: number,
  now: number,
): Archive[] {
  const candidates = cf ? archives.filter((a) => a.cf === cf) : archives;
  if (candidates.length === 0) throw new NoArchiveAvailable();
  const lastPdp = lastRowTime(0, now);
  const reaches = (t: number, a: Archive) => {
    const { pdps, rows } = TIMESCALES[a.level];
    return pdps >= pdpInterval && t > lastPdp - STEP_S * rows * pdps;
  };
  const first = candidates.find((a) => reaches(start, a));
  if (first) return candidates.filter((a) => a.level === first.level);
  const longest = TIMESCALES[candidates[candidates.length - 1].level];
  const oldest = 1 + lastPdp - STEP_S * longest.rows * longest.pdps;
  return candidates.filter((a) => reaches(oldest, a));
}
