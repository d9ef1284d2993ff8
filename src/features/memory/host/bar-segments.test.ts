import { describe, expect, it } from 'vitest';
import type { HostMemoryBreakdown } from '../../../xapi/rules/host-memory';
import { barSegments } from './bar-segments';

const breakdown: HostMemoryBreakdown = {
  totalBytes: 100,
  xenBytes: 5,
  controlDomainBytes: 10,
  guests: [
    { ref: 'a', actualBytes: 30, dynamicMinBytes: 10, dynamicMaxBytes: 40 },
    { ref: 'b', actualBytes: 20, dynamicMinBytes: 20, dynamicMaxBytes: 20 },
  ],
  freeBytes: 35,
  usedBytes: 65,
  availableBytes: 40,
  overcommit: 0.75,
};

describe('barSegments', () => {
  it('lays out Xen, the control domain, each guest at its actual memory, and free', () => {
    expect(barSegments(breakdown).map((s) => [s.key, s.bytes])).toEqual([
      ['xen', 5],
      ['control-domain', 10],
      ['a', 30],
      ['b', 20],
      ['free', 35],
    ]);
  });

  it('draws a preview at the settled memory, keeping what each guest holds now', () => {
    const segments = barSegments(breakdown, new Map([['a', 40]]));
    expect(segments.map((s) => [s.key, s.bytes, s.nowBytes])).toEqual([
      ['xen', 5, undefined],
      ['control-domain', 10, undefined],
      ['a', 40, 30],
      ['b', 20, 20],
      ['free', 25, undefined],
    ]);
  });
});
