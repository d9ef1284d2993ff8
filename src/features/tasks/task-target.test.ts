import { describe, expect, it } from 'vitest';
import type { PoolMirror } from '../../store/mirror-store';
import type { XapiRecord } from '../../xapi/model/types';
import { findTaskTarget } from './task-target';

const task = (otherConfig: Record<string, string> = {}) => ({ other_config: otherConfig }) as XapiRecord<'task'>;
const objects = {
  VM: {
    'OpaqueRef:vm1': { current_operations: {} },
    'OpaqueRef:vm2': { current_operations: { 'OpaqueRef:t1': 'clean_shutdown' } },
  },
  host: { 'OpaqueRef:h1': { current_operations: { 'OpaqueRef:t2': 'evacuate' } } },
  VDI: { 'OpaqueRef:d1': { current_operations: { 'OpaqueRef:t3': 'destroy' } } },
} as unknown as PoolMirror['objects'];

describe('findTaskTarget', () => {
  it('finds the object whose current_operations holds the task', () => {
    expect(findTaskTarget(objects, 'OpaqueRef:t1', task())).toEqual({ cls: 'VM', ref: 'OpaqueRef:vm2' });
    expect(findTaskTarget(objects, 'OpaqueRef:t2', task())).toEqual({ cls: 'host', ref: 'OpaqueRef:h1' });
    expect(findTaskTarget(objects, 'OpaqueRef:t3', task())).toEqual({ cls: 'VDI', ref: 'OpaqueRef:d1' });
  });

  it('prefers the object named in other_config.applies_to, when it exists', () => {
    expect(findTaskTarget(objects, 'OpaqueRef:t1', task({ applies_to: 'OpaqueRef:vm1' }))).toEqual({
      cls: 'VM',
      ref: 'OpaqueRef:vm1',
    });
    expect(findTaskTarget(objects, 'OpaqueRef:t1', task({ applies_to: 'OpaqueRef:gone' }))).toEqual({
      cls: 'VM',
      ref: 'OpaqueRef:vm2',
    });
  });

  it('finds nothing once the operation has ended', () => {
    expect(findTaskTarget(objects, 'OpaqueRef:t9', task())).toBeUndefined();
  });
});
