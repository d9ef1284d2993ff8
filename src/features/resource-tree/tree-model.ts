/**
 * The resource tree as XenCenter's Server View draws it, built from one pool's
 * mirror tables: the pool, its hosts with the VMs running on them, the VMs that run
 * nowhere (halted, suspended), then, on request, templates, and the pool's storage
 * and networks. Snapshots, on request, hang under the VM they were taken of.
 * Pure: the same tables and options give the same tree.
 */
import type { ObjectClass } from '../../app/routes';
import type { ClassTable, PoolStatus } from '../../store/mirror-store';
import type { XapiRecord } from '../../xapi/model/types';

export interface TreeNode {
  key: string;
  poolId: string;
  /** The page class: VMs split into VM, template and snapshot as their addresses do. */
  cls: ObjectClass;
  /** The record's ref; empty for a pool whose objects have not arrived. */
  ref: string;
  name: string;
  /** What the filter matches besides the name. */
  tags: readonly string[];
  uuid: string;
  /** Name, tags and UUID in lower case, for the filter (see matchesFilter). */
  search: string;
  children: readonly TreeNode[];
}

/** What the tree needs of one connected pool. */
export interface PoolSource {
  poolId: string;
  /** The connection's label, shown until the pool object has arrived. */
  label: string;
  status: PoolStatus;
  pool?: ClassTable<'pool'>;
  host?: ClassTable<'host'>;
  VM?: ClassTable<'VM'>;
  SR?: ClassTable<'SR'>;
  network?: ClassTable<'network'>;
}

export interface TreeOptions {
  showTemplates: boolean;
  showSnapshots: boolean;
}

export const rootKey = (poolId: string) => poolId;
export const nodeKey = (poolId: string, ref: string) => `${poolId}|${ref}`;

/** "host-2" before "host-10", and case does not matter, as people sort names. */
const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const compareNodes = (a: TreeNode, b: TreeNode) => byName.compare(a.name, b.name);

const NULL_REF = 'OpaqueRef:NULL';

type Named = { uuid: string; name_label: string; tags: readonly string[] };

const sameNodes = (a: readonly TreeNode[], b: readonly TreeNode[]) =>
  a.length === b.length && a.every((node, i) => node === b[i]);

/**
 * Above this many newcomers a group is sorted afresh; below it they are inserted into
 * the order the group already had, which keeps a batch of changes on 5,000 VMs cheap.
 */
const INSERT_LIMIT = 64;

function insertSorted(into: TreeNode[], node: TreeNode) {
  let low = 0;
  let high = into.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compareNodes(into[mid], node) <= 0) low = mid + 1;
    else high = mid;
  }
  into.splice(low, 0, node);
}

/** XenCenter hides the network xapi uses internally between a host and its guests' tools. */
const isInternalNetwork = (network: XapiRecord<'network'>) =>
  network.other_config.is_host_internal_management_network === 'true';

/**
 * Builds one pool's tree again and again as its tables change. A node whose name,
 * tags, UUID and children did not change is the same object as last time, and a group
 * of siblings keeps its order, with newcomers inserted, so an event batch that touches
 * a few hundred VMs neither re-sorts the pool nor makes React redraw unchanged rows.
 */
export class PoolTreeBuilder {
  private nodes = new Map<string, TreeNode>();
  private groups = new Map<string, readonly TreeNode[]>();
  private nextNodes = new Map<string, TreeNode>();
  private nextGroups = new Map<string, readonly TreeNode[]>();
  private last?: { source: PoolSource; options: TreeOptions; root: TreeNode };

  build(source: PoolSource, options: TreeOptions): TreeNode {
    const last = this.last;
    if (last && sameOptions(last.options, options) && !changesTheTree(last.source, source)) return last.root;
    const root = this.buildAll(source, options);
    this.last = { source, options, root };
    return root;
  }

  private buildAll(source: PoolSource, options: TreeOptions): TreeNode {
    const { poolId } = source;
    const vms = source.VM ?? {};
    const hosts = source.host ?? {};

    const onHost = new Map<string, TreeNode[]>();
    const unplaced: TreeNode[] = [];
    const templates: TreeNode[] = [];
    for (const [ref, vm] of Object.entries(vms)) {
      if (vm.is_control_domain || vm.is_a_snapshot) continue;
      if (vm.is_a_template) {
        if (options.showTemplates) templates.push(this.node(poolId, 'template', ref, vm));
        continue;
      }
      const snapshots = options.showSnapshots
        ? this.group(
            `snapshots ${ref}`,
            vm.snapshots.flatMap((snap) => (vms[snap] ? [this.node(poolId, 'snapshot', snap, vms[snap])] : [])),
          )
        : [];
      const node = this.node(poolId, 'VM', ref, vm, snapshots);
      const host = vm.resident_on !== NULL_REF && hosts[vm.resident_on] ? vm.resident_on : undefined;
      if (!host) unplaced.push(node);
      else if (onHost.has(host)) onHost.get(host)?.push(node);
      else onHost.set(host, [node]);
    }

    const hostNodes = Object.entries(hosts).map(([ref, host]) =>
      this.node(poolId, 'host', ref, host, this.group(`host ${ref}`, onHost.get(ref) ?? [])),
    );
    const srNodes = Object.entries(source.SR ?? {}).map(([ref, sr]) => this.node(poolId, 'SR', ref, sr));
    const networkNodes = Object.entries(source.network ?? {})
      .filter(([, network]) => !isInternalNetwork(network))
      .map(([ref, network]) => this.node(poolId, 'network', ref, network));

    const [poolRef, pool] = Object.entries(source.pool ?? {})[0] ?? [];
    // A host outside any pool still has a pool object, with no name: XenCenter shows the host's name then.
    const masterName = pool ? hosts[pool.master]?.name_label : undefined;
    const root = this.node(
      poolId,
      'pool',
      poolRef ?? '',
      { name_label: pool?.name_label || masterName || source.label, tags: pool?.tags ?? [], uuid: pool?.uuid ?? '' },
      [
        ...this.group('hosts', hostNodes),
        ...this.group('unplaced', unplaced),
        ...this.group('templates', templates),
        ...this.group('SRs', srNodes),
        ...this.group('networks', networkNodes),
      ],
      rootKey(poolId),
    );

    this.nodes = this.nextNodes;
    this.groups = this.nextGroups;
    this.nextNodes = new Map();
    this.nextGroups = new Map();
    return root;
  }

  /** The node for one object: last build's, when nothing it shows has changed. */
  private node(
    poolId: string,
    cls: ObjectClass,
    ref: string,
    record: Named,
    children: readonly TreeNode[] = [],
    key = nodeKey(poolId, ref),
  ): TreeNode {
    const last = this.nodes.get(key);
    const node =
      last &&
      last.cls === cls &&
      last.ref === ref &&
      last.name === record.name_label &&
      last.uuid === record.uuid &&
      (last.tags === record.tags || sameStrings(last.tags, record.tags)) &&
      sameNodes(last.children, children)
        ? last
        : {
            key,
            poolId,
            cls,
            ref,
            name: record.name_label,
            tags: record.tags,
            uuid: record.uuid,
            search: [record.name_label, ...record.tags, record.uuid].join('\0').toLowerCase(),
            children,
          };
    this.nextNodes.set(key, node);
    return node;
  }

  /** Siblings in name order: last build's array when they are the same nodes. */
  private group(name: string, members: TreeNode[]): readonly TreeNode[] {
    const last = this.groups.get(name);
    let ordered: readonly TreeNode[];
    if (!last) ordered = members.sort(compareNodes);
    else {
      const now = new Set(members);
      const kept = last.filter((node) => now.has(node));
      if (kept.length === members.length) ordered = kept.length === last.length ? last : kept;
      else {
        const before = new Set(last);
        const newcomers = members.filter((node) => !before.has(node));
        if (newcomers.length > INSERT_LIMIT) ordered = members.sort(compareNodes);
        else {
          for (const node of newcomers) insertSorted(kept, node);
          ordered = kept;
        }
      }
    }
    this.nextGroups.set(name, ordered);
    return ordered;
  }
}

const sameStrings = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);

const sameOptions = (a: TreeOptions, b: TreeOptions) =>
  a.showTemplates === b.showTemplates && a.showSnapshots === b.showSnapshots;

/** The VM fields the tree reads: a change to any other (memory, power state, operations) leaves it as it was. */
const TREE_FIELDS = [
  'name_label',
  'uuid',
  'resident_on',
  'is_a_template',
  'is_a_snapshot',
  'is_control_domain',
] as const satisfies readonly (keyof XapiRecord<'VM'>)[];

function vmMovedOrRenamed(before: XapiRecord<'VM'> | undefined, after: XapiRecord<'VM'> | undefined): boolean {
  if (!before || !after) return true;
  return (
    TREE_FIELDS.some((field) => before[field] !== after[field]) ||
    !sameStrings(before.tags, after.tags) ||
    !sameStrings(before.snapshots, after.snapshots)
  );
}

/**
 * Whether the tree can differ: any table but VM replaced, or a VM added, removed,
 * moved or renamed. The VM table changes on nearly every event batch (a balloon's
 * target, a power state), so this is checked by record identity first, which costs
 * well under a millisecond on 5,000 VMs.
 */
function changesTheTree(before: PoolSource, after: PoolSource): boolean {
  if (
    before.label !== after.label ||
    before.pool !== after.pool ||
    before.host !== after.host ||
    before.SR !== after.SR ||
    before.network !== after.network
  ) {
    return true;
  }
  if (before.VM === after.VM) return false;
  const old = before.VM ?? {};
  const now = after.VM ?? {};
  let count = 0;
  for (const ref in now) {
    count++;
    if (now[ref] !== old[ref] && vmMovedOrRenamed(old[ref], now[ref])) return true;
  }
  // Same refs in both, unless one went away.
  for (const _ in old) count--;
  return count !== 0;
}

/** One pool's tree, built from nothing. */
export function buildPoolTree(source: PoolSource, options: TreeOptions): TreeNode {
  return new PoolTreeBuilder().build(source, options);
}
