import { describe, expect, it } from 'vitest';
import type { XapiRecord } from '../model/types';
import {
  canChangeDynamicRange,
  canChangeLimits,
  canRunPlan,
  constraintError,
  DEFAULT_MEMORY_RATIO,
  dynamicMemoryUnavailable,
  type MemoryLimits,
  memoryPlan,
  memoryRatio,
  orderProblems,
  pinReason,
  ratioMinimum,
  startFootprint,
  vmMemoryOverhead,
} from './memory';

type Vm = XapiRecord<'VM'>;
const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

const vm = (fields: Partial<Vm> = {}): Vm =>
  ({
    power_state: 'Running',
    allowed_operations: [],
    current_operations: {},
    blocked_operations: {},
    is_a_template: false,
    is_a_snapshot: false,
    is_control_domain: false,
    platform: {},
    domain_type: 'hvm',
    HVM_boot_policy: 'BIOS order',
    HVM_shadow_multiplier: 1,
    VCPUs_max: 2,
    memory_static_min: 512 * MiB,
    memory_dynamic_min: 1 * GiB,
    memory_dynamic_max: 4 * GiB,
    memory_static_max: 4 * GiB,
    ...fields,
  }) as Vm;

const pool = (fields: Partial<XapiRecord<'pool'>> = {}) =>
  ({
    other_config: { 'memory-ratio-hvm': '0.25', 'memory-ratio-pv': '0.25' },
    restrictions: { restrict_dmc: 'false' },
    ...fields,
  }) as XapiRecord<'pool'>;

const guest = (other: Record<string, string>, live = true) =>
  ({ other, live, PV_drivers_version: {} }) as unknown as XapiRecord<'VM_guest_metrics'>;
const ballooning = guest({ 'feature-balloon': '1' });

const limits = (staticMin: number, dynamicMin: number, dynamicMax: number, staticMax: number): MemoryLimits => ({
  staticMin,
  dynamicMin,
  dynamicMax,
  staticMax,
});

describe('constraintError', () => {
  it('accepts the four values in order, equal neighbours included', () => {
    expect(constraintError(limits(1, 2, 3, 4), undefined)).toBeUndefined();
    expect(constraintError(limits(4, 4, 4, 4), undefined)).toBeUndefined();
  });

  it('answers MEMORY_CONSTRAINT_VIOLATION_ORDER for any pair out of order', () => {
    for (const bad of [limits(3, 2, 3, 4), limits(1, 3, 2, 4), limits(1, 2, 4, 3), limits(5, 5, 5, 4)]) {
      expect(constraintError(bad, undefined)).toEqual({ code: 'MEMORY_CONSTRAINT_VIOLATION_ORDER' });
    }
  });

  it('pinned: only dynamic_min = dynamic_max = static_max passes, with the reason XAPI names', () => {
    expect(constraintError(limits(1, 4, 4, 4), 'control domain')).toBeUndefined();
    expect(constraintError(limits(1, 2, 4, 4), 'nested virt')).toEqual({
      code: 'MEMORY_CONSTRAINT_VIOLATION_MAXPIN',
      reason: 'nested virt',
    });
  });
});

describe('orderProblems', () => {
  it('names each neighbour out of order', () => {
    expect(orderProblems(limits(1, 2, 3, 4))).toEqual([]);
    expect(orderProblems(limits(2, 1, 3, 4))).toEqual(['dynamic-min-below-static-min']);
    expect(orderProblems(limits(1, 3, 2, 4))).toEqual(['dynamic-max-below-dynamic-min']);
    expect(orderProblems(limits(1, 2, 5, 4))).toEqual(['static-max-below-dynamic-max']);
    expect(orderProblems(limits(3, 3, 3, 2))).toEqual(['static-max-below-static-min', 'static-max-below-dynamic-max']);
  });
});

describe('pinReason', () => {
  it('follows the licence, then the control domain, then nested virtualisation', () => {
    expect(pinReason(vm(), { pool: pool() })).toBeUndefined();
    expect(pinReason(vm({ is_control_domain: true }), { pool: pool({ restrictions: {} }) })).toBe('DMC disabled');
    expect(pinReason(vm({ is_control_domain: true }), { pool: pool() })).toBe('control domain');
    expect(pinReason(vm({ platform: { 'nested-virt': 'TRUE' } }), { pool: pool() })).toBe('nested virt');
  });

  it('reads nested virtualisation from the metrics of the last boot when there are some', () => {
    const metrics = { nested_virt: false } as XapiRecord<'VM_metrics'>;
    expect(pinReason(vm({ platform: { 'nested-virt': '1' } }), { pool: pool(), metrics })).toBeUndefined();
  });
});

describe('memoryRatio', () => {
  it('reads the key for the kind of guest', () => {
    const p = pool({ other_config: { 'memory-ratio-hvm': '0.5', 'memory-ratio-pv': '0.1' } });
    expect(memoryRatio(p, vm({ domain_type: 'hvm' }))).toBe(0.5);
    expect(memoryRatio(p, vm({ domain_type: 'pv' }))).toBe(0.1);
    expect(memoryRatio(p, vm({ domain_type: 'unspecified', HVM_boot_policy: '' }))).toBe(0.1);
    expect(memoryRatio(p, vm({ domain_type: 'unspecified', HVM_boot_policy: 'BIOS order' }))).toBe(0.5);
  });

  it('falls back to 0.25 when the key is absent, empty or outside 0..1', () => {
    for (const value of [undefined, '', 'half', '1.5', '-0.1']) {
      const other_config: Record<string, string> = value === undefined ? {} : { 'memory-ratio-hvm': value };
      expect(memoryRatio(pool({ other_config }), vm())).toBe(DEFAULT_MEMORY_RATIO);
    }
  });

  it('gives the lowest dynamic minimum for a static maximum', () => {
    expect(ratioMinimum(4 * GiB, 0.25)).toBe(1 * GiB);
  });
});

describe('dynamicMemoryUnavailable', () => {
  it('is available for a running guest that advertises a balloon driver, and for a halted VM', () => {
    expect(dynamicMemoryUnavailable(vm(), { pool: pool(), guestMetrics: ballooning })).toBeUndefined();
    expect(dynamicMemoryUnavailable(vm({ power_state: 'Halted' }), { pool: pool() })).toBeUndefined();
  });

  it('says why not', () => {
    expect(dynamicMemoryUnavailable(vm(), { pool: pool() })).toBe('no-balloon-driver');
    expect(
      dynamicMemoryUnavailable(vm(), { pool: pool(), guestMetrics: guest({ 'feature-balloon': '1' }, false) }),
    ).toBe('no-balloon-driver');
    expect(dynamicMemoryUnavailable(vm(), { pool: pool(), guestMetrics: guest({}) })).toBe('no-balloon-driver');
    expect(dynamicMemoryUnavailable(vm({ is_a_snapshot: true }), { pool: pool() })).toBe('snapshot');
    expect(dynamicMemoryUnavailable(vm({ is_control_domain: true }), { pool: pool() })).toBe('control-domain');
    expect(dynamicMemoryUnavailable(vm(), { pool: pool({ restrictions: { restrict_dmc: 'true' } }) })).toBe(
      'dmc-disabled',
    );
    expect(dynamicMemoryUnavailable(vm({ platform: { 'nested-virt': 'true' } }), { pool: pool() })).toBe('nested-virt');
  });
});

describe('which call runs when', () => {
  it('takes the dynamic range from allowed_operations, and says why when it is missing', () => {
    expect(canChangeDynamicRange(vm({ allowed_operations: ['changing_dynamic_range'] }))).toEqual({ enabled: true });
    expect(canChangeDynamicRange(vm({ power_state: 'Suspended' }))).toEqual({
      enabled: false,
      reason: { code: 'power-state', state: 'Suspended' },
    });
    expect(canChangeDynamicRange(vm({ current_operations: { t: 'clean_reboot' } }))).toMatchObject({
      reason: { code: 'busy' },
    });
    expect(
      canChangeDynamicRange(
        vm({ blocked_operations: { changing_dynamic_range: 'frozen' } as Vm['blocked_operations'] }),
      ),
    ).toMatchObject({ reason: { code: 'blocked', message: 'frozen' } });
  });

  it('allows the limits on a halted VM only (a running control domain too)', () => {
    expect(canChangeLimits(vm({ power_state: 'Halted' }))).toEqual({ enabled: true });
    expect(canChangeLimits(vm())).toMatchObject({ reason: { code: 'power-state', state: 'Running' } });
    expect(canChangeLimits(vm({ is_control_domain: true }))).toEqual({ enabled: true });
    expect(canChangeLimits(vm({ power_state: 'Halted', current_operations: { t: 'start' } }))).toMatchObject({
      reason: { code: 'busy' },
    });
  });

  it('plans a live range change, a halted change, or a restart for a static change on a running VM', () => {
    const running = vm();
    const current = limits(512 * MiB, 1 * GiB, 4 * GiB, 4 * GiB);
    expect(memoryPlan(running, current)).toBe('none');
    expect(memoryPlan(running, { ...current, dynamicMax: 3 * GiB })).toBe('dynamic');
    expect(memoryPlan(running, { ...current, staticMax: 8 * GiB })).toBe('restart');
    expect(memoryPlan(vm({ power_state: 'Halted' }), { ...current, staticMax: 8 * GiB })).toBe('limits');
    expect(canRunPlan(vm({ power_state: 'Paused' }), 'limits')).toMatchObject({ reason: { code: 'power-state' } });
    expect(canRunPlan(running, 'restart')).toEqual({ enabled: true });
  });
});

describe('vmMemoryOverhead', () => {
  it('follows memory_check.ml for an HVM guest', () => {
    // S = 4096 MiB, V = 2: shadow ⌈(512 + 8192) / 256⌉ = 34, vCPU state ⌈76 / 256⌉ = 1, +1 +1.
    expect(
      vmMemoryOverhead({ memory_static_max: 4 * GiB, VCPUs_max: 2, HVM_shadow_multiplier: 1, domain_type: 'hvm' }),
    ).toBe(37 * MiB);
  });

  it('adds the shim for PV-in-PVH and leaves out the internal extra for PV', () => {
    const base = { memory_static_max: 900 * MiB, VCPUs_max: 1, HVM_shadow_multiplier: 1 };
    // shadow ⌈(256 + 1800) / 256⌉ = 9, vCPU 1.
    expect(vmMemoryOverhead({ ...base, domain_type: 'pv' })).toBe((0 + 1 + 9 + 1) * MiB);
    expect(vmMemoryOverhead({ ...base, domain_type: 'pv_in_pvh' })).toBe((1 + 1 + 9 + 1 + 23 + 10) * MiB);
  });

  it('needs dynamic_min plus overhead to start (static_max for PV-in-PVH)', () => {
    const l = limits(1, 2 * GiB, 3 * GiB, 4 * GiB);
    expect(startFootprint(l, 10, 'hvm')).toBe(2 * GiB + 10);
    expect(startFootprint(l, 10, 'pv_in_pvh')).toBe(4 * GiB + 10);
  });
});
