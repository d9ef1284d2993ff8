/**
 * The server side of RFB 3.8 (RFC 6143), as qemu and vncterm speak it behind a XAPI
 * console: ProtocolVersion (3.3, 3.7 and 3.8 clients), security type None,
 * ClientInit/ServerInit with the VM's name, SetPixelFormat (true colour, 8/16/32 bits),
 * SetEncodings, FramebufferUpdateRequest answered with Raw rectangles (only what changed,
 * for an incremental request), KeyEvent, PointerEvent, ClientCutText, and the DesktopSize
 * pseudo-encoding when the guest's screen changes size.
 */
import { boundingBox, clip, type Rect } from './framebuffer';
import type { DisplayUpdate, GuestDisplay } from './guest-display';
import { KeyboardState } from './keyboard';
import { decodePixelFormat, encodePixelFormat, NATIVE_FORMAT, type PixelFormat, writePixels } from './rfb-pixels';

export interface RfbIo {
  send(bytes: Uint8Array): void;
  /** The connection must end (protocol error, or the guest's screen went away). */
  close(): void;
}

const ENCODING_RAW = 0;
const ENCODING_DESKTOP_SIZE = -223;
const SECURITY_NONE = 1;

/** Client message types (RFC 6143 §7.5). */
const MSG = {
  SetPixelFormat: 0,
  SetEncodings: 2,
  FramebufferUpdateRequest: 3,
  KeyEvent: 4,
  PointerEvent: 5,
  ClientCutText: 6,
};

/** How many separate rectangles are kept before they are merged into one. */
const MAX_PENDING_RECTS = 64;

type State = 'version' | 'security' | 'client-init' | 'ready';

export class RfbServer {
  private state: State = 'version';
  private closed = false;
  private minor = 8;
  private buffer = new Uint8Array(0);
  private format: PixelFormat = NATIVE_FORMAT;
  private desktopSize = false;
  private pending: Rect[] = [];
  private resized = false;
  private request: Rect | undefined;
  /** The size the client was last told of. */
  private clientWidth = 0;
  private clientHeight = 0;
  private readonly keyboard = new KeyboardState();
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly display: GuestDisplay,
    private readonly io: RfbIo,
  ) {}

  /** The server speaks first: its protocol version. */
  start(): void {
    this.io.send(new TextEncoder().encode('RFB 003.008\n'));
  }

  receive(bytes: Uint8Array): void {
    if (this.closed) return;
    const joined = new Uint8Array(this.buffer.length + bytes.length);
    joined.set(this.buffer);
    joined.set(bytes, this.buffer.length);
    this.buffer = joined;
    let used = 0;
    for (;;) {
      const consumed = this.step(this.buffer.subarray(used));
      if (consumed === 0 || this.closed) break;
      used += consumed;
    }
    this.buffer = this.buffer.slice(used);
  }

  dispose(): void {
    this.closed = true;
    for (const stop of this.unsubscribe.splice(0)) stop();
  }

  private fail(): 0 {
    this.dispose();
    this.io.close();
    return 0;
  }

  /** Handles one message at the start of `data`; returns the bytes it used, 0 if it needs more. */
  private step(data: Uint8Array): number {
    switch (this.state) {
      case 'version':
        return data.length < 12 ? 0 : this.version(data.subarray(0, 12));
      case 'security':
        return data.length < 1 ? 0 : this.security(data[0]);
      case 'client-init':
        return data.length < 1 ? 0 : this.clientInit();
      case 'ready':
        return data.length < 1 ? 0 : this.message(data);
    }
  }

  private version(bytes: Uint8Array): number {
    const m = /^RFB (\d{3})\.(\d{3})\n$/.exec(new TextDecoder().decode(bytes));
    if (!m || Number(m[1]) !== 3) return this.fail();
    // 3.3 to 3.6 are treated as 3.3; anything from 3.8 on as 3.8 (RFC 6143 §7.1.1).
    const minor = Number(m[2]);
    this.minor = minor >= 8 ? 8 : minor === 7 ? 7 : 3;
    if (this.minor === 3) {
      this.io.send(u32(SECURITY_NONE));
      this.state = 'client-init';
    } else {
      this.io.send(Uint8Array.of(1, SECURITY_NONE));
      this.state = 'security';
    }
    return 12;
  }

  private security(type: number): number {
    if (type !== SECURITY_NONE) {
      if (this.minor === 8) {
        const reason = new TextEncoder().encode('Security type not supported');
        this.io.send(concat([u32(1), u32(reason.length), reason]));
      }
      return this.fail();
    }
    // 3.7 sends no SecurityResult for None; 3.8 does.
    if (this.minor === 8) this.io.send(u32(0));
    this.state = 'client-init';
    return 1;
  }

  private clientInit(): number {
    const { framebuffer, name } = this.display;
    const nameBytes = new TextEncoder().encode(name);
    this.clientWidth = framebuffer.width;
    this.clientHeight = framebuffer.height;
    this.io.send(
      concat([
        u16(framebuffer.width),
        u16(framebuffer.height),
        encodePixelFormat(NATIVE_FORMAT),
        u32(nameBytes.length),
        nameBytes,
      ]),
    );
    this.state = 'ready';
    this.unsubscribe.push(
      this.display.onUpdate((update) => this.changed(update)),
      this.display.onEnd(() => this.fail()),
    );
    return 1;
  }

  private message(data: Uint8Array): number {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    switch (data[0]) {
      case MSG.SetPixelFormat: {
        if (data.length < 20) return 0;
        const format = decodePixelFormat(data.subarray(4, 20));
        if (!format) return this.fail();
        this.format = format;
        return 20;
      }
      case MSG.SetEncodings: {
        if (data.length < 4) return 0;
        const count = view.getUint16(2);
        if (data.length < 4 + count * 4) return 0;
        const encodings = Array.from({ length: count }, (_, i) => view.getInt32(4 + i * 4));
        this.desktopSize = encodings.includes(ENCODING_DESKTOP_SIZE);
        return 4 + count * 4;
      }
      case MSG.FramebufferUpdateRequest: {
        if (data.length < 10) return 0;
        const rect = { x: view.getUint16(2), y: view.getUint16(4), w: view.getUint16(6), h: view.getUint16(8) };
        if (data[1] === 0) this.addPending(rect);
        this.request = rect;
        this.flush();
        return 10;
      }
      case MSG.KeyEvent: {
        if (data.length < 8) return 0;
        const action = this.keyboard.key(view.getUint32(4), data[1] !== 0);
        if (action) this.display.key(action);
        return 8;
      }
      case MSG.PointerEvent:
        // Neither a text console nor the simulated logon screen reacts to the mouse.
        return data.length < 6 ? 0 : 6;
      case MSG.ClientCutText: {
        if (data.length < 8) return 0;
        const length = view.getUint32(4);
        // Without a guest agent for the clipboard, qemu drops the client's cut text too.
        return data.length < 8 + length ? 0 : 8 + length;
      }
      default:
        return this.fail();
    }
  }

  private changed(update: DisplayUpdate): void {
    if (update.resized) {
      this.resized = true;
      this.pending = [this.display.framebuffer.bounds];
    } else for (const rect of update.rects) this.addPending(rect);
    this.flush();
  }

  /** Adds a dirty rectangle, unless one already pending covers it; drops those it covers. */
  private addPending(rect: Rect): void {
    if (this.pending.some((p) => contains(p, rect))) return;
    this.pending = this.pending.filter((p) => !contains(rect, p));
    this.pending.push(rect);
    if (this.pending.length > MAX_PENDING_RECTS) this.pending = [boundingBox(this.pending)];
  }

  /** Answers the outstanding request once there is something to send. */
  private flush(): void {
    if (!this.request || this.closed || this.state !== 'ready') return;
    const fb = this.display.framebuffer;
    const resize = this.resized && this.desktopSize;
    this.resized = false;
    if (resize) {
      this.clientWidth = fb.width;
      this.clientHeight = fb.height;
    }
    const width = Math.min(fb.width, this.clientWidth);
    const height = Math.min(fb.height, this.clientHeight);
    const rects = this.pending.map((r) => clip(r, width, height)).filter((r): r is Rect => r !== undefined);
    this.pending = [];
    if (!resize && rects.length === 0) return;
    // One buffer for the whole message: a full 1024×768 frame is 3 MiB, copied once.
    const bytes = this.format.bitsPerPixel / 8;
    const count = rects.length + (resize ? 1 : 0);
    const size = 4 + count * 12 + rects.reduce((n, r) => n + r.w * r.h * bytes, 0);
    const out = new Uint8Array(size);
    const view = new DataView(out.buffer);
    view.setUint16(2, count);
    let at = 4;
    if (resize) at = writeRectHeader(view, at, { x: 0, y: 0, w: fb.width, h: fb.height }, ENCODING_DESKTOP_SIZE);
    for (const rect of rects) {
      at = writeRectHeader(view, at, rect, ENCODING_RAW);
      at += writePixels(fb, rect, this.format, out, at);
    }
    this.request = undefined;
    this.io.send(out);
  }
}

function contains(outer: Rect, inner: Rect): boolean {
  return (
    outer.x <= inner.x &&
    outer.y <= inner.y &&
    outer.x + outer.w >= inner.x + inner.w &&
    outer.y + outer.h >= inner.y + inner.h
  );
}

function writeRectHeader(view: DataView, at: number, rect: Rect, encoding: number): number {
  view.setUint16(at, rect.x);
  view.setUint16(at + 2, rect.y);
  view.setUint16(at + 4, rect.w);
  view.setUint16(at + 6, rect.h);
  view.setInt32(at + 8, encoding);
  return at + 12;
}

function u16(n: number): Uint8Array {
  return Uint8Array.of((n >> 8) & 255, n & 255);
}

function u32(n: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
