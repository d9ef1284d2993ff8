import { beforeEach, describe, expect, it } from 'vitest';
import {
  type ConsoleConnection,
  ConsoleLink,
  type LinkEnvironment,
  type LinkState,
  POWER_SETTLE_MS,
  type SocketLike,
  STABLE_CONNECTION_MS,
  TRIES_BEFORE_REFUSED,
} from './console-link';

/** A socket the test drives: the host's bytes, and its closing. */
class FakeSocket implements SocketLike {
  binaryType: BinaryType = 'blob';
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  readonly sent: string[] = [];
  closedByClient = false;

  constructor(readonly url: string) {}

  opened = false;

  send(data: Uint8Array<ArrayBuffer>): void {
    // A browser's WebSocket throws on a send before it opens.
    if (!this.opened) throw new DOMException('still connecting', 'InvalidStateError');
    this.sent.push(new TextDecoder().decode(data));
  }

  hostOpens(): void {
    this.opened = true;
    this.onopen?.();
  }

  close(): void {
    this.closedByClient = true;
  }

  hostSays(text: string): void {
    if (!this.opened) this.hostOpens();
    this.onmessage?.({ data: new TextEncoder().encode(text).buffer });
  }

  hostCloses(): void {
    this.onclose?.({ code: 1006 });
  }
}

/** Timers on a clock the test moves by hand. */
class FakeEnvironment implements LinkEnvironment {
  nowMs = 0;
  readonly sockets: FakeSocket[] = [];
  private timers: { at: number; run: () => void; id: number }[] = [];
  private nextId = 1;

  openSocket(url: string): SocketLike {
    const socket = new FakeSocket(url);
    this.sockets.push(socket);
    return socket;
  }

  setTimeout(run: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.nowMs + ms, run, id });
    return id;
  }

  clearTimeout(id: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== id);
  }

  now(): number {
    return this.nowMs;
  }

  /** Moves the clock on, running each timer that comes due, in order. */
  async advance(ms: number): Promise<void> {
    const end = this.nowMs + ms;
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.nowMs = due.at;
      due.run();
      await settle();
    }
    this.nowMs = end;
  }

  get last(): FakeSocket {
    return this.sockets.at(-1)!;
  }
}

/** Lets the link's promise steps (the URL, the reads in order) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let env: FakeEnvironment;
let vmRunning: boolean;
let states: LinkState[];
let connections: ConsoleConnection[];
let link: ConsoleLink;
let session: number;
let sessionLive: boolean;

beforeEach(async () => {
  env = new FakeEnvironment();
  vmRunning = true;
  states = [];
  connections = [];
  session = 0;
  sessionLive = true;
  link = new ConsoleLink(
    {
      url: async () => `ws://page/console?uuid=c&session_id=s${++session}`,
      mayReconnect: () => vmRunning,
      sessionLive: async () => sessionLive,
    },
    env,
  );
  link.subscribe({ state: (state) => states.push(state), connection: (c) => connections.push(c) });
  link.start();
  await settle();
});

/** The host closes the socket, and the power state has had time to settle. */
async function hostCloses(): Promise<void> {
  env.last.hostCloses();
  await settle();
  await env.advance(POWER_SETTLE_MS);
}

/** The states as the page words them, without repeats of the same kind. */
const kinds = () =>
  states.map((s) => (s.kind === 'waiting' ? `waiting ${s.seconds}${s.refused ? ' refused' : ''}` : s.kind));

describe('ConsoleLink', () => {
  it('is connected once the host says something, and hands that connection the bytes in order', async () => {
    expect(kinds()).toEqual(['connecting']);
    expect(env.last.binaryType).toBe('arraybuffer');
    env.last.hostSays('RFB 003.008\n');
    env.last.hostSays('more');
    await settle();
    expect(kinds()).toEqual(['connecting', 'connected']);
    const received: string[] = [];
    connections[0].onData((bytes) => received.push(new TextDecoder().decode(bytes)));
    await settle();
    expect(received).toEqual(['RFB 003.008\n', 'more']);
    connections[0].send('root\r');
    expect(env.last.sent).toEqual(['root\r']);
  });

  it('hands the screen its connection at once, and sends keys typed before the host speaks once the socket opens', async () => {
    expect(connections).toHaveLength(1);
    connections[0].send('r');
    env.last.hostOpens();
    connections[0].send('oot\r');
    expect(env.last.sent).toEqual(['r', 'oot\r']);
    expect(kinds()).toEqual(['connecting']);
    env.last.hostSays('Password: ');
    await settle();
    expect(kinds()).toEqual(['connecting', 'connected']);
  });

  it('tries a new console again while the VM runs, and calls it refused only after a few tries', async () => {
    // A console record appears before a real host's console server takes connections.
    for (let tries = 1; tries < TRIES_BEFORE_REFUSED; tries++) {
      await hostCloses();
      expect(kinds().at(-1)).toMatch(/^waiting \d+ refused$/);
      await env.advance(30_000);
    }
    expect(env.sockets).toHaveLength(TRIES_BEFORE_REFUSED);
    await hostCloses();
    expect(kinds().at(-1)).toBe('refused');
    await env.advance(120_000);
    expect(env.sockets).toHaveLength(TRIES_BEFORE_REFUSED);
    link.retry();
    await settle();
    expect(env.sockets).toHaveLength(TRIES_BEFORE_REFUSED + 1);
    expect(kinds().at(-1)).toBe('connecting');
  });

  it('comes up once the host takes the console on a later try', async () => {
    await hostCloses();
    await env.advance(1000);
    env.last.hostSays('login: ');
    await settle();
    expect(kinds()).toEqual(['connecting', 'waiting 1 refused', 'connecting', 'connected']);
  });

  it('says the session has ended, rather than trying again, when a refusal comes from a dead session', async () => {
    sessionLive = false;
    await hostCloses();
    expect(kinds()).toEqual(['connecting', 'sessionEnded']);
    await env.advance(120_000);
    expect(env.sockets).toHaveLength(1);
  });

  it('calls a new console refused at once when its VM is not running', async () => {
    vmRunning = false;
    await hostCloses();
    expect(kinds()).toEqual(['connecting', 'refused']);
  });

  it('reconnects after a drop while the VM runs, counting down 1, 2, 4 s … with a fresh URL each time', async () => {
    env.last.hostSays('login: ');
    await settle();
    await hostCloses();
    expect(connections[0].closed).toBe(true);
    expect(kinds().slice(2)).toEqual(['waiting 1']);
    await env.advance(1000);
    expect(env.sockets).toHaveLength(2);
    expect(env.last.url).toContain('session_id=s2');
    // The host refuses the next tries (the guest is still coming back up): the wait doubles.
    await hostCloses();
    await env.advance(2000);
    await hostCloses();
    expect(kinds().slice(2)).toEqual([
      'waiting 1',
      'connecting',
      'waiting 2 refused',
      'waiting 1 refused',
      'connecting',
      'waiting 4 refused',
    ]);
    await env.advance(4000);
    env.last.hostSays('login: ');
    await settle();
    expect(kinds().at(-1)).toBe('connected');
    // Each try handed the screen a connection; the refused ones are over.
    expect(connections).toHaveLength(4);
    expect(connections.filter((c) => !c.closed)).toEqual([connections[3]]);
  });

  it('caps the wait at 30 s', async () => {
    env.last.hostSays('x');
    await settle();
    for (let i = 0; i < 7; i++) {
      await hostCloses();
      const waits = states.filter((s) => s.kind === 'waiting');
      await env.advance((waits.at(-1) as { seconds: number }).seconds * 1000);
    }
    const firstOfEachWait = states.filter((s, i) => s.kind === 'waiting' && states[i - 1]?.kind !== 'waiting') as {
      seconds: number;
    }[];
    expect(firstOfEachWait.map((s) => s.seconds)).toEqual([1, 2, 4, 8, 16, 30, 30]);
  });

  it('starts the backoff again at 1 s after a connection that lasted', async () => {
    env.last.hostSays('x');
    await settle();
    await hostCloses();
    await env.advance(1000);
    env.last.hostSays('x');
    await settle();
    await env.advance(STABLE_CONNECTION_MS);
    await hostCloses();
    expect(states.at(-1)).toEqual({ kind: 'waiting', seconds: 1, refused: false });
  });

  it('does not reconnect when the VM has stopped running', async () => {
    env.last.hostSays('Power down.');
    await settle();
    vmRunning = false;
    await hostCloses();
    expect(kinds().at(-1)).toBe('disconnected');
    await env.advance(120_000);
    expect(env.sockets).toHaveLength(1);
  });

  it('keeps the host’s words for a screen mounted again at once (StrictMode), not for the one let go', async () => {
    env.last.hostSays('RFB 003.008\n');
    const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
    const first: string[] = [];
    const stopFirst = connections[0].onData((bytes) => first.push(text(bytes)));
    stopFirst();
    const second: string[] = [];
    connections[0].onData((bytes) => second.push(text(bytes)));
    await settle();
    expect(first).toEqual([]);
    expect(second).toEqual(['RFB 003.008\n']);
  });

  it('hands every listener the bytes, and keeps what comes while none listens for the next', async () => {
    const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
    const [a, b, c]: string[][] = [[], [], []];
    const stopA = connections[0].onData((bytes) => a.push(text(bytes)));
    const stopB = connections[0].onData((bytes) => b.push(text(bytes)));
    env.last.hostSays('one');
    await settle();
    stopA();
    stopB();
    env.last.hostSays('two');
    await settle();
    connections[0].onData((bytes) => c.push(text(bytes)));
    env.last.hostSays('three');
    await settle();
    expect([a, b, c]).toEqual([['one'], ['one'], ['two', 'three']]);
  });

  it('gives a screen that subscribes late the connection already open', async () => {
    env.last.hostSays('RFB 003.008\n');
    await settle();
    const late: ConsoleConnection[] = [];
    link.subscribe({ connection: (c) => late.push(c) });
    expect(late).toEqual([connections[0]]);
  });

  it('closes the socket and goes quiet when stopped, even mid-wait', async () => {
    env.last.hostSays('x');
    await settle();
    await hostCloses();
    const before = states.length;
    link.stop();
    await env.advance(60_000);
    expect(env.sockets).toHaveLength(1);
    expect(states).toHaveLength(before);
  });

  it('treats a screen closing its connection as a drop', async () => {
    env.last.hostSays('x');
    await settle();
    connections[0].close();
    expect(env.last.closedByClient).toBe(true);
    await hostCloses();
    expect(kinds().at(-1)).toBe('waiting 1');
  });

  it('waits for the power state before saying what a close means: a VM that halted shows no drop', async () => {
    env.last.hostSays('Power down.');
    await settle();
    env.last.hostCloses();
    await settle();
    expect(kinds()).toEqual(['connecting', 'connected']);
    // The event that says the VM halted comes after its console closed.
    vmRunning = false;
    await env.advance(POWER_SETTLE_MS);
    expect(kinds()).toEqual(['connecting', 'connected', 'disconnected']);
  });
});
