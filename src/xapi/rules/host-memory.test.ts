import { describe, expect, it } from 'vitest';
import type { XapiRecord } from '../model/types';
import {
  dynamicMinShortfall,
  type HostGuest,
  type HostMemoryInput,
  hostFreeMemory,
  hostMemoryBreakdown,
  settledMemory,
  withRangeChange,
} from './host-memory';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const HOST = 'OpaqueRef:host';

interface GuestSpec {
  ref: string;
  min: number;
  max: number;
  actual: number;
  overhead?: number;
  balloon?: boolean;
  controlDomain?: boolean;
  scheduledOnly?: boolean;
}

function guest(spec: GuestSpec): HostGuest {
  const vm = {
    power_state: spec.scheduledOnly ? 'Halted' : 'Running',
    resident_on: spec.scheduledOnly ? 'OpaqueRef:NULL' : HOST,
    scheduled_to_be_resident_on: spec.scheduledOnly ? HOST : 'OpaqueRef:NULL',
    is_control_domain: spec.controlDomain ?? false,
    memory_dynamic_min: spec.min,
    memory_dynamic_max: spec.max,
    memory_overhead: spec.overhead ?? 0,
  } as XapiRecord<'VM'>;
  return {
    ref: spec.ref,
    vm,
    metrics: { memory_actual: spec.actual } as XapiRecord<'VM_metrics'>,
    guestMetrics: spec.balloon
      ? ({ live: true, other: { 'feature-balloon': '1' } } as unknown as XapiRecord<'VM_guest_metrics'>)
      : undefined,
  };
}

const dom0 = guest({
  ref: 'dom0',
  min: 2 * GiB,
  max: 2 * GiB,
  actual: 2 * GiB,
  overhead: 10 * MiB,
  controlDomain: true,
});

function host(guests: GuestSpec[], totalGiB = 32): HostMemoryInput {
  return { totalBytes: totalGiB * GiB, hostOverheadBytes: 1 * GiB, guests: [dom0, ...guests.map(guest)] };
}

describe('hostFreeMemory', () => {
  it('is total − host overhead − Σ(dynamic_min + overhead), resident or scheduled, dom0 included', () => {
    const input = host([
      { ref: 'a', min: 4 * GiB, max: 8 * GiB, actual: 6 * GiB, overhead: 30 * MiB },
      { ref: 'b', min: 2 * GiB, max: 2 * GiB, actual: 0, overhead: 20 * MiB, scheduledOnly: true },
    ]);
    expect(hostFreeMemory(input)).toBe(
      32 * GiB - 1 * GiB - (2 * GiB + 10 * MiB) - (4 * GiB + 30 * MiB) - (2 * GiB + 20 * MiB),
    );
  });

  it('never goes below zero', () => {
    expect(hostFreeMemory(host([{ ref: 'a', min: 40 * GiB, max: 40 * GiB, actual: 0 }]))).toBe(0);
  });
});

describe('dynamicMinShortfall', () => {
  it('lets a raise within the free memory through, and any lowering', () => {
    expect(dynamicMinShortfall(2 * GiB, 1 * GiB, 3 * GiB)).toBeUndefined();
    expect(dynamicMinShortfall(0, 3 * GiB, 1 * GiB)).toBeUndefined();
  });

  it('gives the raise and the free memory in KiB, as XAPI does', () => {
    expect(dynamicMinShortfall(1 * GiB, 1 * GiB, 3 * GiB)).toEqual({
      neededKiB: 2 * 1024 * 1024,
      availableKiB: 1024 * 1024,
    });
  });
});

describe('hostMemoryBreakdown', () => {
  it('splits the host into Xen, the control domain, one segment per guest and free, adding up to the total', () => {
    const input = host([
      { ref: 'a', min: 4 * GiB, max: 8 * GiB, actual: 6 * GiB, overhead: 30 * MiB },
      { ref: 'b', min: 1 * GiB, max: 2 * GiB, actual: 2 * GiB, overhead: 20 * MiB },
    ]);
    const b = hostMemoryBreakdown(HOST, input);
    expect(b.xenBytes).toBe(1 * GiB + 60 * MiB);
    expect(b.controlDomainBytes).toBe(2 * GiB);
    expect(b.guests.map((g) => [g.ref, g.actualBytes])).toEqual([
      ['a', 6 * GiB],
      ['b', 2 * GiB],
    ]);
    expect(b.xenBytes + b.controlDomainBytes + 8 * GiB + b.freeBytes).toBe(b.totalBytes);
    expect(b.usedBytes).toBe(b.totalBytes - b.freeBytes);
    expect(b.availableBytes).toBe(hostFreeMemory(input));
    // (Σ dynamic max 2 + 8 + 2 GiB, plus Xen) over 32 GiB.
    expect(b.overcommit).toBeCloseTo((12 * GiB + b.xenBytes) / (32 * GiB));
  });

  it('gives a VM only scheduled to the host no segment yet', () => {
    const b = hostMemoryBreakdown(
      HOST,
      host([{ ref: 'c', min: 1 * GiB, max: 1 * GiB, actual: 0, scheduledOnly: true }]),
    );
    expect(b.guests).toEqual([]);
  });
});

describe('settledMemory', () => {
  it('puts every ballooning guest at the same share of its range', () => {
    // 32 GiB − 1 GiB − dom0's 2 GiB and 10 MiB overhead; a and b hold 20 GiB, so 9 GiB − 10 MiB are free.
    const input = host([
      { ref: 'a', min: 4 * GiB, max: 20 * GiB, actual: 10 * GiB, balloon: true },
      { ref: 'b', min: 2 * GiB, max: 10 * GiB, actual: 10 * GiB, balloon: true },
    ]);
    const settled = settledMemory(HOST, input);
    // The surplus, free plus what a and b hold above their minimums (6 + 8 GiB), over a range of 24 GiB.
    const gamma = (23 * GiB - 10 * MiB) / (24 * GiB);
    expect(settled.get('a')).toBe(4 * GiB + Math.trunc(gamma * 16 * GiB));
    expect(settled.get('b')).toBe(2 * GiB + Math.trunc(gamma * 8 * GiB));
  });

  it('previews a proposed range, and leaves guests without a balloon where they are', () => {
    const input = host([
      { ref: 'a', min: 4 * GiB, max: 20 * GiB, actual: 10 * GiB, balloon: true },
      { ref: 'fixed', min: 4 * GiB, max: 4 * GiB, actual: 4 * GiB },
    ]);
    const change = { ref: 'a', dynamicMinBytes: 2 * GiB, dynamicMaxBytes: 6 * GiB };
    const settled = settledMemory(HOST, withRangeChange(input, change));
    expect(settled.get('a')).toBe(6 * GiB);
    expect(settled.get('fixed')).toBe(4 * GiB);
    expect(settled.has('dom0')).toBe(false);
    // Before squeezed acts, the lower minimum is already available to other VMs.
    expect(hostFreeMemory(withRangeChange(input, change))).toBe(hostFreeMemory(input) + 2 * GiB);
  });
});
