import { describe, expect, it } from 'vitest';
import { flattenTree, pathTo } from './flatten-tree';
import { fixture } from './tree-fixture';
import { buildPoolTree, type PoolSource, PoolTreeBuilder } from './tree-model';

const roots = [buildPoolTree(fixture, { showTemplates: true, showSnapshots: true })];
const names = (rows: { name: string; level: number }[]) => rows.map((r) => `${r.level}:${r.name}`);

describe('flattenTree', () => {
  it('lists every row under expanded nodes with its level, set size and position', () => {
    const rows = flattenTree(roots, {}, '');
    expect(names(rows)).toEqual([
      '1:Demo pool',
      '2:host-2',
      '3:DB',
      '3:web-01',
      '2:host-10',
      '2:backup',
      '2:vpn',
      '2:Debian 12',
      '2:NFS storage',
      '2:Pool-wide network',
    ]);
    const web = rows.find((r) => r.name === 'web-01')!;
    expect(web).toMatchObject({
      setSize: 2,
      posInSet: 2,
      parentKey: 'sim-demo|OpaqueRef:h2',
      expandable: true,
      expanded: false,
    });
    expect(rows.find((r) => r.name === 'host-10')).toMatchObject({ expandable: false, expanded: false, posInSet: 2 });
  });

  it('follows the expansion a person chose over the defaults', () => {
    const rows = flattenTree(roots, { 'sim-demo|OpaqueRef:h2': false, 'sim-demo|OpaqueRef:web': true }, '');
    expect(names(rows).slice(0, 3)).toEqual(['1:Demo pool', '2:host-2', '2:host-10']);
    const opened = flattenTree(roots, { 'sim-demo|OpaqueRef:web': true }, '');
    expect(names(opened)).toContain('4:web-01 before upgrade');
  });

  it('filters by name, showing the matches with their ancestors opened', () => {
    const rows = flattenTree(roots, { 'sim-demo|OpaqueRef:h2': false }, 'before');
    expect(names(rows)).toEqual(['1:Demo pool', '2:host-2', '3:web-01', '4:web-01 before upgrade']);
    expect(rows[1]).toMatchObject({ setSize: 1, posInSet: 1, expanded: true });
  });

  it('filters by tag and by UUID, ignoring case', () => {
    expect(names(flattenTree(roots, {}, 'PRODUCTION'))).toEqual(['1:Demo pool', '2:host-2', '3:web-01']);
    expect(names(flattenTree(roots, {}, 'uuid-backup'))).toEqual(['1:Demo pool', '2:backup']);
  });

  it('keeps the pool when nothing matches, with nothing under it', () => {
    expect(flattenTree(roots, {}, 'no such thing')).toMatchObject([{ name: 'Demo pool', expandable: false }]);
  });
});

describe('pathTo', () => {
  it('finds the nodes down to an object, to open the way to it', () => {
    const path = pathTo(roots, (node) => node.uuid === 'uuid-web-01 before upgrade');
    expect(path?.map((n) => n.name)).toEqual(['Demo pool', 'host-2', 'web-01', 'web-01 before upgrade']);
    expect(pathTo(roots, (node) => node.uuid === 'missing')).toBeUndefined();
  });

  it('gives the same row objects for nodes whose place did not change', () => {
    const options = { showTemplates: false, showSnapshots: false };
    const builder = new PoolTreeBuilder();
    const before = flattenTree([builder.build(fixture, options)], {}, '');
    const VM = fixture.VM ?? {};
    const renamed = { ...fixture, VM: { ...VM, 'OpaqueRef:vpn': { ...VM['OpaqueRef:vpn'], name_label: 'vpn-2' } } };
    const after = flattenTree([builder.build(renamed as PoolSource, options)], {}, '');
    const changed = after.filter((row, i) => row !== before[i]).map((row) => row.name);
    // The pool's node is new (one of its children is), and so is the renamed VM's.
    expect(changed).toEqual(['Demo pool', 'vpn-2']);
  });
});
