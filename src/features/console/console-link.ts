/**
 * One console's WebSocket, kept open while its VM runs: it connects, hands each
 * connection to the screen (xterm.js or noVNC) as soon as its socket is made, so what
 * the person types is sent once it opens rather than lost while the host has said
 * nothing yet, and when the connection drops while the VM still runs, connects again
 * after 1, 2, 4, … 30 s.
 *
 * A browser is not told why a console was refused: xapi answers a refusal (a bad
 * session, a VM that is not running) with an HTTP error, which a page only sees as a
 * close with code 1006; in the simulator in the page the socket even opens first. What
 * tells them apart is that an accepted console always says something first (the RFB
 * version, or the text console's screen), so a socket that closes before its first byte
 * was refused. Free of React, so its timing is testable with a fake clock and socket.
 */
import { CONSOLE_SUBPROTOCOL } from '../../xapi/console-location';
import { reconnectDelaySeconds } from './reconnect-delay';

export type LinkState =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  /** The connection dropped (or a new try was refused) and the next try is `seconds` away. */
  | { kind: 'waiting'; seconds: number; refused: boolean }
  /** The connection dropped and the VM no longer runs: nothing to reconnect to. */
  | { kind: 'disconnected' }
  /** A new console was refused try after try; trying again is the person's call. */
  | { kind: 'refused' }
  /** The pool's session has ended: no console opens with it. */
  | { kind: 'sessionEnded' };

/** What the link needs of a WebSocket (the browser's, or a test's). */
export interface SocketLike {
  binaryType: BinaryType;
  onopen: (() => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  send(data: Uint8Array<ArrayBuffer>): void;
  close(): void;
}

export interface LinkEnvironment {
  /** Opens the socket offering xapi's `binary` subprotocol. */
  openSocket(url: string): SocketLike;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  now(): number;
}

export interface LinkOptions {
  /** The socket's URL, asked before every try (the session may have been renewed). */
  url(): Promise<string>;
  /** Asked when a connection drops: whether the console's VM still runs. */
  mayReconnect(): boolean;
  /**
   * Asked when a console is refused: whether the session the URL carries still works.
   * A dead session is said so at once, since trying again with it cannot help; a
   * server that does not answer throws, and the refusal is then tried again as any other.
   */
  sessionLive(): Promise<boolean>;
}

/**
 * How long a closed console waits before deciding what the close means. A VM that halts
 * (or suspends, or migrates away) closes its console before the event that says so
 * reaches the page; deciding at once would flash "dropped, reconnecting" or "refused"
 * before the banner. A second and a half is more than an event batch takes to arrive.
 */
export const POWER_SETTLE_MS = 1500;

/** A connection that lasted this long was fine: the next drop starts the backoff at 1 s again. */
export const STABLE_CONNECTION_MS = 10_000;

/**
 * How many tries a console that has never connected gets before the page says it was
 * refused. A console record appears as soon as xapi creates the domain (after a start,
 * a reboot, a migration), and a real host's console server may not take connections
 * until moments later: the tries at 0, 1, 3 and 7 s cover that without hiding a real refusal for long.
 */
export const TRIES_BEFORE_REFUSED = 4;

const browserEnvironment = (): LinkEnvironment => ({
  // A WebSocket's handlers take the full MessageEvent and CloseEvent; the link reads only `data`.
  openSocket: (url) => new WebSocket(url, CONSOLE_SUBPROTOCOL) as unknown as SocketLike,
  setTimeout: (run, ms) => window.setTimeout(run, ms),
  clearTimeout: (id) => window.clearTimeout(id as number),
  now: () => performance.now(),
});

async function bytesOf(data: unknown): Promise<Uint8Array<ArrayBuffer>> {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (data instanceof Blob) return new Uint8Array(await data.arrayBuffer());
  return new TextEncoder().encode(String(data));
}

/** One try at a console: what the host says, in order, and a way to answer. */
export class ConsoleConnection {
  private readonly queued: Uint8Array<ArrayBuffer>[] = [];
  private readonly dataListeners = new Set<(bytes: Uint8Array<ArrayBuffer>) => void>();
  private handOutScheduled = false;
  /** What was sent before the socket opened (a socket that is not open throws on send). */
  private unsent: Uint8Array<ArrayBuffer>[] | undefined = [];
  private readonly closeListeners = new Set<() => void>();
  private ended = false;

  constructor(private readonly socket: SocketLike) {}

  get closed(): boolean {
    return this.ended;
  }

  /**
   * Bytes from the host, in order, to every listener. Bytes that came while no one
   * listened wait for the next listener. They are handed out a microtask after they
   * come or after a listener joins, so a screen mounted twice at once (React's
   * StrictMode) does not take the host's first words (the RFB version) with its first,
   * discarded mount.
   */
  onData(listener: (bytes: Uint8Array<ArrayBuffer>) => void): () => void {
    this.dataListeners.add(listener);
    this.scheduleHandOut();
    return () => this.dataListeners.delete(listener);
  }

  private scheduleHandOut(): void {
    if (this.handOutScheduled || this.queued.length === 0) return;
    this.handOutScheduled = true;
    queueMicrotask(() => {
      this.handOutScheduled = false;
      if (this.dataListeners.size === 0) return;
      for (const bytes of this.queued.splice(0)) {
        for (const listener of [...this.dataListeners]) listener(bytes);
      }
    });
  }

  /** The connection ended, by the host or by `close`. */
  onClose(listener: () => void): () => void {
    if (this.ended) listener();
    else this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /** Sends to the host, at once when the socket is open, else as soon as it opens. */
  send(data: Uint8Array<ArrayBuffer> | string): void {
    if (this.ended) return;
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    if (this.unsent) this.unsent.push(bytes);
    else this.socket.send(bytes);
  }

  /** @internal The link's side: the socket opened (or has spoken, which means the same). */
  opened(): void {
    const unsent = this.unsent;
    this.unsent = undefined;
    if (!this.ended) for (const bytes of unsent ?? []) this.socket.send(bytes);
  }

  /** Closes the socket (a screen that failed): the link sees it drop, as any other drop. */
  close(): void {
    if (!this.ended) this.socket.close();
  }

  /** @internal The link's side: bytes arrived. */
  deliver(bytes: Uint8Array<ArrayBuffer>): void {
    if (this.ended) return;
    this.queued.push(bytes);
    this.scheduleHandOut();
  }

  /** @internal The link's side: the socket closed. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const listener of [...this.closeListeners]) listener();
    this.closeListeners.clear();
  }
}

interface LinkListener {
  state?: (state: LinkState) => void;
  connection?: (connection: ConsoleConnection) => void;
}

export class ConsoleLink {
  private current: LinkState = { kind: 'connecting' };
  private connection: ConsoleConnection | undefined;
  private socket: SocketLike | undefined;
  private timer: unknown;
  private stopped = false;
  /** Tries that failed since the last stable connection: how long the next wait is. */
  private failures = 0;
  /** Whether this link has had a connection: a refusal after one is a VM going away, not a refusal to give up on. */
  private everConnected = false;
  /** Tries refused in a row while this link has never connected (the person's "Try again" starts again). */
  private refusals = 0;
  private connectedAt = 0;
  private attemptId = 0;
  private readonly listeners = new Set<LinkListener>();

  constructor(
    private readonly options: LinkOptions,
    private readonly env: LinkEnvironment = browserEnvironment(),
  ) {}

  get state(): LinkState {
    return this.current;
  }

  /**
   * Listens to the state and to each new connection. The connection open now, if any, is
   * given at once, so a screen that loads after the host answered still gets it.
   */
  subscribe(listener: LinkListener): () => void {
    this.listeners.add(listener);
    if (this.connection && !this.connection.closed) listener.connection?.(this.connection);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    void this.attempt();
  }

  /** Connects now, whatever the state (the person's "Reconnect now" or "Try again"). */
  retry(): void {
    if (this.stopped) return;
    this.abandon();
    this.refusals = 0;
    void this.attempt();
  }

  /** The page no longer shows this console: close everything, say nothing more. */
  stop(): void {
    this.stopped = true;
    this.abandon();
    this.listeners.clear();
  }

  private setState(state: LinkState): void {
    this.current = state;
    for (const listener of [...this.listeners]) listener.state?.(state);
  }

  private async attempt(): Promise<void> {
    const id = ++this.attemptId;
    this.setState({ kind: 'connecting' });
    let url: string;
    try {
      url = await this.options.url();
    } catch {
      // No session to connect with (the pool's connection is gone): as a refusal.
      if (id === this.attemptId && !this.stopped) void this.refused();
      return;
    }
    if (id !== this.attemptId || this.stopped) return;
    const socket = this.env.openSocket(url);
    this.socket = socket;
    socket.binaryType = 'arraybuffer';
    const connection = new ConsoleConnection(socket);
    this.connection = connection;
    for (const listener of [...this.listeners]) listener.connection?.(connection);
    // Only the first byte says the host took the console; a close before it was a refusal.
    let accepted = false;
    // Bytes are read in arrival order even when one comes as a Blob (read asynchronously).
    let reading = Promise.resolve();
    socket.onopen = () => connection.opened();
    socket.onmessage = ({ data }) => {
      reading = reading.then(async () => {
        const bytes = await bytesOf(data);
        if (this.socket !== socket) return;
        if (!accepted) {
          accepted = true;
          connection.opened();
          this.accepted();
        }
        connection.deliver(bytes);
      });
    };
    socket.onclose = () => {
      void reading.then(() => {
        if (this.socket !== socket) return;
        this.socket = undefined;
        this.letGo(connection);
        if (accepted && this.env.now() - this.connectedAt >= STABLE_CONNECTION_MS) this.failures = 0;
        // The state says nothing new until the power state has had time to arrive.
        this.timer = this.env.setTimeout(() => {
          this.timer = undefined;
          if (accepted) this.dropped();
          else void this.refused();
        }, POWER_SETTLE_MS);
      });
    };
  }

  private accepted(): void {
    this.everConnected = true;
    this.connectedAt = this.env.now();
    this.setState({ kind: 'connected' });
  }

  private letGo(connection: ConsoleConnection): void {
    connection.end();
    if (this.connection === connection) this.connection = undefined;
  }

  private dropped(): void {
    if (this.options.mayReconnect()) this.wait(false);
    else this.setState({ kind: 'disconnected' });
  }

  private async refused(): Promise<void> {
    const id = this.attemptId;
    const live = await this.options.sessionLive().catch(() => true);
    if (id !== this.attemptId || this.stopped) return;
    if (!live) this.setState({ kind: 'sessionEnded' });
    else if (!this.options.mayReconnect()) this.setState({ kind: this.everConnected ? 'disconnected' : 'refused' });
    else if (this.everConnected || ++this.refusals < TRIES_BEFORE_REFUSED) this.wait(true);
    else this.setState({ kind: 'refused' });
  }

  /** Counts down to the next try, a second at a time, so the page can say when it comes. */
  private wait(refused: boolean): void {
    let seconds = reconnectDelaySeconds(this.failures++);
    const tick = () => {
      if (seconds <= 0) {
        this.timer = undefined;
        void this.attempt();
        return;
      }
      this.setState({ kind: 'waiting', seconds, refused });
      seconds--;
      this.timer = this.env.setTimeout(tick, 1000);
    };
    tick();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.env.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Lets go of the socket, the connection and any wait, telling no one but the screen. */
  private abandon(): void {
    this.clearTimer();
    const { socket, connection } = this;
    this.socket = undefined;
    this.connection = undefined;
    // A try still fetching its URL must not open a socket after this.
    this.attemptId++;
    if (socket) {
      socket.onopen = null;
      socket.onmessage = null;
      socket.onclose = null;
      socket.close();
    }
    connection?.end();
  }
}
