// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OPENER_POLL_MS, watchOpener } from './opener-watch';

/** An opener the test closes or unloads. */
const fakeOpener = () => {
  const target = new EventTarget() as EventTarget & { closed: boolean };
  target.closed = false;
  return target as unknown as Window & { closed: boolean };
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('watchOpener', () => {
  it('says the opener has gone when it unloads (a reload), once', () => {
    const opener = fakeOpener();
    const gone = vi.fn();
    watchOpener(opener, gone);
    expect(gone).not.toHaveBeenCalled();
    opener.dispatchEvent(new Event('pagehide'));
    opener.closed = true;
    vi.advanceTimersByTime(OPENER_POLL_MS * 3);
    expect(gone).toHaveBeenCalledTimes(1);
  });

  it('notices an opener closed without a word', () => {
    const opener = fakeOpener();
    const gone = vi.fn();
    watchOpener(opener, gone);
    vi.advanceTimersByTime(OPENER_POLL_MS * 3);
    expect(gone).not.toHaveBeenCalled();
    opener.closed = true;
    vi.advanceTimersByTime(OPENER_POLL_MS);
    expect(gone).toHaveBeenCalledTimes(1);
  });

  it('says nothing once stopped (this window closed first)', () => {
    const opener = fakeOpener();
    const gone = vi.fn();
    const stop = watchOpener(opener, gone);
    stop();
    opener.dispatchEvent(new Event('pagehide'));
    opener.closed = true;
    vi.advanceTimersByTime(OPENER_POLL_MS * 3);
    expect(gone).not.toHaveBeenCalled();
  });
});
