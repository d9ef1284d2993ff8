/**
 * RFB pixel formats (RFC 6143 §7.4) and the conversion of framebuffer pixels
 * (0x00RRGGBB) into whatever true-colour format a client asked for with SetPixelFormat.
 */
import type { Framebuffer, Rect } from './framebuffer';

export interface PixelFormat {
  bitsPerPixel: 8 | 16 | 32;
  depth: number;
  bigEndian: boolean;
  trueColour: boolean;
  redMax: number;
  greenMax: number;
  blueMax: number;
  redShift: number;
  greenShift: number;
  blueShift: number;
}

/** The server's own format, announced in ServerInit: 32 bits, depth 24, 0x00RRGGBB little-endian. */
export const NATIVE_FORMAT: PixelFormat = {
  bitsPerPixel: 32,
  depth: 24,
  bigEndian: false,
  trueColour: true,
  redMax: 255,
  greenMax: 255,
  blueMax: 255,
  redShift: 16,
  greenShift: 8,
  blueShift: 0,
};

/** The 16-byte PIXEL_FORMAT structure. */
export function encodePixelFormat(format: PixelFormat): Uint8Array {
  const out = new Uint8Array(16);
  const view = new DataView(out.buffer);
  view.setUint8(0, format.bitsPerPixel);
  view.setUint8(1, format.depth);
  view.setUint8(2, format.bigEndian ? 1 : 0);
  view.setUint8(3, format.trueColour ? 1 : 0);
  view.setUint16(4, format.redMax);
  view.setUint16(6, format.greenMax);
  view.setUint16(8, format.blueMax);
  view.setUint8(10, format.redShift);
  view.setUint8(11, format.greenShift);
  view.setUint8(12, format.blueShift);
  return out;
}

/** Reads a PIXEL_FORMAT; undefined for what this server cannot send (colour maps, odd sizes). */
export function decodePixelFormat(bytes: Uint8Array): PixelFormat | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, 16);
  const bitsPerPixel = view.getUint8(0);
  if (bitsPerPixel !== 8 && bitsPerPixel !== 16 && bitsPerPixel !== 32) return undefined;
  if (view.getUint8(3) === 0) return undefined;
  return {
    bitsPerPixel,
    depth: view.getUint8(1),
    bigEndian: view.getUint8(2) !== 0,
    trueColour: true,
    redMax: view.getUint16(4),
    greenMax: view.getUint16(6),
    blueMax: view.getUint16(8),
    redShift: view.getUint8(10),
    greenShift: view.getUint8(11),
    blueShift: view.getUint8(12),
  };
}

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Writes `rect` of the framebuffer at `offset` in the client's format; returns the bytes
 * written. 32-bit formats with 8-bit channels (what noVNC and most viewers ask for) take
 * a fast path of one shift-and-store per pixel, or of a copy per row in the server's own.
 */
export function writePixels(fb: Framebuffer, rect: Rect, format: PixelFormat, out: Uint8Array, offset: number): number {
  const { pixels, width } = fb;
  const bytes = format.bitsPerPixel / 8;
  const eightBit = format.redMax === 255 && format.greenMax === 255 && format.blueMax === 255;
  if (bytes === 4 && eightBit && !format.bigEndian && LITTLE_ENDIAN_HOST && (out.byteOffset + offset) % 4 === 0) {
    const words = new Uint32Array(out.buffer, out.byteOffset + offset, rect.w * rect.h);
    const { redShift: rs, greenShift: gs, blueShift: bs } = format;
    if (rs === 16 && gs === 8 && bs === 0) {
      // The framebuffer's own layout: whole rows are copied as they are.
      for (let y = 0; y < rect.h; y++) {
        const row = (rect.y + y) * width + rect.x;
        words.set(pixels.subarray(row, row + rect.w), y * rect.w);
      }
      return rect.w * rect.h * 4;
    }
    let i = 0;
    for (let y = rect.y; y < rect.y + rect.h; y++) {
      const row = y * width;
      for (let x = rect.x; x < rect.x + rect.w; x++) {
        const p = pixels[row + x];
        words[i++] = (((p >>> 16) & 255) << rs) | (((p >>> 8) & 255) << gs) | ((p & 255) << bs);
      }
    }
    return rect.w * rect.h * 4;
  }
  const view = new DataView(out.buffer, out.byteOffset + offset, rect.w * rect.h * bytes);
  const scale = (value: number, max: number) => Math.round((value * max) / 255);
  let at = 0;
  for (let y = rect.y; y < rect.y + rect.h; y++) {
    for (let x = rect.x; x < rect.x + rect.w; x++) {
      const p = pixels[y * width + x];
      const value =
        ((scale((p >>> 16) & 255, format.redMax) << format.redShift) |
          (scale((p >>> 8) & 255, format.greenMax) << format.greenShift) |
          (scale(p & 255, format.blueMax) << format.blueShift)) >>>
        0;
      if (bytes === 4) view.setUint32(at, value, !format.bigEndian);
      else if (bytes === 2) view.setUint16(at, value, !format.bigEndian);
      else view.setUint8(at, value);
      at += bytes;
    }
  }
  return at;
}
