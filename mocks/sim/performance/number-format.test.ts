import { describe, expect, it } from 'vitest';
import { formatRrdValue } from './number-format';

describe("rrdd's number format", () => {
  it.each([
    [0, '0.0'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [Number.NEGATIVE_INFINITY, '-Infinity'],
    [5, '5'],
    [100, '100'],
    [4294967296, '4294967296'],
    [0.5, '0.5'],
    [-0.25, '-0.25'],
    [104857.6, '104857.6'],
    [-1234.5678, '-1234.5678'],
    [0.12345678901234568, '0.123456789012346'],
    [1 / 3, '0.333333333333333'],
    [0.0001, '0.0001'],
    [99999.99999999999, '100000'],
    [123456789012345.6, '123456789012346'],
    [(2 / 3) * 1e-4, '6.66666666666667e-05'],
    [1.234e-5, '1.234e-05'],
    [1e-7, '1e-07'],
    [1e15, '1e+15'],
    [1.2345678901234568e18, '1.23456789012346e+18'],
    [1.5e300, '1.5e+300'],
  ])('writes %d as C printf "%%.15g" does: %s', (value, text) => {
    expect(formatRrdValue(value)).toBe(text);
  });

  it('keeps 15 significant digits, so a value survives the trip to within one part in 1e14', () => {
    for (let i = 1; i < 2000; i++) {
      const value = Math.sin(i) * 10 ** ((i % 19) - 4);
      const back = Number(formatRrdValue(value));
      expect(Math.abs(back - value)).toBeLessThanOrEqual(Math.abs(value) * 1e-14);
    }
  });
});
