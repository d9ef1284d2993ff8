import { describe, expect, it } from 'vitest';
import type { XapiRecord } from '../../../xapi/model/types';
import { vmMemoryOverhead } from '../../../xapi/rules/memory';
import { headroom, memoryChecks, restartFit } from './memory-checks';
import { draftFrom, withField } from './memory-draft';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

const vm = {
  power_state: 'Running',
  domain_type: 'hvm',
  HVM_boot_policy: 'BIOS order',
  HVM_shadow_multiplier: 1,
  VCPUs_max: 2,
  memory_static_min: 512 * MiB,
  memory_dynamic_min: 1 * GiB,
  memory_dynamic_max: 4 * GiB,
  memory_static_max: 4 * GiB,
  memory_overhead: 37 * MiB,
} as XapiRecord<'VM'>;
const pool = { other_config: {}, restrictions: { restrict_dmc: 'false' } } as unknown as XapiRecord<'pool'>;
const limits = { staticMin: 512 * MiB, dynamicMin: 2 * GiB, dynamicMax: 8 * GiB, staticMax: 8 * GiB };
const host = { name: 'h', freeBytes: 3 * GiB };

describe('headroom', () => {
  it('lets the dynamic minimum rise by what the host has free, shared by the VMs changed together', () => {
    expect(headroom(vm, limits, host)).toMatchObject({ met: true, highestDynamicMinBytes: 4 * GiB });
    expect(headroom(vm, { ...limits, dynamicMin: 5 * GiB }, host)).toMatchObject({ met: false });
    expect(headroom(vm, limits, host, 3)).toMatchObject({ met: true, count: 3, highestDynamicMinBytes: 2 * GiB });
  });
});

describe('restartFit', () => {
  it('needs the new minimum and the overhead of the new static maximum, against what is free once the VM is off', () => {
    const newOverhead = vmMemoryOverhead({ ...vm, memory_static_max: 8 * GiB });
    expect(restartFit(vm, limits, host)).toEqual({
      kind: 'restart-fit',
      met: true,
      host: 'h',
      count: 1,
      neededBytes: 2 * GiB + newOverhead,
      availableBytes: 3 * GiB + 1 * GiB + 37 * MiB,
    });
    expect(restartFit(vm, { ...limits, dynamicMin: 4 * GiB }, host).met).toBe(false);
  });
});

describe('memoryChecks', () => {
  it('shows a field that is not a size first, and checks the values it still holds', () => {
    const draft = withField(draftFrom(limits), 'dynamicMax', { ok: false, error: 'not-a-number' });
    const checks = memoryChecks({ vm, pool, draft, plan: 'restart', host });
    expect(checks.map((check) => [check.kind, check.met])).toEqual([
      ['input', false],
      ['order', true],
      ['ratio', true],
      ['restart-fit', true],
    ]);
  });

  it('checks the headroom of a live change, and nothing about a host for a halted VM', () => {
    const draft = draftFrom(limits);
    expect(memoryChecks({ vm, pool, draft, plan: 'dynamic', host }).at(-1)?.kind).toBe('headroom');
    const halted = { ...vm, power_state: 'Halted' } as XapiRecord<'VM'>;
    expect(memoryChecks({ vm: halted, pool, draft, plan: 'limits' }).map((check) => check.kind)).toEqual([
      'order',
      'ratio',
    ]);
  });
});
