/**
 * Scaling a text console to its box. XAPI's vt100 console is a plain byte stream with
 * no message to tell the guest a new size, so the guest always writes for 80 × 25 (the
 * VGA text mode): the terminal must keep that grid, and "scale to fit" changes the size
 * of its letters instead.
 */

/** The letters' size when the console is shown at its own size. */
export const TEXT_FONT_PX = 14;
/** Smaller is unreadable; larger only blurs a big screen. */
export const MIN_TEXT_FONT_PX = 6;
export const MAX_TEXT_FONT_PX = 40;

export interface SizePx {
  width: number;
  height: number;
}

/**
 * The font size at which a terminal that measures `screen` at `fontPx` fills as much of
 * `box` as it can without spilling over, in half pixels. Cells do not grow exactly with
 * the font (the renderer rounds them to device pixels), so a little room is kept.
 */
export function fittedFontPx(fontPx: number, screen: SizePx, box: SizePx): number {
  if (screen.width <= 0 || screen.height <= 0 || box.width <= 0 || box.height <= 0) return fontPx;
  const ratio = Math.min(box.width / screen.width, box.height / screen.height) * 0.98;
  const halfPixels = Math.floor(fontPx * ratio * 2) / 2;
  return Math.min(MAX_TEXT_FONT_PX, Math.max(MIN_TEXT_FONT_PX, halfPixels));
}
