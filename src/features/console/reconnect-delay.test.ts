import { describe, expect, it } from 'vitest';
import { reconnectDelaySeconds } from './reconnect-delay';

describe('reconnectDelaySeconds', () => {
  it('doubles from 1 s and stops at 30 s', () => {
    expect(Array.from({ length: 8 }, (_, failures) => reconnectDelaySeconds(failures))).toEqual([
      1, 2, 4, 8, 16, 30, 30, 30,
    ]);
  });

  it('stays at the cap however long the console has been unreachable', () => {
    expect(reconnectDelaySeconds(1_000)).toBe(30);
  });
});
