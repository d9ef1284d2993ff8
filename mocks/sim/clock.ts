/**
 * The simulator's virtual clock. Every model transition is scheduled here rather
 * than with setTimeout, so tests advance time explicitly and runs are repeatable.
 * A host (browser worker, `npm run sim`) drives it from wall time with `startRealTime`.
 */
export type TimerId = number;

interface Timer {
  id: TimerId;
  at: number;
  fn: () => void;
}

/** 2026-01-01T00:00:00Z: scenarios start here so dates look plausible and stay fixed. */
export const DEFAULT_EPOCH_MS = Date.UTC(2026, 0, 1);

export class VirtualClock {
  private nowMs: number;
  private nextId = 1;
  // Kept sorted by (at, id) so timers due at the same instant fire in scheduling order.
  private timers: Timer[] = [];

  constructor(startMs = DEFAULT_EPOCH_MS) {
    this.nowMs = startMs;
  }

  now(): number {
    return this.nowMs;
  }

  schedule(delayMs: number, fn: () => void): TimerId {
    const timer = { id: this.nextId++, at: this.nowMs + Math.max(0, delayMs), fn };
    let i = this.timers.length;
    while (i > 0 && this.timers[i - 1].at > timer.at) i--;
    this.timers.splice(i, 0, timer);
    return timer.id;
  }

  cancel(id: TimerId): void {
    const i = this.timers.findIndex((t) => t.id === id);
    if (i >= 0) this.timers.splice(i, 1);
  }

  /** Moves time forward, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.nowMs + Math.max(0, ms);
    for (;;) {
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.nowMs = next.at;
      next.fn();
    }
    this.nowMs = end;
  }

  /** Advances to the next due timer (if any) and fires everything due then. */
  advanceToNext(): boolean {
    const next = this.timers[0];
    if (!next) return false;
    this.advance(next.at - this.nowMs);
    return true;
  }

  pendingTimers(): number {
    return this.timers.length;
  }

  /**
   * Drives the clock from wall time, `speed` virtual ms per real ms. Returns a stop
   * function. Only hosts call this; the model itself never reads wall time.
   */
  startRealTime(speed = 1, tickMs = 20): () => void {
    let last = performance.now();
    const handle = setInterval(() => {
      const t = performance.now();
      this.advance((t - last) * speed);
      last = t;
    }, tickMs);
    return () => clearInterval(handle);
  }
}
