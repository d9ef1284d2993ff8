/**
 * 8×16 glyphs for drawing text into a framebuffer: printable ASCII from the public-domain
 * font8x8 with each row doubled (the shape of a VGA text-mode font), box drawing and
 * block characters generated from their strokes, and '?' for anything else.
 */
import { FONT8X8_BASIC, FONT8X8_FIRST } from './font8x8-basic';

export const GLYPH_WIDTH = 8;
export const GLYPH_HEIGHT = 16;

/** A glyph: GLYPH_HEIGHT rows, top first; bit 0 of each row is the leftmost pixel. */
export type Glyph = Uint8Array;

/** The strokes of a box-drawing character: up, right, down, left; 1 light, 2 heavy, 3 double. */
const BOX: Record<number, [number, number, number, number]> = {
  9472: [0, 1, 0, 1],
  9473: [0, 2, 0, 2],
  9474: [1, 0, 1, 0],
  9475: [2, 0, 2, 0],
  9484: [0, 1, 1, 0],
  9488: [0, 0, 1, 1],
  9492: [1, 1, 0, 0],
  9496: [1, 0, 0, 1],
  9500: [1, 1, 1, 0],
  9508: [1, 0, 1, 1],
  9516: [0, 1, 1, 1],
  9524: [1, 1, 0, 1],
  9532: [1, 1, 1, 1],
  9552: [0, 3, 0, 3],
  9553: [3, 0, 3, 0],
  9556: [0, 3, 3, 0],
  9559: [0, 0, 3, 3],
  9562: [3, 3, 0, 0],
  9565: [3, 0, 0, 3],
};

/** Columns (bit masks) and rows a stroke of each weight occupies. */
const VERTICAL = [0, 0b00001000, 0b00011000, 0b00100100];
const HORIZONTAL_ROWS: number[][] = [[], [8], [7, 8], [6, 9]];

function boxGlyph([up, right, down, left]: [number, number, number, number]): Glyph {
  const rows = new Uint8Array(GLYPH_HEIGHT);
  const horizontal = HORIZONTAL_ROWS[Math.max(right, left) || 1];
  // Vertical strokes reach the horizontal one's far edge, so corners close.
  const reachDown = Math.max(...horizontal);
  const reachUp = Math.min(...horizontal);
  for (let y = 0; y < GLYPH_HEIGHT; y++) {
    if (up && y <= reachDown) rows[y] |= VERTICAL[up];
    if (down && y >= reachUp) rows[y] |= VERTICAL[down];
  }
  // Horizontal strokes run from the cell's edge across the vertical stroke.
  const vertical = VERTICAL[Math.max(up, down) || 1];
  const lowest = vertical & -vertical;
  const highest = 1 << (31 - Math.clz32(vertical));
  for (const y of HORIZONTAL_ROWS[right]) rows[y] |= 0xff & ~(lowest - 1);
  for (const y of HORIZONTAL_ROWS[left]) rows[y] |= (highest << 1) - 1;
  return rows;
}

function filled(fromRow: number, toRow: number, mask = 0xff): Glyph {
  const rows = new Uint8Array(GLYPH_HEIGHT);
  for (let y = fromRow; y < toRow; y++) rows[y] = mask;
  return rows;
}

function shade(pattern: [number, number]): Glyph {
  return Uint8Array.from({ length: GLYPH_HEIGHT }, (_, y) => pattern[y % 2]);
}

const SPECIAL: Record<number, () => Glyph> = {
  9608: () => filled(0, 16),
  9600: () => filled(0, 8),
  9604: () => filled(8, 16),
  9612: () => filled(0, 16, 0x0f),
  9616: () => filled(0, 16, 0xf0),
  9617: () => shade([0x11, 0x44]),
  9618: () => shade([0x55, 0xaa]),
  9619: () => shade([0xee, 0xbb]),
  // A filled circle, as a password box shows each typed character.
  9679: () => Uint8Array.from([0, 0, 0, 0, 0, 0x3c, 0x7e, 0x7e, 0x7e, 0x7e, 0x3c, 0, 0, 0, 0, 0]),
  8226: () => Uint8Array.from([0, 0, 0, 0, 0, 0, 0x18, 0x3c, 0x3c, 0x18, 0, 0, 0, 0, 0, 0]),
};

function asciiGlyph(code: number): Glyph {
  const rows = new Uint8Array(GLYPH_HEIGHT);
  const at = (code - FONT8X8_FIRST) * 16;
  for (let y = 0; y < 8; y++) {
    const byte = Number.parseInt(FONT8X8_BASIC.slice(at + y * 2, at + y * 2 + 2), 16);
    rows[y * 2] = byte;
    rows[y * 2 + 1] = byte;
  }
  return rows;
}

const cache = new Map<number, Glyph>();

export function glyph(codePoint: number): Glyph {
  let g = cache.get(codePoint);
  if (!g) {
    if (codePoint >= FONT8X8_FIRST && codePoint < 0x7f) g = asciiGlyph(codePoint);
    else if (BOX[codePoint]) g = boxGlyph(BOX[codePoint]);
    else if (SPECIAL[codePoint]) g = SPECIAL[codePoint]();
    else if (codePoint === 0xa0) g = asciiGlyph(0x20);
    else g = asciiGlyph(0x3f);
    cache.set(codePoint, g);
  }
  return g;
}
