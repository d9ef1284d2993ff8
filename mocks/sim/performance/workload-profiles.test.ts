import { describe, expect, it } from 'vitest';
import { WORKLOAD_PROFILES } from './workload-profiles';

const HOUR = 3600;
/** 2026-01-05, a Monday, 00:00 UTC; key 0 is a guest on UTC. */
const MONDAY = Date.UTC(2026, 0, 5) / 1000;
const KEY = 0;

/** The mean of a level over a window, by brute force: one sample in the middle of each second. */
function bruteMean(level: (t: number, key: number) => number, from: number, to: number): number {
  let sum = 0;
  for (let t = from + 0.5; t < to; t++) sum += level(t, KEY);
  return sum / (to - from);
}

describe('workload profiles', () => {
  it('has web servers follow the working day and the week', () => {
    const { level } = WORKLOAD_PROFILES.web;
    expect(level(MONDAY + 15.5 * HOUR, KEY)).toBeGreaterThan(5 * level(MONDAY + 3.5 * HOUR, KEY));
    const saturday = MONDAY + 5 * 24 * HOUR;
    expect(level(saturday + 15.5 * HOUR, KEY)).toBeLessThan(0.7 * level(MONDAY + 15.5 * HOUR, KEY));
  });

  it('has databases busy with their backup at 2 a.m. and using most of their memory', () => {
    const db = WORKLOAD_PROFILES.database;
    expect(db.level(MONDAY + 2.5 * HOUR, KEY)).toBeGreaterThan(db.level(MONDAY + 4 * HOUR, KEY) + 0.25);
    expect(db.memoryInUse(0)).toBeGreaterThan(0.85);
    expect(WORKLOAD_PROFILES.idle.memoryInUse(1)).toBeLessThan(0.3);
  });

  it('runs batch jobs in bursts, either flat out or next to idle', () => {
    const { level } = WORKLOAD_PROFILES.batch;
    const levels = new Set(Array.from({ length: 24 * 60 }, (_, m) => level(MONDAY + m * 60, KEY)));
    expect([...levels].sort()).toEqual([0.02, 0.92]);
  });

  it.each(Object.keys(WORKLOAD_PROFILES) as (keyof typeof WORKLOAD_PROFILES)[])(
    "summarises a window of %s's level by its mean and extremes",
    (name) => {
      const profile = WORKLOAD_PROFILES[name];
      for (const [from, span] of [
        [MONDAY + 7 * 60, 300],
        [MONDAY + 1.75 * HOUR, 3 * HOUR],
      ]) {
        const { avg, low, high } = profile.window(from, from + span, KEY);
        expect(low).toBeLessThanOrEqual(avg);
        expect(avg).toBeLessThanOrEqual(high);
        // Sampled profiles estimate smooth levels; the scheduled ones are exact.
        const tolerance = name === 'web' || name === 'database' || name === 'control-domain' ? 0.05 : 1e-9;
        expect(Math.abs(avg - bruteMean(profile.level, from, from + span)), `${name} at ${from}`).toBeLessThan(
          tolerance,
        );
      }
    },
  );
});
