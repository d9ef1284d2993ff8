/**
 * Draws a TextScreen into a Framebuffer, 8×16 pixels a cell in the VGA palette, redrawing
 * only the cells that changed since the last frame and reporting them as rectangles (one
 * per changed run of a row), so a keystroke costs a few cells rather than a screen.
 */
import { GLYPH_HEIGHT, GLYPH_WIDTH } from './font';
import type { Framebuffer, Rect } from './framebuffer';
import { cellColours, type TextScreen } from './text-screen';

/** The 16 colours of the Linux console (VGA's palette). */
export const PALETTE = [
  0x000000, 0xaa0000, 0x00aa00, 0xaa5500, 0x0000aa, 0xaa00aa, 0x00aaaa, 0xaaaaaa, 0x555555, 0xff5555, 0x55ff55,
  0xffff55, 0x5555ff, 0xff55ff, 0x55ffff, 0xffffff,
];

/** A cursor is an underline of the cell's last two pixel rows, as the Linux console draws it. */
const CURSOR_ROWS = 2;

export class TextDisplay {
  /** What each cell showed at the last render: char in the low 21 bits, colours above. */
  private shown: Float64Array;
  private cursorAt = -1;

  constructor(
    private readonly screen: TextScreen,
    private readonly framebuffer: Framebuffer,
  ) {
    this.shown = new Float64Array(screen.cols * screen.rows).fill(-1);
  }

  /** The size in pixels of a screen of cols × rows cells. */
  static pixelSize(cols: number, rows: number): { width: number; height: number } {
    return { width: cols * GLYPH_WIDTH, height: rows * GLYPH_HEIGHT };
  }

  /** After the screen or framebuffer changed size: everything is drawn again. */
  reset(): void {
    this.shown = new Float64Array(this.screen.cols * this.screen.rows).fill(-1);
    this.cursorAt = -1;
  }

  /** Draws what changed and returns where. */
  render(): Rect[] {
    const { screen } = this;
    const rects: Rect[] = [];
    const rows = new Set(screen.takeDirtyRows());
    const cursor = screen.cursorVisible ? screen.cursorY * screen.cols + screen.cursorX : -1;
    // The rows the cursor leaves and reaches are looked at too: its cells' keys include it.
    for (const at of [this.cursorAt, cursor]) if (at >= 0) rows.add(Math.floor(at / screen.cols));
    this.cursorAt = cursor;
    for (const y of [...rows].sort((a, b) => a - b)) {
      let first = -1;
      let last = -1;
      for (let x = 0; x < screen.cols; x++) {
        const at = y * screen.cols + x;
        const key = screen.chars[at] + screen.attrs[at] * 0x200000 + (at === cursor ? 2 ** 40 : 0);
        if (this.shown[at] === key) continue;
        this.shown[at] = key;
        this.drawCell(x, y, at === cursor);
        if (first < 0) first = x;
        last = x;
      }
      if (first >= 0) {
        rects.push({
          x: first * GLYPH_WIDTH,
          y: y * GLYPH_HEIGHT,
          w: (last - first + 1) * GLYPH_WIDTH,
          h: GLYPH_HEIGHT,
        });
      }
    }
    return rects;
  }

  private drawCell(x: number, y: number, withCursor: boolean): void {
    const at = y * this.screen.cols + x;
    const { fg, bg } = cellColours(this.screen.attrs[at]);
    const px = x * GLYPH_WIDTH;
    const py = y * GLYPH_HEIGHT;
    this.framebuffer.drawChar(px, py, this.screen.chars[at], PALETTE[fg], PALETTE[bg]);
    if (withCursor)
      this.framebuffer.fillRect(px, py + GLYPH_HEIGHT - CURSOR_ROWS, GLYPH_WIDTH, CURSOR_ROWS, PALETTE[fg]);
  }
}
