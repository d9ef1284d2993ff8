/** server/websocket.ts against RFC 6455: the handshake, and frames as clients send them. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptKey, handshakeResponse, upgradeKey, WebSocketConnection } from '../server/websocket';

let server: Server;
let port: number;

beforeAll(async () => {
  // An echo server: each message back as a binary message; "bye" closes from this side.
  server = createServer();
  server.on('upgrade', (req, socket, head) => {
    const key = upgradeKey(req.headers);
    if (!key) {
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    socket.write(handshakeResponse(key, 'binary'));
    const ws = new WebSocketConnection(socket, head);
    ws.onMessage((payload) => {
      if (new TextDecoder().decode(payload) === 'bye') ws.close(4000);
      else ws.send(payload);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

/** A client frame: FIN as given, masked as RFC 6455 requires (unless `masked` is false). */
function clientFrame(opcode: number, payload: Buffer, { fin = true, masked = true } = {}): Buffer {
  const mask = Buffer.from([1, 2, 3, 4]);
  const body = Buffer.from(payload.map((b, i) => b ^ mask[i & 3]));
  const length = payload.length < 126 ? [payload.length] : [126, payload.length >> 8, payload.length & 255];
  return Buffer.concat([
    Buffer.from([(fin ? 0x80 : 0) | opcode, (masked ? 0x80 : 0) | length[0], ...length.slice(1)]),
    masked ? mask : Buffer.alloc(0),
    masked ? body : payload,
  ]);
}

/** A raw connection after a successful handshake; `frames` collects what the server sends. */
async function rawSocket(): Promise<{ socket: net.Socket; received: () => Buffer; ended: Promise<void> }> {
  const socket = net.connect({ host: '127.0.0.1', port });
  let data = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    data = Buffer.concat([data, chunk]);
  });
  const ended = new Promise<void>((done) => socket.once('close', () => done()));
  socket.write(
    'GET /x HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n' +
      'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
  );
  while (!data.includes('\r\n\r\n')) await new Promise((r) => setTimeout(r, 5));
  const head = data.subarray(0, data.indexOf('\r\n\r\n')).toString();
  expect(head).toContain('Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  data = data.subarray(data.indexOf('\r\n\r\n') + 4);
  return { socket, received: () => data, ended };
}

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
}

describe('the WebSocket server', () => {
  it('computes the accept key of RFC 6455’s example', () => {
    expect(acceptKey('dGhlIHNhbXBsZSBub25jZQ==')).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });

  it('talks to a standard client: text and binary in, binary out, large messages whole', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/`, ['binary']);
    ws.binaryType = 'arraybuffer';
    const messages: Uint8Array[] = [];
    ws.addEventListener('message', (e) => messages.push(new Uint8Array(e.data as ArrayBuffer)));
    await new Promise((resolve) => ws.addEventListener('open', resolve));
    expect(ws.protocol).toBe('binary');
    const big = new Uint8Array(100_000).map((_, i) => i & 255);
    ws.send('hello');
    ws.send(big);
    await waitFor(() => messages.length === 2);
    expect(new TextDecoder().decode(messages[0])).toBe('hello');
    expect(Buffer.from(messages[1]).equals(Buffer.from(big))).toBe(true);
    const closed = new Promise<number>((resolve) => ws.addEventListener('close', (e) => resolve(e.code)));
    ws.send('bye');
    expect(await closed).toBe(4000);
  });

  it('joins fragments, answers a ping between them with a pong, and echoes the whole message', async () => {
    const { socket, received } = await rawSocket();
    socket.write(clientFrame(1, Buffer.from('con'), { fin: false }));
    socket.write(clientFrame(9, Buffer.from('p')));
    socket.write(clientFrame(0, Buffer.from('sole')));
    await waitFor(() => received().length >= 3 + 9);
    expect([...received().subarray(0, 3)]).toEqual([0x8a, 1, 'p'.charCodeAt(0)]);
    expect(received().subarray(3).toString('latin1')).toBe('\x82\x07console');
    socket.destroy();
  });

  it('closes with 1002 on an unmasked frame, and echoes a client’s close', async () => {
    const unmasked = await rawSocket();
    unmasked.socket.write(clientFrame(2, Buffer.from('x'), { masked: false }));
    await unmasked.ended;
    expect([...unmasked.received()]).toEqual([0x88, 2, 0x03, 0xea]);
    const polite = await rawSocket();
    polite.socket.write(clientFrame(8, Buffer.from([0x03, 0xe8])));
    await polite.ended;
    expect([...polite.received()]).toEqual([0x88, 2, 0x03, 0xe8]);
  });

  it('accepts only version 13 upgrades with a 16-byte key', () => {
    const good = {
      upgrade: 'websocket',
      connection: 'Upgrade',
      'sec-websocket-version': '13',
      'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
    };
    expect(upgradeKey(good)).toBe('dGhlIHNhbXBsZSBub25jZQ==');
    expect(upgradeKey({ ...good, 'sec-websocket-version': '8' })).toBeUndefined();
    expect(upgradeKey({ ...good, 'sec-websocket-key': 'c2hvcnQ=' })).toBeUndefined();
    expect(upgradeKey({ ...good, connection: 'keep-alive' })).toBeUndefined();
  });
});
