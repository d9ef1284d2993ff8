import { describe, expect, it } from 'vitest';
import { autoUnit, formatInUnit, GiB, MiB, memoryText, parseMemory, sliderStepBytes } from './memory-units';

describe('formatInUnit', () => {
  it('shows whole MiB, and GiB with one decimal', () => {
    expect(autoUnit(512 * MiB)).toBe('MiB');
    expect(autoUnit(1 * GiB)).toBe('GiB');
    expect(formatInUnit(512 * MiB, 'MiB')).toBe('512');
    expect(formatInUnit(1536 * MiB, 'GiB')).toBe('1.5');
    expect(formatInUnit(4 * GiB, 'GiB')).toBe('4.0');
  });

  it('keeps the decimals a slider step needs, so the field shows what would be sent', () => {
    expect(formatInUnit(1152 * MiB, 'GiB')).toBe('1.125');
    expect(formatInUnit(1280 * MiB, 'GiB')).toBe('1.25');
  });
});

describe('parseMemory', () => {
  it('reads a number in the unit chosen', () => {
    expect(parseMemory('1.5', 'GiB')).toEqual({ ok: true, bytes: 1536 * MiB });
    expect(parseMemory(' 768 ', 'MiB')).toEqual({ ok: true, bytes: 768 * MiB });
    expect(parseMemory('2,5', 'GiB')).toEqual({ ok: true, bytes: 2560 * MiB });
  });

  it('lets the text name its own unit', () => {
    expect(parseMemory('512 MiB', 'GiB')).toEqual({ ok: true, bytes: 512 * MiB });
    expect(parseMemory('2g', 'MiB')).toEqual({ ok: true, bytes: 2 * GiB });
    expect(parseMemory('3 GB', 'MiB')).toEqual({ ok: true, bytes: 3 * GiB });
  });

  it('rounds to whole MiB', () => {
    expect(parseMemory('1.3', 'GiB')).toEqual({ ok: true, bytes: 1331 * MiB });
  });

  it('says what is wrong with bad input', () => {
    expect(parseMemory('', 'GiB')).toEqual({ ok: false, error: 'empty' });
    expect(parseMemory('lots', 'GiB')).toEqual({ ok: false, error: 'not-a-number' });
    expect(parseMemory('4 TB', 'GiB')).toEqual({ ok: false, error: 'not-a-number' });
    expect(parseMemory('1.2.3', 'GiB')).toEqual({ ok: false, error: 'not-a-number' });
    expect(parseMemory('0', 'GiB')).toEqual({ ok: false, error: 'not-positive' });
    expect(parseMemory('-2', 'GiB')).toEqual({ ok: false, error: 'not-positive' });
    expect(parseMemory('0.0001', 'GiB')).toEqual({ ok: false, error: 'not-positive' });
  });
});

describe('memoryText and sliderStepBytes', () => {
  it('says a size exactly, with its unit', () => {
    expect(memoryText(512 * MiB)).toBe('512 MiB');
    expect(memoryText(1152 * MiB)).toBe('1.125 GiB');
  });

  it('steps by a power of two MiB, at most 128 MiB', () => {
    expect(sliderStepBytes(4 * GiB)).toBe(128 * MiB);
    expect(sliderStepBytes(256 * MiB)).toBe(32 * MiB);
    expect(sliderStepBytes(8 * MiB)).toBe(1 * MiB);
  });
});
