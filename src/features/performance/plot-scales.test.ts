import { describe, expect, it } from 'vitest';
import { linePath, maxOf, nearestIndex, timeTicks, valueTicks } from './plot-scales';

const GiB = 1024 ** 3;

describe('axis ticks', () => {
  it('keeps fractions on a fixed 0–100 % scale', () => {
    expect(valueTicks('fraction', 0.03)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('steps sizes by round binary multiples, up past the largest value', () => {
    expect(valueTicks('bytes', 3.5 * GiB)).toEqual([0, GiB, 2 * GiB, 3 * GiB, 4 * GiB]);
    expect(valueTicks('bytesPerSecond', 900 * 1024)).toEqual([0, 250 * 1024, 500 * 1024, 750 * 1024, 1000 * 1024]);
  });

  it('steps plain numbers by 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(valueTicks('number', 7)).toEqual([0, 2, 4, 6, 8]);
    expect(valueTicks('number', 0.9)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('has a scale even with no data', () => {
    expect(valueTicks('bytes', Number.NEGATIVE_INFINITY)).toEqual([0, 1]);
  });

  it('spreads time ticks evenly', () => {
    expect(timeTicks(0, 100, 5)).toEqual([0, 25, 50, 75, 100]);
  });
});

describe('lines', () => {
  it('breaks where a value is missing', () => {
    const path = linePath([0, 10, 20, 30], [1, Number.NaN, 3, 4], 0, 4, (v) => 100 - v);
    expect(path).toBe('M0.0 99.0M20.0 97.0L30.0 96.0');
  });

  it('draws only the rows asked for', () => {
    expect(linePath([0, 10, 20], [1, 2, 3], 1, 2, (v) => v)).toBe('M10.0 2.0');
  });

  it('finds the largest value within the rows shown', () => {
    expect(maxOf([{ values: [1, 9, 2] }, { values: [3, Number.NaN, 4] }], 2, 3)).toBe(4);
  });

  it('finds the nearest time', () => {
    expect(nearestIndex([0, 10, 20], 14)).toBe(1);
    expect(nearestIndex([0, 10, 20], 16)).toBe(2);
    expect(nearestIndex([0, 10, 20], -5)).toBe(0);
    expect(nearestIndex([0, 10, 20], 99)).toBe(2);
    expect(nearestIndex([0, 10, 20, 30], 99, 0, 2)).toBe(1);
    expect(nearestIndex([0, 10, 20, 30], -5, 2, 4)).toBe(2);
  });
});
