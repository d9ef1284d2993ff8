import { describe, expect, it } from 'vitest';
import { appendSample, HISTORY_LIMIT, settled } from './balloon-history';

const MiB = 1024 * 1024;

describe('balloon history', () => {
  it('keeps the latest samples only', () => {
    let history = [] as ReturnType<typeof appendSample>;
    for (let i = 0; i < HISTORY_LIMIT + 5; i++)
      history = appendSample(history, { atMs: i, targetBytes: 0, actualBytes: 0 });
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0].atMs).toBe(5);
    expect(history.at(-1)?.atMs).toBe(HISTORY_LIMIT + 4);
  });

  it('counts a balloon within a MiB of its target as there', () => {
    expect(settled({ atMs: 0, targetBytes: 1024 * MiB, actualBytes: 1024 * MiB + MiB })).toBe(true);
    expect(settled({ atMs: 0, targetBytes: 1024 * MiB, actualBytes: 1022 * MiB })).toBe(false);
  });
});
