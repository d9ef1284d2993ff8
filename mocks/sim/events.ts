/**
 * event.from as XAPI serves it: subscriptions ("*", a class in any case, "class/ref"),
 * tokens "%020d,%020d", a long poll that returns soon after the first matching change
 * (after a short batching delay) or empty at the timeout, and logout ending the wait.
 */

import type { VirtualClock } from './clock';
import type { Database, Row } from './db';
import { fail, XapiFailure } from './failure';

/** XAPI waits briefly after the first change so related changes arrive together. */
export const EVENT_BATCH_DELAY_MS = 50;

export interface EventRecord {
  id: string;
  timestamp: string;
  class: string;
  operation: 'add' | 'mod' | 'del';
  ref: string;
  /** A Row (serialised from its cache) for add/mod; absent for del. */
  snapshot?: Row;
}

export interface EventBatchResult {
  events: EventRecord[];
  valid_ref_counts: Record<string, number>;
  token: string;
}

type Subscription = (cls: string, ref: string) => boolean;

const pad = (n: number) => String(n).padStart(20, '0');

export class EventService {
  private waiters = new Set<{ session: string; cancel: (error: XapiFailure) => void }>();

  constructor(
    private readonly db: Database,
    private readonly clock: VirtualClock,
  ) {}

  token(): string {
    const gen = this.db.currentGeneration;
    return `${pad(gen)},${pad(gen)}`;
  }

  parseSubscriptions(classes: string[]): Subscription {
    const all = new Set<string>();
    const single = new Set<string>();
    let everything = false;
    for (const entry of classes) {
      if (entry === '*') {
        everything = true;
        continue;
      }
      const slash = entry.indexOf('/');
      const cls = this.db.schema.canonicalClass(slash < 0 ? entry : entry.slice(0, slash));
      if (!cls) fail('EVENT_SUBSCRIPTION_PARSE_FAILURE', entry);
      if (slash < 0) all.add(cls);
      else single.add(`${cls}/${entry.slice(slash + 1)}`);
    }
    return (cls, ref) => everything || all.has(cls) || single.has(`${cls}/${ref}`);
  }

  parseToken(token: string): number {
    if (token === '') return -1;
    const m = /^(\d+),(\d+)$/.exec(token);
    if (!m) fail('EVENT_FROM_TOKEN_PARSE_FAILURE', token);
    return Number(m[1]);
  }

  validRefCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const cls of this.db.tableNames) counts[cls.toLowerCase()] = this.db.count(cls);
    return counts;
  }

  /** Collects the batch for `since` without waiting. */
  collect(wants: Subscription, since: number): EventBatchResult {
    const events: EventRecord[] = [];
    if (since < 0) {
      for (const cls of this.db.tableNames) {
        for (const row of this.db.rows(cls)) {
          if (wants(cls, row.ref)) events.push(this.event(cls, row.ref, 'add', row.modified, row));
        }
      }
    } else {
      for (const c of this.db.changesSince(since, wants))
        events.push(this.event(c.cls, c.ref, c.operation, c.gen, c.row));
    }
    return { events, valid_ref_counts: this.validRefCounts(), token: this.token() };
  }

  private event(cls: string, ref: string, operation: EventRecord['operation'], gen: number, row?: Row): EventRecord {
    const e: EventRecord = { id: String(gen), timestamp: '0.0', class: cls.toLowerCase(), operation, ref };
    if (operation !== 'del' && row) e.snapshot = row;
    return e;
  }

  /** The long poll. `timeoutS` is in virtual seconds. */
  from(session: string, classes: string[], token: string, timeoutS: number): Promise<EventBatchResult> {
    const wants = this.parseSubscriptions(classes);
    const since = this.parseToken(token);
    const now = this.collect(wants, since);
    if (now.events.length > 0 || since < 0) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      let timer = this.clock.schedule(Math.max(0, timeoutS) * 1000, () => finish());
      const unsubscribe = this.db.onChange((change) => {
        if (!wants(change.cls, change.ref)) return;
        unsubscribe();
        this.clock.cancel(timer);
        timer = this.clock.schedule(EVENT_BATCH_DELAY_MS, () => finish());
      });
      const waiter = {
        session,
        cancel: (error: XapiFailure) => {
          cleanup();
          reject(error);
        },
      };
      const cleanup = () => {
        unsubscribe();
        this.clock.cancel(timer);
        this.waiters.delete(waiter);
      };
      const finish = () => {
        cleanup();
        resolve(this.collect(wants, since));
      };
      this.waiters.add(waiter);
    });
  }

  /** Ends every pending poll of a session that has logged out, as XAPI does. */
  endSession(session: string): void {
    for (const w of [...this.waiters])
      if (w.session === session) w.cancel(new XapiFailure('SESSION_INVALID', [session]));
  }
}
