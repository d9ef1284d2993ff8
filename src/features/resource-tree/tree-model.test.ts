import { describe, expect, it } from 'vitest';
import { fixture } from './tree-fixture';
import { buildPoolTree, type TreeNode } from './tree-model';

/** The tree as indented names, which is how a person reads it. */
const outline = (node: TreeNode, depth = 0): string[] => [
  `${'  '.repeat(depth)}${node.name}`,
  ...node.children.flatMap((child) => outline(child, depth + 1)),
];

describe('buildPoolTree', () => {
  it('puts running VMs under their host and the rest under the pool, with storage and networks, in name order', () => {
    expect(outline(buildPoolTree(fixture, { showTemplates: false, showSnapshots: false }))).toEqual([
      'Demo pool',
      '  host-2',
      '    DB',
      '    web-01',
      '  host-10',
      '  backup',
      '  vpn',
      '  NFS storage',
      '  Pool-wide network',
    ]);
  });

  it('shows templates under the pool and snapshots under their VM only when asked', () => {
    const tree = buildPoolTree(fixture, { showTemplates: true, showSnapshots: true });
    expect(outline(tree)).toContain('  Debian 12');
    expect(outline(tree)).toContain('      web-01 before upgrade');
    const snapshot = tree.children[0].children[1].children[0];
    expect(snapshot).toMatchObject({ cls: 'snapshot', ref: 'OpaqueRef:snap', key: 'sim-demo|OpaqueRef:snap' });
  });

  it('names a pool without a name after its master, and a pool not loaded yet after its connection', () => {
    const unnamed = { ...fixture, pool: { 'OpaqueRef:pool': { ...fixture.pool!['OpaqueRef:pool'], name_label: '' } } };
    expect(buildPoolTree(unnamed, { showTemplates: false, showSnapshots: false }).name).toBe('host-10');
    const loading = buildPoolTree(
      { poolId: 'sim-demo', label: 'Simulator (demo)', status: 'connecting' },
      {
        showTemplates: false,
        showSnapshots: false,
      },
    );
    expect(loading).toMatchObject({ name: 'Simulator (demo)', ref: '', children: [] });
  });
});
