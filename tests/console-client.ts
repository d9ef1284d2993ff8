/**
 * Clients for console tests against a real server: XAPI's CONNECT /console on a raw
 * socket, and a WebSocket (Node's built-in, the same API browsers have) that collects
 * what it receives.
 */
import net from 'node:net';

export interface RawConsole {
  socket: net.Socket;
  /** The status line and headers of the server's answer. */
  head: string;
  /** What came after the head, and what comes later. */
  body: () => Buffer;
  closed: Promise<void>;
}

/** `CONNECT <path> HTTP/1.0` as xapi clients send it; resolves once the answer's head is in. */
export function connectRaw(origin: string, path: string): Promise<RawConsole> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    let received = Buffer.alloc(0);
    let resolved = false;
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (!resolved && end >= 0) {
        resolved = true;
        resolve({
          socket,
          head: received.subarray(0, end).toString('latin1'),
          body: () => received.subarray(end + 4),
          closed,
        });
      }
    });
    socket.once('error', reject);
    socket.write(`CONNECT ${path} HTTP/1.0\r\n\r\n`);
  });
}

export interface TextSocket {
  socket: WebSocket;
  /** Everything received, decoded, with "\r\n" as "\n". */
  text: () => string;
  /** Whether the handshake succeeded. */
  opened: Promise<boolean>;
  closed: Promise<number>;
  /** Waits (in real time) until the received text satisfies `done`. */
  until: (done: (text: string) => boolean, ms?: number) => Promise<string>;
}

export function openTextSocket(url: string, protocols = ['binary']): TextSocket {
  const socket = new WebSocket(url, protocols);
  socket.binaryType = 'arraybuffer';
  let text = '';
  const decoder = new TextDecoder();
  socket.addEventListener('message', (e) => {
    text += decoder.decode(e.data as ArrayBuffer, { stream: true }).replace(/\r\n/g, '\n');
  });
  // A refused handshake: browsers fire error then close (1006); Node 20's client fires only error.
  const opened = new Promise<boolean>((resolve) => {
    socket.addEventListener('open', () => resolve(true));
    socket.addEventListener('error', () => resolve(false));
    socket.addEventListener('close', () => resolve(false));
  });
  const closed = new Promise<number>((resolve) => socket.addEventListener('close', (e) => resolve(e.code)));
  const until = async (done: (text: string) => boolean, ms = 5_000) => {
    const end = Date.now() + ms;
    while (!done(text)) {
      if (Date.now() > end) throw new Error(`timed out; received:\n${text.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return text;
  };
  return { socket, text: () => text, opened, closed, until };
}

/** A WebSocket upgrade request on a raw socket, to read the status line a browser never shows. */
export function upgradeRaw(url: string): Promise<string> {
  const { hostname, port, pathname, search } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
    });
    socket.once('close', () => resolve(received));
    socket.once('error', reject);
    socket.write(
      `GET ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: binary\r\n\r\n',
    );
  });
}
