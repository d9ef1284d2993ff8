import { describe, expect, it } from 'vitest';
import type { XapiRecord } from '../model/types';
import { canChangeVcpuCounts, canHotplugVcpus, countProblem, vcpuCountCalls } from './vcpus';

type Vm = XapiRecord<'VM'>;

const vm = (fields: Partial<Vm> = {}): Vm =>
  ({
    power_state: 'Running',
    allowed_operations: [],
    current_operations: {},
    blocked_operations: {},
    is_a_snapshot: false,
    is_control_domain: false,
    VCPUs_max: 4,
    VCPUs_at_startup: 2,
    ...fields,
  }) as Vm;

const licensed = { restrictions: { restrict_set_vcpus_number_live: 'false' } } as unknown as XapiRecord<'pool'>;
const unlicensed = { restrictions: { restrict_set_vcpus_number_live: 'true' } } as unknown as XapiRecord<'pool'>;
const hvm = { current_domain_type: 'hvm' } as XapiRecord<'VM_metrics'>;
const guest = (fields: object) =>
  ({ PV_drivers_version: {}, other: {}, ...fields }) as unknown as XapiRecord<'VM_guest_metrics'>;

describe('canHotplugVcpus', () => {
  it('allows what allowed_operations lists, on a licensed pool', () => {
    const running = vm({ allowed_operations: ['changing_VCPUs_live'] });
    expect(canHotplugVcpus(running, { pool: licensed })).toEqual({ enabled: true });
    expect(canHotplugVcpus(running, { pool: unlicensed })).toEqual({ enabled: false, reason: { code: 'licence' } });
  });

  it('says an HVM guest without PV drivers lacks the feature', () => {
    expect(canHotplugVcpus(vm(), { pool: licensed, metrics: hvm, guestMetrics: guest({}) })).toEqual({
      enabled: false,
      reason: { code: 'lacks-hotplug' },
    });
    const tools = guest({ PV_drivers_version: { major: '9', minor: '1' } });
    expect(canHotplugVcpus(vm(), { pool: licensed, metrics: hvm, guestMetrics: tools })).toMatchObject({
      reason: { code: 'not-allowed' },
    });
  });

  it('puts the power state and another operation before the guest', () => {
    expect(canHotplugVcpus(vm({ power_state: 'Halted' }), { pool: licensed })).toMatchObject({
      reason: { code: 'power-state', state: 'Halted' },
    });
    expect(canHotplugVcpus(vm({ current_operations: { t: 'pool_migrate' } }), { pool: licensed })).toMatchObject({
      reason: { code: 'busy' },
    });
  });
});

describe('canChangeVcpuCounts', () => {
  it('is for a halted VM that is not a control domain', () => {
    expect(canChangeVcpuCounts(vm({ power_state: 'Halted' }))).toEqual({ enabled: true });
    expect(canChangeVcpuCounts(vm())).toMatchObject({ reason: { code: 'power-state', state: 'Running' } });
    expect(canChangeVcpuCounts(vm({ power_state: 'Halted', is_control_domain: true }))).toMatchObject({
      reason: { code: 'control-domain' },
    });
  });
});

describe('countProblem', () => {
  it('wants a whole number from 1 to the maximum', () => {
    expect(countProblem(3, 4)).toBeUndefined();
    expect(countProblem(0, 4)).toBe('below-one');
    expect(countProblem(5, 4)).toBe('above-max');
    expect(countProblem(1.5, 4)).toBe('not-whole');
    expect(countProblem(Number.NaN, 4)).toBe('not-whole');
  });
});

describe('vcpuCountCalls', () => {
  it('raises the maximum before the startup count and lowers it after', () => {
    expect(vcpuCountCalls({ max: 2, atStartup: 2 }, { max: 8, atStartup: 8 })).toEqual(['max', 'atStartup']);
    expect(vcpuCountCalls({ max: 8, atStartup: 8 }, { max: 2, atStartup: 2 })).toEqual(['atStartup', 'max']);
    expect(vcpuCountCalls({ max: 4, atStartup: 2 }, { max: 4, atStartup: 2 })).toEqual([]);
  });
});
