/**
 * The client side of RFB 3.8, for tests: over a session in the same process or a real
 * socket, whichever `send` and `feed` connect it to. It reads what the server sends as
 * a viewer would and keeps its own copy of the screen (it asks for 32-bit pixels only).
 */
import { NATIVE_FORMAT, type PixelFormat } from './rfb-pixels';

export interface UpdateRect {
  x: number;
  y: number;
  w: number;
  h: number;
  encoding: number;
}

export class RfbTestClient {
  /** What the server sent and nobody has read yet, as it came. */
  private chunks: Uint8Array[] = [];
  private available = 0;
  private waiting: (() => void) | undefined;
  format: PixelFormat = NATIVE_FORMAT;
  width = 0;
  height = 0;
  name = '';
  /** The screen as the client has drawn it, 0x00RRGGBB per pixel. */
  screen = new Uint32Array(0);

  constructor(private readonly send: (bytes: Uint8Array<ArrayBuffer>) => void) {}

  /** Bytes from the server. */
  feed(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.available += bytes.length;
    this.waiting?.();
  }

  /** Waits for `n` bytes from the server and takes them. */
  async read(n: number): Promise<Uint8Array> {
    while (this.available < n) await new Promise<void>((resolve) => (this.waiting = resolve));
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      const chunk = this.chunks[0];
      const take = Math.min(chunk.length, n - filled);
      out.set(chunk.subarray(0, take), filled);
      filled += take;
      if (take === chunk.length) this.chunks.shift();
      else this.chunks[0] = chunk.subarray(take);
    }
    this.available -= n;
    return out;
  }

  /** Waits for `n` bytes from the server and drops them. */
  async skip(n: number): Promise<void> {
    while (this.available < n) await new Promise<void>((resolve) => (this.waiting = resolve));
    let left = n;
    while (left > 0) {
      const chunk = this.chunks[0];
      if (chunk.length <= left) {
        this.chunks.shift();
        left -= chunk.length;
      } else {
        this.chunks[0] = chunk.subarray(left);
        left = 0;
      }
    }
    this.available -= n;
  }

  /** Bytes the server sent that nobody has read yet. */
  get unread(): number {
    return this.available;
  }

  private async u32(): Promise<number> {
    return new DataView((await this.read(4)).buffer).getUint32(0);
  }

  /** Version 3.8, security None, shared ClientInit; keeps ServerInit's size and name. */
  async handshake(version = 'RFB 003.008\n'): Promise<void> {
    const server = new TextDecoder().decode(await this.read(12));
    if (server !== 'RFB 003.008\n') throw new Error(`unexpected server version ${JSON.stringify(server)}`);
    this.send(new TextEncoder().encode(version));
    if (version === 'RFB 003.003\n') {
      if ((await this.u32()) !== 1) throw new Error('server chose a security type other than None');
    } else {
      const count = (await this.read(1))[0];
      const types = await this.read(count);
      if (!types.includes(1)) throw new Error('server offers no None security');
      this.send(Uint8Array.of(1));
      if (version === 'RFB 003.008\n' && (await this.u32()) !== 0) throw new Error('security failed');
    }
    this.send(Uint8Array.of(1));
    const init = await this.read(24);
    const view = new DataView(init.buffer);
    this.width = view.getUint16(0);
    this.height = view.getUint16(2);
    this.name = new TextDecoder().decode(await this.read(view.getUint32(20)));
    this.screen = new Uint32Array(this.width * this.height);
  }

  /** SetPixelFormat: 32 bits per pixel with the given shifts (noVNC asks for red at 0, blue at 16). */
  setPixelFormat(format: PixelFormat): void {
    const out = new Uint8Array(20);
    const view = new DataView(out.buffer);
    view.setUint8(4, format.bitsPerPixel);
    view.setUint8(5, format.depth);
    view.setUint8(6, format.bigEndian ? 1 : 0);
    view.setUint8(7, 1);
    view.setUint16(8, format.redMax);
    view.setUint16(10, format.greenMax);
    view.setUint16(12, format.blueMax);
    view.setUint8(14, format.redShift);
    view.setUint8(15, format.greenShift);
    view.setUint8(16, format.blueShift);
    this.send(out);
    this.format = format;
  }

  setEncodings(encodings: number[]): void {
    const out = new Uint8Array(4 + encodings.length * 4);
    const view = new DataView(out.buffer);
    view.setUint8(0, 2);
    view.setUint16(2, encodings.length);
    encodings.forEach((e, i) => {
      view.setInt32(4 + i * 4, e);
    });
    this.send(out);
  }

  requestUpdate(incremental: boolean, rect = { x: 0, y: 0, w: this.width, h: this.height }): void {
    const out = new Uint8Array(10);
    const view = new DataView(out.buffer);
    view.setUint8(0, 3);
    view.setUint8(1, incremental ? 1 : 0);
    view.setUint16(2, rect.x);
    view.setUint16(4, rect.y);
    view.setUint16(6, rect.w);
    view.setUint16(8, rect.h);
    this.send(out);
  }

  key(keysym: number, down: boolean): void {
    const out = new Uint8Array(8);
    const view = new DataView(out.buffer);
    view.setUint8(0, 4);
    view.setUint8(1, down ? 1 : 0);
    view.setUint32(4, keysym);
    this.send(out);
  }

  /** A key pressed and released; a string types each of its characters (Latin-1 keysyms). */
  press(...keys: (number | string)[]): void {
    for (const key of keys) {
      const syms = typeof key === 'string' ? [...key].map((ch) => ch.codePointAt(0)!) : [key];
      for (const sym of syms) {
        this.key(sym, true);
        this.key(sym, false);
      }
    }
  }

  pointer(buttons: number, x: number, y: number): void {
    const out = new Uint8Array(6);
    const view = new DataView(out.buffer);
    view.setUint8(0, 5);
    view.setUint8(1, buttons);
    view.setUint16(2, x);
    view.setUint16(4, y);
    this.send(out);
  }

  /**
   * Reads one FramebufferUpdate, paints its Raw rectangles on `screen` (unless `paint` is
   * false, to time the server rather than this client), follows DesktopSize.
   */
  async readUpdate(paint = true): Promise<UpdateRect[]> {
    const header = await this.read(4);
    if (header[0] !== 0) throw new Error(`expected FramebufferUpdate, got message ${header[0]}`);
    const count = new DataView(header.buffer).getUint16(2);
    const rects: UpdateRect[] = [];
    for (let i = 0; i < count; i++) {
      const view = new DataView((await this.read(12)).buffer);
      const rect = {
        x: view.getUint16(0),
        y: view.getUint16(2),
        w: view.getUint16(4),
        h: view.getUint16(6),
        encoding: view.getInt32(8),
      };
      rects.push(rect);
      if (rect.encoding === -223) {
        this.width = rect.w;
        this.height = rect.h;
        this.screen = new Uint32Array(rect.w * rect.h);
        continue;
      }
      if (!paint) {
        await this.skip(rect.w * rect.h * 4);
        continue;
      }
      // 32-bit little-endian pixels, as the formats this client asks for are.
      const pixels = new Uint32Array((await this.read(rect.w * rect.h * 4)).buffer);
      const { redShift, greenShift, blueShift } = this.format;
      let at = 0;
      for (let y = 0; y < rect.h; y++) {
        const row = (rect.y + y) * this.width + rect.x;
        for (let x = 0; x < rect.w; x++) {
          const value = pixels[at++];
          this.screen[row + x] =
            (((value >>> redShift) & 255) << 16) |
            (((value >>> greenShift) & 255) << 8) |
            ((value >>> blueShift) & 255);
        }
      }
    }
    return rects;
  }
}
