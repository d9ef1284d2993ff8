import { describe, expect, it } from 'vitest';
import { valueAtFraction, valueForKey } from './slider-keys';

const bounds = { min: 100, max: 1000, step: 64, pageStep: 512 };

describe('valueForKey', () => {
  it('moves one step on the grid with the arrows, in both directions', () => {
    expect(valueForKey('ArrowRight', 128, bounds)).toBe(192);
    expect(valueForKey('ArrowUp', 130, bounds)).toBe(192);
    expect(valueForKey('ArrowLeft', 130, bounds)).toBe(128);
    expect(valueForKey('ArrowDown', 128, bounds)).toBe(100);
  });

  it('moves a large step with Page Up and Page Down, and stops at the bounds', () => {
    expect(valueForKey('PageUp', 128, bounds)).toBe(512);
    expect(valueForKey('PageUp', 900, bounds)).toBe(1000);
    expect(valueForKey('PageDown', 600, bounds)).toBe(512);
    expect(valueForKey('PageDown', 300, bounds)).toBe(100);
  });

  it('jumps to the ends with Home and End, and ignores other keys', () => {
    expect(valueForKey('Home', 500, bounds)).toBe(100);
    expect(valueForKey('End', 500, bounds)).toBe(1000);
    expect(valueForKey('a', 500, bounds)).toBeUndefined();
  });
});

describe('valueAtFraction', () => {
  it('maps the track to values on the grid, within the thumb bounds', () => {
    expect(valueAtFraction(0.5, 0, 1024, { ...bounds, min: 0, max: 1024 })).toBe(512);
    expect(valueAtFraction(0.9, 0, 1024, bounds)).toBe(896);
    expect(valueAtFraction(1.2, 0, 2048, bounds)).toBe(1000);
    expect(valueAtFraction(-1, 0, 1024, bounds)).toBe(100);
  });
});
