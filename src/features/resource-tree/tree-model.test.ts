import { describe, expect, it } from 'vitest';
import { fixture } from './tree-fixture';
import { buildPoolTree, type PoolSource, PoolTreeBuilder, type TreeNode } from './tree-model';

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

describe('PoolTreeBuilder', () => {
  const options = { showTemplates: false, showSnapshots: false };
  const withVm = (ref: string, fields: Record<string, unknown>): PoolSource => {
    const VM = fixture.VM ?? {};
    return { ...fixture, VM: { ...VM, [ref]: { ...VM[ref], ...fields } } as PoolSource['VM'] };
  };

  it('keeps the very same nodes when what they show did not change', () => {
    const builder = new PoolTreeBuilder();
    const first = builder.build(fixture, options);
    const second = builder.build(withVm('OpaqueRef:db', { allowed_operations: ['clean_shutdown'] }), options);
    expect(second).toBe(first);
  });

  it('moves a VM that stopped out of its host, into name order among the others, as a fresh build would', () => {
    const builder = new PoolTreeBuilder();
    const first = builder.build(fixture, options);
    const stopped = withVm('OpaqueRef:web', { power_state: 'Halted', resident_on: 'OpaqueRef:NULL' });
    const second = builder.build(stopped, options);
    expect(outline(second)).toEqual(outline(buildPoolTree(stopped, options)));
    expect(outline(second)).toContain('  web-01');
    // The other host and the VM that stayed put are reused as they were.
    expect(second.children.find((node) => node.name === 'host-10')).toBe(first.children[1]);
    expect(second.children[0].children[0]).toBe(first.children[0].children[0]);
  });

  it('re-sorts a renamed VM, and a renamed VM is a new node', () => {
    const builder = new PoolTreeBuilder();
    const first = builder.build(fixture, options);
    const renamed = builder.build(withVm('OpaqueRef:db', { name_label: 'zz-db' }), options);
    expect(outline(renamed).slice(1, 4)).toEqual(['  host-2', '    web-01', '    zz-db']);
    expect(renamed.children[0].children[1]).not.toBe(first.children[0].children[0]);
  });

  it('sees a VM that is created or destroyed even when the count of VMs stays the same', () => {
    const builder = new PoolTreeBuilder();
    builder.build(fixture, options);
    const VM = { ...fixture.VM } as Record<string, unknown>;
    VM['OpaqueRef:new'] = { ...(VM['OpaqueRef:backup'] as object), name_label: 'newcomer', uuid: 'uuid-newcomer' };
    delete VM['OpaqueRef:backup'];
    const swapped = builder.build({ ...fixture, VM: VM as PoolSource['VM'] }, options);
    expect(outline(swapped)).toContain('  newcomer');
    expect(outline(swapped)).not.toContain('  backup');
  });
});
