/**
 * A host's memory as XAPI and squeezed account for it:
 * - free memory with every guest squeezed to its dynamic minimum
 *   (host_compute_free_memory_with_maximum_compression in ocaml/xapi/memory_check.ml),
 *   which is what host.compute_free_memory answers;
 * - the check XAPI makes before it raises a running VM's dynamic minimum
 *   (reserve_memory_for_dynamic_change in message_forwarding.ml);
 * - where the memory is now, segment by segment, and how far the host is overcommitted;
 * - where squeezed's proportional policy would put every balloon
 *   (ocaml/squeezed/lib/squeeze.ml, Proportional), to preview a change before it is sent.
 */
import type { XapiRecord } from '../model/types';
import { NULL_REF } from '../refs';
import { canBalloon } from './memory';

type Vm = XapiRecord<'VM'>;

/** One VM that has, or is getting, a domain on the host, with the records that describe it. */
export interface HostGuest {
  ref: string;
  vm: Vm;
  metrics?: XapiRecord<'VM_metrics'>;
  guestMetrics?: XapiRecord<'VM_guest_metrics'>;
}

export interface HostMemoryInput {
  /** host_metrics.memory_total. */
  totalBytes: number;
  /** host.memory_overhead: Xen, the crash kernel and squeezed's reserve. */
  hostOverheadBytes: number;
  /** Every VM resident on or scheduled to the host, its control domain included. */
  guests: readonly HostGuest[];
}

/** Whether a VM counts against a host (resident_on or scheduled_to_be_resident_on it). */
export const countsAgainst = (vm: Vm, host: string) =>
  vm.resident_on === host || (vm.scheduled_to_be_resident_on === host && host !== NULL_REF);

/**
 * host.compute_free_memory: total − host overhead − Σ(dynamic_min + overhead) over the
 * VMs counted against the host, never below 0.
 */
export function hostFreeMemory(input: HostMemoryInput): number {
  let used = input.hostOverheadBytes;
  for (const { vm } of input.guests) used += vm.memory_dynamic_min + vm.memory_overhead;
  return Math.max(0, input.totalBytes - used);
}

/** HOST_NOT_ENOUGH_FREE_MEMORY's params for a raise of dynamic_min, in KiB as XAPI sends them on this path. */
export interface DynamicMinShortfall {
  neededKiB: number;
  availableKiB: number;
}

/**
 * reserve_memory_for_dynamic_change: a running VM's dynamic minimum may grow by at
 * most what the host has free with every guest at its minimum. Lowering always fits.
 */
export function dynamicMinShortfall(
  freeBytes: number,
  oldDynamicMinBytes: number,
  newDynamicMinBytes: number,
): DynamicMinShortfall | undefined {
  const change = oldDynamicMinBytes - newDynamicMinBytes;
  if (freeBytes + change >= 0) return undefined;
  return { neededKiB: Math.trunc(-change / 1024), availableKiB: Math.trunc(freeBytes / 1024) };
}

/** One guest's share of the host's memory bar. */
export interface GuestSegment {
  ref: string;
  /** What the domain holds now (VM_metrics.memory_actual). */
  actualBytes: number;
  dynamicMinBytes: number;
  dynamicMaxBytes: number;
}

/** Where a host's memory is, in bytes; the segments add up to the total. */
export interface HostMemoryBreakdown {
  totalBytes: number;
  /** Xen itself (host.memory_overhead) and every domain's overhead (shadow pages, vCPU state). */
  xenBytes: number;
  controlDomainBytes: number;
  guests: GuestSegment[];
  freeBytes: number;
  /** total − free. */
  usedBytes: number;
  /** total − Xen − Σ dynamic minimum: what could still start here with every guest squeezed. */
  availableBytes: number;
  /** (Σ dynamic maximum + Xen) / total: above 1 when the guests could not all have their maximum at once. */
  overcommit: number;
}

const actualOf = (guest: HostGuest) => guest.metrics?.memory_actual ?? 0;

/**
 * The host's memory now. Only domains resident on the host hold memory; a VM merely
 * scheduled there counts towards available memory (XAPI has reserved it) but has no
 * segment yet.
 */
export function hostMemoryBreakdown(host: string, input: HostMemoryInput): HostMemoryBreakdown {
  let xenBytes = input.hostOverheadBytes;
  let controlDomainBytes = 0;
  let dynamicMaxSum = 0;
  const guests: GuestSegment[] = [];
  for (const guest of input.guests) {
    const { vm } = guest;
    dynamicMaxSum += vm.memory_dynamic_max;
    if (vm.resident_on !== host) continue;
    xenBytes += vm.memory_overhead;
    if (vm.is_control_domain) controlDomainBytes += actualOf(guest);
    else {
      guests.push({
        ref: guest.ref,
        actualBytes: actualOf(guest),
        dynamicMinBytes: vm.memory_dynamic_min,
        dynamicMaxBytes: vm.memory_dynamic_max,
      });
    }
  }
  const held = xenBytes + controlDomainBytes + guests.reduce((sum, g) => sum + g.actualBytes, 0);
  const freeBytes = Math.max(0, input.totalBytes - held);
  return {
    totalBytes: input.totalBytes,
    xenBytes,
    controlDomainBytes,
    guests,
    freeBytes,
    usedBytes: input.totalBytes - freeBytes,
    availableBytes: hostFreeMemory(input),
    overcommit: input.totalBytes > 0 ? (dynamicMaxSum + xenBytes) / input.totalBytes : 0,
  };
}

/** A proposed range for one of the host's guests, to preview before it is sent. */
export interface RangeChange {
  ref: string;
  dynamicMinBytes: number;
  dynamicMaxBytes: number;
}

/** The host as it would be with one guest's new range (its figures before squeezed has acted). */
export function withRangeChange(input: HostMemoryInput, change: RangeChange): HostMemoryInput {
  return {
    ...input,
    guests: input.guests.map((guest) =>
      guest.ref === change.ref
        ? {
            ...guest,
            vm: { ...guest.vm, memory_dynamic_min: change.dynamicMinBytes, memory_dynamic_max: change.dynamicMaxBytes },
          }
        : guest,
    ),
  };
}

/**
 * Where squeezed's proportional policy would settle every resident guest's memory:
 * the memory free now plus what the balloons could give back above their minimums is
 * shared out so each guest sits at the same fraction γ of its dynamic range. Guests
 * without a balloon driver keep what they hold. Returns the memory each resident
 * guest (control domain excluded) would settle at, by ref.
 */
export function settledMemory(host: string, input: HostMemoryInput): Map<string, number> {
  const breakdown = hostMemoryBreakdown(host, input);
  const settled = new Map<string, number>();
  let surplus = breakdown.freeBytes;
  let totalRange = 0;
  const ballooning: { ref: string; min: number; range: number }[] = [];
  for (const guest of input.guests) {
    const { vm } = guest;
    if (vm.resident_on !== host || vm.is_control_domain) continue;
    const actual = actualOf(guest);
    if (!canBalloon(guest.guestMetrics) || vm.power_state !== 'Running') {
      settled.set(guest.ref, actual);
      continue;
    }
    const min = vm.memory_dynamic_min;
    const range = Math.max(0, vm.memory_dynamic_max - min);
    surplus += actual - min;
    totalRange += range;
    ballooning.push({ ref: guest.ref, min, range });
  }
  const gamma = totalRange > 0 ? Math.min(1, Math.max(0, surplus / totalRange)) : 0;
  for (const { ref, min, range } of ballooning) settled.set(ref, min + Math.trunc(gamma * range));
  return settled;
}
