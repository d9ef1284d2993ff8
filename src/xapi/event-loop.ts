/**
 * Keeps a mirror of a pool's objects current, as XAPI clients do: take a token, load
 * every class with get_all_records, then long-poll event.from and hand each batch to
 * the sink in one piece. On a dropped connection it backs off, logs in again and
 * loads everything afresh, so the mirror never keeps an object that was deleted
 * meanwhile or shows one twice.
 *
 * Polls are paced: after a batch, the next event.from goes out no sooner than a
 * minimum interval after the last one did. A burst of changes (hundreds of VMs
 * changing power state) then arrives as a few large batches a second instead of one
 * small batch per change, and each batch costs the page one pass over its tables and
 * one redraw, whatever its size. A change after a quiet spell still arrives at once:
 * the poll waiting for it went out long before.
 */
import type { XapiConnection } from './connection';
import type { XapiClass, XapiEvent } from './model/types';

export interface MirrorSink {
  /** A whole class, replacing what the mirror held for it. */
  loadClass(cls: XapiClass, records: Record<string, unknown>): void;
  /** One event.from batch, applied as one update. */
  applyEvents(events: XapiEvent[]): void;
  status(status: MirrorStatus, error?: unknown): void;
}

/** loading: the first full load; live: events flowing; reconnecting: backing off after a failure. */
export type MirrorStatus = 'loading' | 'live' | 'reconnecting' | 'stopped';

export interface EventLoopOptions {
  /** Loaded first, so the tree can show while the rest arrives. */
  firstClasses: readonly XapiClass[];
  /** Loaded after; everything in both lists is watched. */
  otherClasses: readonly XapiClass[];
  /** Seconds each event.from waits on the server. */
  pollTimeoutS?: number;
  /** The least time between two polls that returned events; see above. */
  minPollIntervalMs?: number;
  /** Backoff after a failure, doubling up to the maximum. */
  backoffMs?: { initial: number; max: number };
  signal: AbortSignal;
  /** The backoff's wait, injected for tests; defaults to setTimeout. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** Long enough to gather a burst into one batch, short enough that a person sees no delay. */
export const MIN_POLL_INTERVAL_MS = 100;

const defaultSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

export async function runEventLoop(
  connection: XapiConnection,
  sink: MirrorSink,
  options: EventLoopOptions,
): Promise<void> {
  const { signal, firstClasses, otherClasses, pollTimeoutS = 30, minPollIntervalMs = MIN_POLL_INTERVAL_MS } = options;
  const { initial, max } = options.backoffMs ?? { initial: 1_000, max: 30_000 };
  const sleep = options.sleep ?? defaultSleep;
  const classes = [...firstClasses, ...otherClasses];
  let backoff = initial;
  let first = true;

  while (!signal.aborted) {
    try {
      if (!first) await connection.login();
      // The token comes before the load, so nothing that changes during it is missed;
      // a change seen twice is harmless (a mod replaces the record).
      const [pool] = await connection.callWith(signal, 'pool.get_all');
      let token = await connection.callWith(signal, 'event.inject', 'pool', pool);
      for (const cls of classes) {
        const records = await connection.callWith(signal, `${cls}.get_all_records` as 'VM.get_all_records');
        sink.loadClass(cls, records as Record<string, unknown>);
        if (cls === firstClasses[firstClasses.length - 1] && first) sink.status('loading');
      }
      sink.status('live');
      first = false;
      backoff = initial;
      while (!signal.aborted) {
        const asked = performance.now();
        const batch = await connection.callWith(signal, 'event.from', classes, token, pollTimeoutS);
        token = batch.token;
        if (!batch.events.length) continue;
        sink.applyEvents(batch.events);
        const early = asked + minPollIntervalMs - performance.now();
        if (early > 0) await defaultSleep(early, signal);
      }
    } catch (error) {
      if (signal.aborted) break;
      first = false;
      sink.status('reconnecting', error);
      await sleep(backoff, signal);
      backoff = Math.min(max, backoff * 2);
    }
  }
  sink.status('stopped');
}
