import { describe, expect, it } from 'vitest';
import { parseUnixSeconds, parseXapiDateTime } from './datetime';

describe('parseXapiDateTime', () => {
  it('reads the compact UTC form XAPI sends', () => {
    expect(parseXapiDateTime('20260821T02:00:23Z')).toBe(Date.UTC(2026, 7, 21, 2, 0, 23));
  });

  it('reads RFC 3339 with dashes, fractions and an offset', () => {
    expect(parseXapiDateTime('2026-08-21T04:00:23.500+02:00')).toBe(Date.UTC(2026, 7, 21, 2, 0, 23, 500));
    expect(parseXapiDateTime('20260821T04:00:23+0200')).toBe(Date.UTC(2026, 7, 21, 2, 0, 23));
  });

  it('treats a missing zone as UTC', () => {
    expect(parseXapiDateTime('20260821T02:00:23')).toBe(Date.UTC(2026, 7, 21, 2, 0, 23));
  });

  it('reads the epoch as "never" and rejects what is not a datetime', () => {
    expect(parseXapiDateTime('19700101T00:00:00Z')).toBeUndefined();
    expect(parseXapiDateTime('')).toBeUndefined();
    expect(parseXapiDateTime('yesterday')).toBeUndefined();
  });
});

describe('parseUnixSeconds', () => {
  it("reads other_config's float seconds, with or without a fraction", () => {
    expect(parseUnixSeconds('1767225600.')).toBe(1767225600000);
    expect(parseUnixSeconds('1767225600.25')).toBe(1767225600250);
  });

  it('ignores a missing or meaningless value', () => {
    expect(parseUnixSeconds(undefined)).toBeUndefined();
    expect(parseUnixSeconds('')).toBeUndefined();
    expect(parseUnixSeconds('soon')).toBeUndefined();
    expect(parseUnixSeconds('0')).toBeUndefined();
  });
});
