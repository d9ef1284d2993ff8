/**
 * The workloads guests run, each as a smooth activity level over time (0 to 1) and
 * what full activity costs in CPU, memory, network and disk. The level is a plain
 * function of time and the guest's key, so any moment can be computed directly: a web
 * server follows the working day and the week, batch jobs run in bursts on a schedule,
 * a database is busy in office hours and during its nightly backup, a noisy neighbour
 * jumps between high plateaus, an idle guest wakes for its cron jobs.
 */
import type { Workload } from '../hardware';
import { uniform } from './noise';

/** The smooth level over a window: its mean, and the lowest and highest it reaches. */
export interface Activity {
  avg: number;
  low: number;
  high: number;
}

export interface WorkloadProfile {
  /** Smooth activity at Unix time `t` (seconds) for the guest with `key`. */
  level(t: number, key: number): number;
  /** The level over (from, to]. */
  window(from: number, to: number, key: number): Activity;
  /** How far one 5-second sample strays from the level, relative to it. */
  jitter: number;
  /** Memory the guest's processes use at a level, as a fraction of its static maximum. */
  memoryInUse(level: number): number;
  /** Network bytes per second at full activity, and the share of it sent. */
  networkBytes: number;
  sentShare: number;
  /** Disk bytes per second read and written at full activity. */
  diskReadBytes: number;
  diskWriteBytes: number;
  /** Bytes per disk request. */
  requestBytes: number;
}

/** The control domain is not a guest but runs a workload of its own. */
export type WorkloadKind = Workload | 'control-domain';

const HOUR = 3600;
const DAY = 86_400;
const NOISY_PLATEAU_S = 600;

/** Guests serve people in a few time zones; the key picks one, in hours from UTC. */
const TIME_ZONES = [0, 1, 1, 2, -5, 8];
const localTime = (t: number, key: number) => t + TIME_ZONES[key % TIME_ZONES.length] * HOUR;
const hourOfDay = (t: number, key: number) => (((localTime(t, key) % DAY) + DAY) % DAY) / HOUR;

/** 0 at 03:30 local time, 1 at 15:30: the shape of a working day. */
function dayCurve(t: number, key: number): number {
  return 0.5 - 0.5 * Math.cos((2 * Math.PI * (hourOfDay(t, key) - 3.5)) / 24);
}

/** Weekends are quieter. 1970-01-01, day 0, was a Thursday. */
function weekFactor(t: number, key: number): number {
  const weekday = (Math.floor(localTime(t, key) / DAY) + 4) % 7;
  return weekday === 0 || weekday === 6 ? 0.55 : 1;
}

/** The level over a window by sampling it: enough for levels that change over hours. */
function sampled(level: (t: number, key: number) => number, points = 12) {
  return (from: number, to: number, key: number): Activity => {
    let sum = 0;
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < points; i++) {
      const v = level(from + ((i + 0.5) * (to - from)) / points, key);
      sum += v;
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
    return { avg: sum / points, low, high };
  };
}

/** The share of (from, to] that falls inside a repeating on-period: `onS` seconds every `periodS`, shifted by `phaseS`. */
function onShare(from: number, to: number, periodS: number, onS: number, phaseS: number): number {
  const onBefore = (t: number) => {
    const shifted = t + phaseS;
    const cycles = Math.floor(shifted / periodS);
    return cycles * onS + Math.min(onS, shifted - cycles * periodS);
  };
  return (onBefore(to) - onBefore(from)) / (to - from);
}

/** Two levels switched on a schedule: the window's mean follows the time spent in each. */
function scheduled(
  base: number,
  on: number,
  schedule: (key: number) => { periodS: number; onS: number; phaseS: number },
) {
  return {
    level(t: number, key: number) {
      const { periodS, onS, phaseS } = schedule(key);
      const position = (((t + phaseS) % periodS) + periodS) % periodS;
      return position < onS ? on : base;
    },
    window(from: number, to: number, key: number): Activity {
      const { periodS, onS, phaseS } = schedule(key);
      const share = onShare(from, to, periodS, onS, phaseS);
      return { avg: base + (on - base) * share, low: share < 1 ? base : on, high: share > 0 ? on : base };
    },
  };
}

/** Cron jobs every quarter of an hour, for half a minute. */
const idle = scheduled(0.015, 0.25, (key) => ({ periodS: 900, onS: 30, phaseS: key % 900 }));

/** A batch job every one to six hours, running a quarter of an hour to three quarters. */
const batch = scheduled(0.02, 0.92, (key) => ({
  periodS: [1, 2, 3, 4, 6][key % 5] * HOUR,
  onS: (15 + (key % 4) * 10) * 60,
  phaseS: key % HOUR,
}));

const webLevel = (t: number, key: number) => 0.05 + 0.6 * dayCurve(t, key) ** 1.3 * weekFactor(t, key);

/** Office hours, plus the nightly backup from 02:00 to 03:00 local time. */
function databaseLevel(t: number, key: number): number {
  const backup = Math.floor(hourOfDay(t, key)) === 2 ? 0.3 : 0;
  return 0.15 + 0.3 * dayCurve(t, key) * weekFactor(t, key) + backup;
}

/** A new plateau every ten minutes, anywhere from half to full load. */
const noisyLevel = (t: number, key: number) => 0.5 + 0.45 * uniform(key, 0x6e6f6973, Math.floor(t / NOISY_PLATEAU_S));

function noisyWindow(from: number, to: number, key: number): Activity {
  let weighted = 0;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let start = Math.floor(from / NOISY_PLATEAU_S) * NOISY_PLATEAU_S; start < to; start += NOISY_PLATEAU_S) {
    const v = noisyLevel(start, key);
    weighted += v * (Math.min(to, start + NOISY_PLATEAU_S) - Math.max(from, start));
    low = Math.min(low, v);
    high = Math.max(high, v);
  }
  return { avg: weighted / (to - from), low, high };
}

const controlDomainLevel = (t: number, key: number) => 0.04 + 0.04 * dayCurve(t, key);

export const WORKLOAD_PROFILES: Record<WorkloadKind, WorkloadProfile> = {
  idle: {
    ...idle,
    jitter: 0.5,
    memoryInUse: (level) => 0.22 + 0.05 * level,
    networkBytes: 200_000,
    sentShare: 0.5,
    diskReadBytes: 500_000,
    diskWriteBytes: 1_000_000,
    requestBytes: 8192,
  },
  web: {
    level: webLevel,
    window: sampled(webLevel),
    jitter: 0.3,
    memoryInUse: (level) => 0.35 + 0.3 * level,
    networkBytes: 25_000_000,
    sentShare: 0.8,
    diskReadBytes: 4_000_000,
    diskWriteBytes: 2_000_000,
    requestBytes: 16_384,
  },
  batch: {
    ...batch,
    jitter: 0.12,
    memoryInUse: (level) => 0.2 + 0.55 * level,
    networkBytes: 8_000_000,
    sentShare: 0.3,
    diskReadBytes: 60_000_000,
    diskWriteBytes: 80_000_000,
    requestBytes: 262_144,
  },
  database: {
    level: databaseLevel,
    window: sampled(databaseLevel),
    jitter: 0.2,
    memoryInUse: (level) => 0.88 + 0.08 * level,
    networkBytes: 12_000_000,
    sentShare: 0.6,
    diskReadBytes: 50_000_000,
    diskWriteBytes: 30_000_000,
    requestBytes: 8192,
  },
  noisy: {
    level: noisyLevel,
    window: noisyWindow,
    jitter: 0.5,
    memoryInUse: (level) => 0.55 + 0.2 * level,
    networkBytes: 60_000_000,
    sentShare: 0.5,
    diskReadBytes: 40_000_000,
    diskWriteBytes: 40_000_000,
    requestBytes: 65_536,
  },
  'control-domain': {
    level: controlDomainLevel,
    window: sampled(controlDomainLevel),
    jitter: 0.4,
    memoryInUse: (level) => 0.45 + 0.1 * level,
    networkBytes: 0,
    sentShare: 0.5,
    diskReadBytes: 0,
    diskWriteBytes: 0,
    requestBytes: 4096,
  },
};
