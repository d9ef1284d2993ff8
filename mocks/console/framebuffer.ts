/**
 * A guest's screen as pixels: 0x00RRGGBB per pixel, row by row, with the few drawing
 * operations a text console and a logon screen need.
 */
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyph } from './font';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export class Framebuffer {
  pixels: Uint32Array;

  constructor(
    public width: number,
    public height: number,
  ) {
    this.pixels = new Uint32Array(width * height);
  }

  /** A new size; the picture is lost (the guest redraws). */
  resize(width: number, height: number): void {
    this.width = width;
    this.height = height;
    this.pixels = new Uint32Array(width * height);
  }

  get bounds(): Rect {
    return { x: 0, y: 0, w: this.width, h: this.height };
  }

  fillRect(x: number, y: number, w: number, h: number, colour: number): void {
    const x0 = Math.max(0, x);
    const x1 = Math.min(this.width, x + w);
    for (let row = Math.max(0, y); row < Math.min(this.height, y + h); row++) {
      this.pixels.fill(colour, row * this.width + x0, row * this.width + x1);
    }
  }

  /** One character cell: `bg` behind (unless undefined: transparent), `scale` times the glyph's size. */
  drawChar(x: number, y: number, codePoint: number, fg: number, bg?: number, scale = 1): void {
    const rows = glyph(codePoint);
    if (
      scale === 1 &&
      bg !== undefined &&
      x >= 0 &&
      y >= 0 &&
      x + GLYPH_WIDTH <= this.width &&
      y + GLYPH_HEIGHT <= this.height
    ) {
      // A text console redraws thousands of cells: write them straight into the pixels.
      for (let gy = 0; gy < GLYPH_HEIGHT; gy++) {
        const bits = rows[gy];
        let at = (y + gy) * this.width + x;
        for (let gx = 0; gx < GLYPH_WIDTH; gx++) this.pixels[at++] = (bits >> gx) & 1 ? fg : bg;
      }
      return;
    }
    for (let gy = 0; gy < GLYPH_HEIGHT; gy++) {
      const bits = rows[gy];
      for (let gx = 0; gx < GLYPH_WIDTH; gx++) {
        const on = (bits >> gx) & 1;
        if (!on && bg === undefined) continue;
        this.fillRect(x + gx * scale, y + gy * scale, scale, scale, on ? fg : (bg as number));
      }
    }
  }

  /** A line of text from (x, y), its top left corner. */
  drawText(x: number, y: number, text: string, fg: number, bg?: number, scale = 1): void {
    let cx = x;
    for (const ch of text) {
      this.drawChar(cx, y, ch.codePointAt(0)!, fg, bg, scale);
      cx += GLYPH_WIDTH * scale;
    }
  }

  /** The width `text` takes at `scale`. */
  static textWidth(text: string, scale = 1): number {
    return [...text].length * GLYPH_WIDTH * scale;
  }

  /** A filled disc, for avatars and bullets. */
  fillCircle(cx: number, cy: number, radius: number, colour: number): void {
    for (let dy = -radius; dy <= radius; dy++) {
      const half = Math.floor(Math.sqrt(radius * radius - dy * dy));
      this.fillRect(cx - half, cy + dy, half * 2 + 1, 1, colour);
    }
  }
}

/** The smallest rectangle holding all of `rects`. */
export function boundingBox(rects: Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.w));
  const bottom = Math.max(...rects.map((r) => r.y + r.h));
  return { x, y, w: right - x, h: bottom - y };
}

/** `rect` cut to the `width` × `height` screen; undefined when nothing is left. */
export function clip(rect: Rect, width: number, height: number): Rect | undefined {
  const x = Math.max(0, rect.x);
  const y = Math.max(0, rect.y);
  const w = Math.min(width, rect.x + rect.w) - x;
  const h = Math.min(height, rect.y + rect.h) - y;
  return w > 0 && h > 0 ? { x, y, w, h } : undefined;
}
