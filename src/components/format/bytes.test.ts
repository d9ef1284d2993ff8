import { describe, expect, it } from 'vitest';
import { formatMemory, formatSize } from './bytes';

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

describe('formatMemory', () => {
  it('shows whole MiB below 1 GiB', () => {
    expect(formatMemory(512 * MiB)).toBe('512 MiB');
    expect(formatMemory(1023 * MiB)).toBe('1023 MiB');
    expect(formatMemory(40894464)).toBe('39 MiB');
  });

  it('shows GiB with one decimal from 1 GiB up, never TiB', () => {
    expect(formatMemory(GiB)).toBe('1.0 GiB');
    expect(formatMemory(1.5 * GiB)).toBe('1.5 GiB');
    expect(formatMemory(4096 * MiB)).toBe('4.0 GiB');
    expect(formatMemory(2048 * GiB)).toBe('2048.0 GiB');
  });
});

describe('formatSize', () => {
  it('picks the largest unit that keeps the number at 1 or more', () => {
    expect(formatSize(0)).toBe('0 B');
    expect(formatSize(900)).toBe('900 B');
    expect(formatSize(4096)).toBe('4 KiB');
    expect(formatSize(20 * MiB)).toBe('20 MiB');
    expect(formatSize(20 * GiB)).toBe('20.0 GiB');
    expect(formatSize(4096 * GiB)).toBe('4.0 TiB');
  });
});
