import { describe, expect, it } from 'vitest';
import { type Objects, withEvents, withTable } from '../../store/lazy-tables';
import type { PoolMirror } from '../../store/mirror-store';
import type { XapiEvent, XapiRecord } from '../../xapi/model/types';
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
    expect(findTaskTarget('pool', objects, 'OpaqueRef:t1', task())).toEqual({ cls: 'VM', ref: 'OpaqueRef:vm2' });
    expect(findTaskTarget('pool', objects, 'OpaqueRef:t2', task())).toEqual({ cls: 'host', ref: 'OpaqueRef:h1' });
    expect(findTaskTarget('pool', objects, 'OpaqueRef:t3', task())).toEqual({ cls: 'VDI', ref: 'OpaqueRef:d1' });
  });

  it('prefers the object named in other_config.applies_to, when it exists', () => {
    expect(findTaskTarget('pool', objects, 'OpaqueRef:t1', task({ applies_to: 'OpaqueRef:vm1' }))).toEqual({
      cls: 'VM',
      ref: 'OpaqueRef:vm1',
    });
    expect(findTaskTarget('pool', objects, 'OpaqueRef:t1', task({ applies_to: 'OpaqueRef:gone' }))).toEqual({
      cls: 'VM',
      ref: 'OpaqueRef:vm2',
    });
  });

  it('finds nothing once the operation has ended', () => {
    expect(findTaskTarget('pool', objects, 'OpaqueRef:t9', task())).toBeUndefined();
  });
});

describe('findTaskTarget as a pool changes', () => {
  const withVms = (VM: Record<string, Record<string, string>>) =>
    ({
      VM: Object.fromEntries(Object.entries(VM).map(([ref, ops]) => [ref, { current_operations: ops }])),
    }) as unknown as PoolMirror['objects'];
  const find = (objects: PoolMirror['objects'], taskRef: string) =>
    findTaskTarget('changing pool', objects, taskRef, task())?.ref;

  it('follows operations that start, end and move, and objects that go away', () => {
    expect(find(withVms({ a: { t1: 'start' }, b: {} }), 't1')).toBe('a');
    const moved = withVms({ a: {}, b: { t1: 'start', t2: 'clone' } });
    expect(find(moved, 't1')).toBe('b');
    expect(find(moved, 't2')).toBe('b');
    const bGone = withVms({ a: { t3: 'copy' } });
    expect(find(bGone, 't1')).toBeUndefined();
    expect(find(bGone, 't2')).toBeUndefined();
    expect(find(bGone, 't3')).toBe('a');
    expect(find(withVms({ a: {}, c: { t3: 'copy' } }), 't3')).toBe('c');
  });
});

describe('findTaskTarget on mirror tables', () => {
  const event = (ref: string, ops: Record<string, string> | null): XapiEvent =>
    ({
      id: '0',
      timestamp: '0',
      class: 'vm',
      operation: ops ? 'mod' : 'del',
      ref,
      snapshot: ops ? { current_operations: ops } : undefined,
    }) as unknown as XapiEvent;
  const find = (objects: Objects, taskRef: string) =>
    findTaskTarget('mirrored pool', objects as PoolMirror['objects'], taskRef, task())?.ref;

  it('follows batches through the records they touched', () => {
    let objects = withTable({} as Objects, 'VM', {
      a: { current_operations: { t1: 'start' } },
      b: { current_operations: {} },
    });
    expect(find(objects, 't1')).toBe('a');
    objects = withEvents(objects, [event('a', {}), event('b', { t1: 'start', t2: 'clone' })], () => 'VM');
    expect(find(objects, 't1')).toBe('b');
    expect(find(objects, 't2')).toBe('b');
    objects = withEvents(objects, [event('b', null), event('c', { t3: 'copy' })], () => 'VM');
    expect(find(objects, 't1')).toBeUndefined();
    expect(find(objects, 't2')).toBeUndefined();
    expect(find(objects, 't3')).toBe('c');
  });
});
