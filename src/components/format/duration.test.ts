import { describe, expect, it } from 'vitest';
import { formatStopwatch, significantUnits, splitDuration } from './duration';

const s = 1000;
const min = 60 * s;
const h = 60 * min;
const day = 24 * h;

describe('splitDuration', () => {
  it('splits into days, hours, minutes and whole seconds', () => {
    expect(splitDuration(2 * day + 3 * h + 4 * min + 5 * s + 999)).toEqual({
      days: 2,
      hours: 3,
      minutes: 4,
      seconds: 5,
    });
  });

  it('never goes negative (a clock a little behind the server)', () => {
    expect(splitDuration(-5 * s)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 0 });
  });
});

describe('formatStopwatch', () => {
  it('shows minutes and seconds, adding hours only when there are some', () => {
    expect(formatStopwatch(42 * s)).toBe('0:42');
    expect(formatStopwatch(12 * min + 5 * s)).toBe('12:05');
    expect(formatStopwatch(h + 2 * min + 3 * s)).toBe('1:02:03');
    expect(formatStopwatch(day + h)).toBe('25:00:00');
  });
});

describe('significantUnits', () => {
  it('keeps the two largest units', () => {
    expect(significantUnits(3 * day + 4 * h + 5 * min)).toEqual({ days: 3, hours: 4 });
    expect(significantUnits(4 * h + 5 * min + 6 * s)).toEqual({ hours: 4, minutes: 5 });
    expect(significantUnits(5 * min + 6 * s)).toEqual({ minutes: 5 });
    expect(significantUnits(6 * s)).toEqual({ seconds: 6 });
  });
});
