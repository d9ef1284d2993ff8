import { describe, expect, it } from 'vitest';
import type { XapiClass, XapiEvent } from '../xapi/model/types';
import { changedRefs, type Objects, withEvents, withTable } from './lazy-tables';

const classOf = (eventClass: string) => ({ vm: 'VM', vbd: 'VBD' })[eventClass] as XapiClass | undefined;
const mod = (cls: string, ref: string, name: string): XapiEvent =>
  ({ id: '0', timestamp: '0', class: cls, operation: 'mod', ref, snapshot: { name } }) as unknown as XapiEvent;
const del = (cls: string, ref: string): XapiEvent =>
  ({ id: '0', timestamp: '0', class: cls, operation: 'del', ref }) as unknown as XapiEvent;

const loaded = (): Objects =>
  withTable(withTable({}, 'VM', { a: { name: 'a' }, b: { name: 'b' } }), 'VBD', { d: { name: 'd' } });

describe('withEvents', () => {
  it('applies a batch: records replaced, added and deleted, and a table read twice is one object', () => {
    const after = withEvents(loaded(), [mod('vm', 'a', 'a2'), mod('vm', 'c', 'c'), del('vm', 'b')], classOf);
    expect(after.VM).toEqual({ a: { name: 'a2' }, c: { name: 'c' } });
    expect(after.VM).toBe(after.VM);
  });

  it('applies batches in order when nothing read the table between them', () => {
    let objects = loaded();
    objects = withEvents(objects, [mod('vm', 'a', 'first')], classOf);
    objects = withEvents(objects, [mod('vm', 'a', 'second'), del('vm', 'b')], classOf);
    objects = withEvents(objects, [mod('vm', 'b', 'back')], classOf);
    expect(objects.VM).toEqual({ a: { name: 'second' }, b: { name: 'back' } });
  });

  it('leaves earlier containers as they were, read or not', () => {
    const before = loaded();
    const first = withEvents(before, [mod('vm', 'a', 'first')], classOf);
    const second = withEvents(first, [mod('vm', 'a', 'second')], classOf);
    expect(second.VM?.a).toEqual({ name: 'second' });
    expect(first.VM?.a).toEqual({ name: 'first' });
    expect(before.VM?.a).toEqual({ name: 'a' });
  });

  it('keeps the tables of classes a batch did not touch, and the container when it touched none', () => {
    const before = loaded();
    const after = withEvents(before, [mod('vm', 'a', 'a2')], classOf);
    expect(after.VBD).toBe(before.VBD);
    expect(withEvents(after, [mod('pif', 'p', 'p')], classOf)).toBe(after);
  });

  it('keeps pending tables right when another class is loaded afresh meanwhile', () => {
    const pending = withEvents(loaded(), [mod('vbd', 'e', 'e')], classOf);
    const reloaded = withTable(pending, 'VM', { z: { name: 'z' } });
    expect(reloaded.VBD).toEqual({ d: { name: 'd' }, e: { name: 'e' } });
    expect(reloaded.VM).toEqual({ z: { name: 'z' } });
  });

  it('stays right over a long run of batches that nothing reads', () => {
    let objects = loaded();
    for (let i = 0; i < 3000; i++) objects = withEvents(objects, [mod('vbd', `r${i % 7}`, `n${i}`)], classOf);
    expect(Object.keys(objects.VBD ?? {})).toHaveLength(8);
    expect(objects.VBD?.r6).toEqual({ name: 'n2995' });
  });
});

describe('changedRefs', () => {
  it('names the refs the batches since a table touched, and nothing for the same table', () => {
    const before = loaded();
    const first = withEvents(before, [mod('vm', 'a', 'a2'), del('vm', 'b')], classOf);
    expect(changedRefs(before.VM, first.VM)).toEqual(new Set(['a', 'b']));
    expect(changedRefs(first.VM, first.VM)).toEqual(new Set());
    // Two batches nobody read in between count as one step.
    const third = withEvents(withEvents(first, [mod('vm', 'c', 'c')], classOf), [mod('vm', 'd', 'd')], classOf);
    expect(changedRefs(first.VM, third.VM)).toEqual(new Set(['c', 'd']));
  });

  it('does not know for tables further apart or loaded afresh, so the caller compares everything', () => {
    const before = loaded();
    const first = withEvents(before, [mod('vm', 'a', 'a2')], classOf);
    const firstVm = first.VM;
    const second = withEvents(first, [mod('vm', 'a', 'a3')], classOf);
    expect(changedRefs(before.VM, second.VM)).toBeUndefined();
    expect(changedRefs(firstVm, withTable(second, 'VM', {}).VM)).toBeUndefined();
  });
});
