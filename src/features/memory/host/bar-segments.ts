/**
 * The pieces of a host's memory bar, left to right: Xen, the control domain, each
 * guest, and what is free. With a preview, each guest is drawn at the memory squeezed
 * would settle it at, and free memory is what would be left.
 */
import type { GuestSegment, HostMemoryBreakdown } from '../../../xapi/rules/host-memory';

export type SegmentKind = 'xen' | 'control-domain' | 'guest' | 'free';

export interface BarSegment {
  key: string;
  kind: SegmentKind;
  /** The width of the piece, in bytes of the host's total. */
  bytes: number;
  guest?: GuestSegment;
  /** In a preview: what the guest holds now (bytes is where it would settle). */
  nowBytes?: number;
}

export function barSegments(breakdown: HostMemoryBreakdown, settled?: ReadonlyMap<string, number>): BarSegment[] {
  const segments: BarSegment[] = [
    { key: 'xen', kind: 'xen', bytes: breakdown.xenBytes },
    { key: 'control-domain', kind: 'control-domain', bytes: breakdown.controlDomainBytes },
  ];
  let held = breakdown.xenBytes + breakdown.controlDomainBytes;
  for (const guest of breakdown.guests) {
    const bytes = settled?.get(guest.ref) ?? guest.actualBytes;
    held += bytes;
    segments.push({ key: guest.ref, kind: 'guest', bytes, guest, nowBytes: settled ? guest.actualBytes : undefined });
  }
  segments.push({ key: 'free', kind: 'free', bytes: Math.max(0, breakdown.totalBytes - held) });
  return segments;
}
