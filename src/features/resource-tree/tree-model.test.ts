import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Objects, withEvents, withTable } from '../../store/lazy-tables';
import type { XapiEvent, XapiRecord } from '../../xapi/model/types';
import { fixture } from './tree-fixture';
import { buildPoolTree, type PoolSource, PoolTreeBuilder, type TreeNode, type TreeOptions } from './tree-model';

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

/** The whole tree as text, keys included, so two trees that differ anywhere read differently. */
const shape = (node: TreeNode): string =>
  `${node.key} ${node.cls} ${node.name} [${node.children.map(shape).join(', ')}]`;

type Tables = { VM: Record<string, XapiRecord<'VM'>>; host: Record<string, XapiRecord<'host'>> };

/** One change a pool might see between two event batches. */
const change = fc.oneof(
  fc.record({ kind: fc.constant('rename'), vm: fc.nat(), name: fc.nat(50) }),
  fc.record({ kind: fc.constant('move'), vm: fc.nat(), host: fc.nat(3) }),
  fc.record({ kind: fc.constant('add'), name: fc.nat(50), host: fc.nat(3) }),
  fc.record({ kind: fc.constant('destroy'), vm: fc.nat() }),
  fc.record({ kind: fc.constant('snapshot'), vm: fc.nat(), name: fc.nat(50) }),
  fc.record({ kind: fc.constant('template'), vm: fc.nat() }),
  fc.record({ kind: fc.constant('touch'), vm: fc.nat() }),
  fc.record({ kind: fc.constant('rename host'), host: fc.nat(3), name: fc.nat(50) }),
  fc.record({ kind: fc.constant('add host'), name: fc.nat(50) }),
  fc.record({ kind: fc.constant('options'), showTemplates: fc.boolean(), showSnapshots: fc.boolean() }),
);

type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

/** A halted VM to copy for newcomers. */
const HALTED_VM = fixture.VM?.['OpaqueRef:backup'] as XapiRecord<'VM'>;

let serial = 0;
/** Names unique across the run, so sibling order never depends on how ties were broken. */
const uniqueName = (n: number) => `name-${n}-${serial++}`;

function applyChange(tables: Tables, options: TreeOptions, step: Change): [Tables, TreeOptions] {
  const VM = { ...tables.VM };
  const host = { ...tables.host };
  const vmRefs = Object.keys(VM).filter((ref) => !VM[ref].is_control_domain);
  const pick = (i: number) => vmRefs[i % vmRefs.length];
  const hostAt = (i: number) => Object.keys(host)[i % (Object.keys(host).length + 1)] ?? 'OpaqueRef:NULL';
  const replace = (ref: string, fields: Partial<XapiRecord<'VM'>>) => {
    VM[ref] = { ...VM[ref], ...fields };
  };
  switch (step.kind) {
    case 'options':
      return [tables, { showTemplates: step.showTemplates, showSnapshots: step.showSnapshots }];
    case 'rename':
      if (vmRefs.length) replace(pick(step.vm), { name_label: uniqueName(step.name) });
      break;
    case 'move': {
      const ref = vmRefs.length ? pick(step.vm) : undefined;
      if (ref && !VM[ref].is_a_snapshot && !VM[ref].is_a_template)
        replace(ref, { resident_on: hostAt(step.host) as never });
      break;
    }
    case 'add': {
      const name = uniqueName(step.name);
      VM[`OpaqueRef:${name}`] = { ...HALTED_VM, uuid: name, name_label: name, resident_on: hostAt(step.host) as never };
      break;
    }
    case 'destroy': {
      const ref = vmRefs.length ? pick(step.vm) : undefined;
      if (!ref) break;
      const parent = VM[ref].snapshot_of;
      if (VM[ref].is_a_snapshot && VM[parent])
        replace(parent, { snapshots: VM[parent].snapshots.filter((s) => s !== ref) });
      delete VM[ref];
      break;
    }
    case 'snapshot': {
      const ref = vmRefs.length ? pick(step.vm) : undefined;
      if (!ref || VM[ref].is_a_snapshot || VM[ref].is_a_template) break;
      const name = uniqueName(step.name);
      const snap = `OpaqueRef:${name}` as never;
      VM[snap] = {
        ...VM[ref],
        uuid: name,
        name_label: name,
        is_a_snapshot: true,
        snapshot_of: ref as never,
        snapshots: [],
      };
      replace(ref, { snapshots: [...VM[ref].snapshots, snap] });
      break;
    }
    case 'template': {
      const ref = vmRefs.length ? pick(step.vm) : undefined;
      if (ref && !VM[ref].is_a_snapshot) replace(ref, { is_a_template: !VM[ref].is_a_template });
      break;
    }
    case 'touch':
      if (vmRefs.length) replace(pick(step.vm), { memory_target: 1 });
      break;
    case 'rename host': {
      const ref = Object.keys(host)[step.host % Object.keys(host).length];
      host[ref] = { ...host[ref], name_label: uniqueName(step.name) };
      break;
    }
    case 'add host': {
      const name = uniqueName(step.name);
      host[`OpaqueRef:${name}`] = { ...Object.values(host)[0], uuid: name, name_label: name };
      break;
    }
  }
  return [{ VM, host }, options];
}

describe('PoolTreeBuilder across many changes', () => {
  it('always gives the tree a fresh build gives', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 30 }), (steps) => {
        const builder = new PoolTreeBuilder();
        let tables: Tables = { VM: fixture.VM ?? {}, host: fixture.host ?? {} } as Tables;
        let options: TreeOptions = { showTemplates: true, showSnapshots: true };
        builder.build(fixture, options);
        for (const step of steps) {
          [tables, options] = applyChange(tables, options, step);
          const source = { ...fixture, ...tables } as PoolSource;
          expect(shape(builder.build(source, options))).toBe(shape(buildPoolTree(source, options)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same tree from mirror tables, which say which records each batch touched', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 30 }), (steps) => {
        const builder = new PoolTreeBuilder();
        let tables: Tables = { VM: fixture.VM ?? {}, host: fixture.host ?? {} } as Tables;
        let objects = withTable({} as Objects, 'VM', tables.VM);
        let options: TreeOptions = { showTemplates: true, showSnapshots: true };
        builder.build({ ...fixture, VM: objects.VM } as PoolSource, options);
        for (const step of steps) {
          const before = tables.VM;
          [tables, options] = applyChange(tables, options, step);
          objects = withEvents(objects, eventsBetween(before, tables.VM), () => 'VM');
          const source = { ...fixture, host: tables.host, VM: objects.VM } as PoolSource;
          expect(shape(builder.build(source, options))).toBe(shape(buildPoolTree(source, options)));
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** The event.from batch that turns one VM table into another. */
function eventsBetween(before: Tables['VM'], after: Tables['VM']): XapiEvent[] {
  const event = (ref: string, operation: 'mod' | 'del'): XapiEvent =>
    ({ id: '0', timestamp: '0', class: 'vm', operation, ref, snapshot: after[ref] }) as unknown as XapiEvent;
  return [
    ...Object.keys(after)
      .filter((ref) => after[ref] !== before[ref])
      .map((ref) => event(ref, 'mod')),
    ...Object.keys(before)
      .filter((ref) => !(ref in after))
      .map((ref) => event(ref, 'del')),
  ];
}
