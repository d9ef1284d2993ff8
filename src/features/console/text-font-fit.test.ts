import { describe, expect, it } from 'vitest';
import { fittedFontPx, MAX_TEXT_FONT_PX, MIN_TEXT_FONT_PX } from './text-font-fit';

describe('fittedFontPx', () => {
  it('grows the letters until 80 × 25 fills the box along its tighter side', () => {
    // At 14 px the grid measures 680 × 425; the box is twice as wide and 1.5 times as tall.
    const font = fittedFontPx(14, { width: 680, height: 425 }, { width: 1360, height: 640 });
    expect(font).toBeGreaterThan(14 * 1.4);
    expect(font).toBeLessThanOrEqual(14 * 1.5);
  });

  it('shrinks them in a box smaller than the grid, never past the smallest readable size', () => {
    expect(fittedFontPx(14, { width: 680, height: 425 }, { width: 340, height: 400 })).toBeLessThanOrEqual(7);
    expect(fittedFontPx(14, { width: 680, height: 425 }, { width: 34, height: 40 })).toBe(MIN_TEXT_FONT_PX);
    expect(fittedFontPx(14, { width: 680, height: 425 }, { width: 68_000, height: 42_500 })).toBe(MAX_TEXT_FONT_PX);
  });

  it('keeps the size while the box or the grid has not been laid out', () => {
    expect(fittedFontPx(21, { width: 0, height: 0 }, { width: 800, height: 600 })).toBe(21);
    expect(fittedFontPx(21, { width: 680, height: 425 }, { width: 0, height: 600 })).toBe(21);
  });
});
