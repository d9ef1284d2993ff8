import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { XapiConnection } from './connection';
import { MIN_POLL_INTERVAL_MS, runEventLoop } from './event-loop';
import type { XapiEvent } from './model/types';

const change = (id: number): XapiEvent => ({
  id: String(id),
  timestamp: '0',
  class: 'vm',
  operation: 'mod',
  ref: `OpaqueRef:vm${id}`,
});

/**
 * A pool whose event.from always has a change ready, the way it does in a burst; it
 * records when each poll went out, and stops the loop after 50 (an unpaced loop would
 * otherwise never yield to the timers).
 */
function busyPool(stop: AbortController) {
  const polls: number[] = [];
  const connection = {
    login: async () => 'OpaqueRef:session',
    callWith: async (_signal: AbortSignal, method: string) => {
      if (method === 'pool.get_all') return ['OpaqueRef:pool'];
      if (method === 'event.inject') return 'token-0';
      if (method !== 'event.from') return {};
      polls.push(performance.now());
      if (polls.length >= 50) stop.abort();
      return { events: [change(polls.length)], valid_ref_counts: {}, token: `token-${polls.length}` };
    },
  } as unknown as XapiConnection;
  return { connection, polls };
}

describe('runEventLoop pacing', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the next poll after a batch no sooner than the minimum interval, and applies every batch', async () => {
    const stop = new AbortController();
    const { connection, polls } = busyPool(stop);
    const applied: string[] = [];
    const loop = runEventLoop(
      connection,
      { loadClass: () => {}, applyEvents: (events) => applied.push(...events.map((e) => e.id)), status: () => {} },
      { firstClasses: ['VM'], otherClasses: [], signal: stop.signal },
    );
    await vi.advanceTimersByTimeAsync(MIN_POLL_INTERVAL_MS * 5 - 1);
    stop.abort();
    await loop;
    expect(polls).toHaveLength(5);
    for (let i = 1; i < polls.length; i++) expect(polls[i] - polls[i - 1]).toBeGreaterThanOrEqual(MIN_POLL_INTERVAL_MS);
    expect(applied).toEqual(['1', '2', '3', '4', '5']);
  });
});
