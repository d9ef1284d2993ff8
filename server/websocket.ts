/**
 * The server side of RFC 6455 for Node sockets, small enough to read in one sitting:
 * the opening handshake, and frames both ways (masked from the client, unmasked to it;
 * text, binary, continuation, ping, pong, close). Both Node servers use it: the
 * simulator's console endpoint and `npm run serve`'s console bridge to real pools.
 * (The project has no WebSocket package; this is all either needs.)
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** Frames larger than this end the connection (1009): a console never needs more. */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

const OPCODE = { continuation: 0, text: 1, binary: 2, close: 8, ping: 9, pong: 10 } as const;

export function acceptKey(key: string): string {
  return createHash('sha1')
    .update(key + GUID)
    .digest('base64');
}

/** The client's Sec-WebSocket-Key if the request is a valid version 13 upgrade. */
export function upgradeKey(headers: IncomingHttpHeaders): string | undefined {
  const upgrade = headers.upgrade?.toLowerCase() === 'websocket';
  const connection = (headers.connection ?? '')
    .toLowerCase()
    .split(/\s*,\s*/)
    .includes('upgrade');
  const key = headers['sec-websocket-key'];
  const valid = typeof key === 'string' && Buffer.from(key, 'base64').length === 16;
  return upgrade && connection && headers['sec-websocket-version'] === '13' && valid ? key : undefined;
}

/** The 101 answer; `protocol` is the subprotocol to name (xapi always names "binary"). */
export function handshakeResponse(key: string, protocol?: string): string {
  const lines = [
    'HTTP/1.1 101 Switching Protocols',
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Accept: ${acceptKey(key)}`,
  ];
  if (protocol) lines.push(`Sec-WebSocket-Protocol: ${protocol}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** A frame's header: FIN, the opcode, and the payload's length in its shortest form. */
function header(opcode: number, length: number): Buffer {
  const out = Buffer.allocUnsafe(length < 126 ? 2 : length < 65536 ? 4 : 10);
  out[0] = 0x80 | opcode;
  if (length < 126) out[1] = length;
  else if (length < 65536) {
    out[1] = 126;
    out.writeUInt16BE(length, 2);
  } else {
    out[1] = 127;
    out.writeBigUInt64BE(BigInt(length), 2);
  }
  return out;
}

function frame(opcode: number, payload: Uint8Array): Buffer {
  return Buffer.concat([header(opcode, payload.length), payload]);
}

/** An open WebSocket on a socket whose handshake has been answered. */
export class WebSocketConnection {
  private buffer: Buffer;
  private fragments: Buffer[] = [];
  private fragmentType = 0;
  private closed = false;
  private readonly messageListeners: ((payload: Uint8Array, binary: boolean) => void)[] = [];
  private readonly closeListeners: (() => void)[] = [];

  /** `head` holds what the client sent after its handshake, already read from the socket. */
  constructor(
    private readonly socket: Duplex,
    head: Buffer = Buffer.alloc(0),
  ) {
    this.buffer = Buffer.from(head);
    socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.parse();
    });
    socket.on('close', () => this.finish());
    socket.on('error', () => socket.destroy());
    if (this.buffer.length) queueMicrotask(() => this.parse());
  }

  onMessage(listener: (payload: Uint8Array, binary: boolean) => void): void {
    this.messageListeners.push(listener);
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  /** A binary message; a large one (a screen of pixels) is written without copying it into the frame. */
  send(bytes: Uint8Array): void {
    if (this.closed) return;
    this.socket.cork();
    this.socket.write(header(OPCODE.binary, bytes.length));
    this.socket.write(bytes);
    this.socket.uncork();
  }

  /** The closing handshake from this side: a close frame, then the end of the stream. */
  close(code = 1000): void {
    if (this.closed) return;
    const payload = Buffer.alloc(2);
    payload.writeUInt16BE(code);
    this.socket.end(frame(OPCODE.close, payload));
    this.finish();
  }

  /** Drops the TCP connection without a close frame, as xapi's wsproxy does when the console ends. */
  terminate(): void {
    this.socket.destroy();
    this.finish();
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    for (const listener of this.closeListeners.splice(0)) listener();
  }

  private parse(): void {
    while (!this.closed && this.buffer.length >= 2) {
      const fin = (this.buffer[0] & 0x80) !== 0;
      const opcode = this.buffer[0] & 0x0f;
      const masked = (this.buffer[1] & 0x80) !== 0;
      let length = this.buffer[1] & 0x7f;
      let at = 2;
      if (length === 126) {
        if (this.buffer.length < 4) return;
        length = this.buffer.readUInt16BE(2);
        at = 4;
      } else if (length === 127) {
        if (this.buffer.length < 10) return;
        const big = this.buffer.readBigUInt64BE(2);
        length = big > BigInt(MAX_MESSAGE_BYTES) ? MAX_MESSAGE_BYTES + 1 : Number(big);
        at = 10;
      }
      // Clients must mask every frame (RFC 6455 §5.1); a frame too large is refused.
      if (!masked) {
        this.close(1002);
        return;
      }
      if (length > MAX_MESSAGE_BYTES) {
        this.close(1009);
        return;
      }
      if (this.buffer.length < at + 4 + length) return;
      const mask = this.buffer.subarray(at, at + 4);
      const payload = Buffer.from(this.buffer.subarray(at + 4, at + 4 + length));
      for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
      this.buffer = this.buffer.subarray(at + 4 + length);
      this.frame(fin, opcode, payload);
    }
  }

  private frame(fin: boolean, opcode: number, payload: Buffer): void {
    switch (opcode) {
      case OPCODE.ping:
        this.socket.write(frame(OPCODE.pong, payload));
        return;
      case OPCODE.pong:
        return;
      case OPCODE.close:
        this.close(payload.length >= 2 ? payload.readUInt16BE(0) : 1000);
        return;
      case OPCODE.continuation:
      case OPCODE.text:
      case OPCODE.binary: {
        if (opcode !== OPCODE.continuation) this.fragmentType = opcode;
        this.fragments.push(payload);
        if (this.fragments.reduce((n, f) => n + f.length, 0) > MAX_MESSAGE_BYTES) {
          this.close(1009);
          return;
        }
        if (!fin) return;
        const message = Buffer.concat(this.fragments.splice(0));
        for (const listener of this.messageListeners) listener(message, this.fragmentType === OPCODE.binary);
        return;
      }
      default:
        this.close(1002);
    }
  }
}
