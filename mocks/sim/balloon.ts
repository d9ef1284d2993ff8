/**
 * A guest's balloon driver: how fast it gives memory back to Xen or takes it again
 * when squeezed writes a new target. Real drivers work in batches of pages and back
 * off when the guest cannot spare any (Linux's drivers/xen/balloon.c, the Windows PV
 * drivers' xenbus balloon), so memory_actual moves towards the target over seconds,
 * not at once. The rates are per guest (GuestProfile), with defaults by OS.
 */
import type { GuestOs, GuestProfile } from './hardware';
import { MiB } from './units';

/**
 * Default driver speeds. Neither driver publishes a rate; these are chosen so that a
 * few GiB move in seconds to tens of seconds, as administrators see on real hosts:
 * Linux frees pages in large batches and rarely stalls; the Windows driver stops a
 * batch whenever allocation is slow and retries later, so it is slower.
 */
export const BALLOON_MIB_PER_SECOND: Readonly<Record<GuestOs, number>> = { linux: 256, windows: 128 };

/** A guest under memory pressure reclaims at a tenth of its driver's speed. */
const SLOW_SHARE = 0.1;

/** Xen hands out and takes back whole 4 KiB pages. */
const PAGE_BYTES = 4096;

/** How many bytes a second the guest's driver moves; 0 when it is stuck or the guest has no driver. */
export function balloonBytesPerSecond(guest: GuestProfile): number {
  if (!guest.hasTools) return 0;
  const rate = (guest.balloonMiBPerSecond ?? BALLOON_MIB_PER_SECOND[guest.os]) * MiB;
  switch (guest.balloonDriver ?? 'working') {
    case 'working':
      return rate;
    case 'slow':
      return rate * SLOW_SHARE;
    case 'stuck':
      return 0;
  }
}

/**
 * memory_actual after the driver has worked for a while: at most `maxMoveBytes` towards
 * the target, in whole pages, and never growing by more than Xen has free (a claim for
 * pages Xen does not have simply fails, and the driver tries again later).
 */
export function balloonStep(actual: number, target: number, maxMoveBytes: number, freeBytes: number): number {
  const wholePages = (bytes: number) => Math.max(0, Math.floor(bytes / PAGE_BYTES) * PAGE_BYTES);
  if (target < actual) {
    return actual - target <= maxMoveBytes ? target : actual - wholePages(maxMoveBytes);
  }
  const room = Math.min(maxMoveBytes, freeBytes);
  return target - actual <= room ? target : actual + wholePages(room);
}
