/**
 * The resource tree as XenCenter's Server View draws it, built from one pool's
 * mirror tables: the pool, its hosts with the VMs running on them, the VMs that run
 * nowhere (halted, suspended), then, on request, templates, and the pool's storage
 * and networks. Snapshots, on request, hang under the VM they were taken of.
 * Pure: the same tables and options give the same tree.
 */
import type { ObjectClass } from '../../app/routes';
import { type ClassTable, changedRefs, type PoolStatus } from '../../store/mirror-store';
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
 * of siblings keeps its order, with newcomers inserted, so React redraws only the rows
 * that changed. After the first build, a change to VMs alone costs work for the VMs
 * whose records were replaced, not for the pool: an event batch that moves a few
 * hundred VMs leaves the other 5,000 untouched.
 */
export class PoolTreeBuilder {
  private nodes = new Map<string, TreeNode>();
  private groups = new Map<string, readonly TreeNode[]>();
  /** Where each VM's node sits (its group's name), so an update can take it out again. */
  private placement = new Map<string, string>();
  /** How many records the VM table of the last build had. */
  private vmCount = 0;
  private last?: { source: PoolSource; options: TreeOptions; root: TreeNode };

  build(source: PoolSource, options: TreeOptions): TreeNode {
    const last = this.last;
    const root =
      last && sameOptions(last.options, options) && sameKeys(last.source.host, source.host)
        ? this.update(last.source, source, options)
        : this.buildAll(source, options);
    this.last = { source, options, root };
    return root;
  }

  private buildAll(source: PoolSource, options: TreeOptions): TreeNode {
    const vms = source.VM ?? {};
    const members = new Map<string, TreeNode[]>();
    this.placement.clear();
    this.vmCount = 0;
    const nodes = new Map<string, TreeNode>();
    const groups = new Map<string, readonly TreeNode[]>();
    for (const ref in vms) {
      this.vmCount++;
      const placed = this.placeVm(source, options, ref);
      if (!placed) continue;
      nodes.set(placed.node.key, placed.node);
      for (const snapshot of placed.node.children) nodes.set(snapshot.key, snapshot);
      if (placed.node.children.length) groups.set(snapshotsGroup(ref), placed.node.children);
      this.placement.set(ref, placed.group);
      const group = members.get(placed.group);
      if (group) group.push(placed.node);
      else members.set(placed.group, [placed.node]);
    }
    for (const [name, list] of members) groups.set(name, this.ordered(name, list));
    this.nodes = nodes;
    this.groups = groups;
    return this.top(source, true);
  }

  /**
   * The tree after a change that brought or took away no host (a host's VMs would
   * move), from the VMs whose records were replaced; the few nodes above them are
   * built again.
   */
  private update(before: PoolSource, after: PoolSource, options: TreeOptions): TreeNode {
    const old = before.VM ?? {};
    const now = after.VM ?? {};
    const touched = new Set<string>();
    if (old !== now) {
      const changed = changedRefs(old, now);
      if (changed) {
        // The mirror knows which records the batches touched: no need to look at the rest.
        for (const ref of changed) {
          if (now[ref] !== old[ref]) touched.add(ref);
          this.vmCount += Number(ref in now) - Number(ref in old);
        }
      } else {
        let size = 0;
        let kept = 0;
        for (const ref in now) {
          const was = old[ref];
          size++;
          if (was) kept++;
          if (now[ref] !== was) touched.add(ref);
        }
        // Only when some VM went away: a second pass over 5,000 VMs per batch is not free.
        if (kept < this.vmCount) for (const ref in old) if (!(ref in now)) touched.add(ref);
        this.vmCount = size;
      }
      // A snapshot shows under the VM it was taken of, which then needs a new node.
      for (const ref of [...touched]) {
        for (const vm of [old[ref], now[ref]])
          if (vm?.is_a_snapshot && vm.snapshot_of in now) touched.add(vm.snapshot_of);
      }
    }
    const edits = new Map<string, { removed: Set<TreeNode>; added: TreeNode[] }>();
    const edit = (group: string) => {
      const found = edits.get(group) ?? { removed: new Set<TreeNode>(), added: [] };
      edits.set(group, found);
      return found;
    };
    for (const ref of touched) {
      const key = nodeKey(after.poolId, ref);
      const was = this.nodes.get(key);
      const wasIn = this.placement.get(ref);
      const placed = this.placeVm(after, options, ref);
      // Snapshots, templates the tree hides and control domains are not placed; a snapshot's VM takes care of it.
      if (!placed && !wasIn) continue;
      if (placed && placed.node === was && placed.group === wasIn) continue;
      if (was && wasIn) edit(wasIn).removed.add(was);
      for (const snapshot of was?.children ?? []) this.nodes.delete(snapshot.key);
      this.groups.delete(snapshotsGroup(ref));
      if (placed) {
        edit(placed.group).added.push(placed.node);
        this.placement.set(ref, placed.group);
        this.nodes.set(key, placed.node);
        for (const snapshot of placed.node.children) this.nodes.set(snapshot.key, snapshot);
        if (placed.node.children.length) this.groups.set(snapshotsGroup(ref), placed.node.children);
      } else {
        this.placement.delete(ref);
        this.nodes.delete(key);
      }
    }
    for (const [name, { removed, added }] of edits) {
      const kept = (this.groups.get(name) ?? []).filter((node) => !removed.has(node));
      if (added.length > INSERT_LIMIT) this.groups.set(name, [...kept, ...added].sort(compareNodes));
      else {
        for (const node of added) insertSorted(kept, node);
        this.groups.set(name, kept);
      }
    }
    const sameTop =
      before.label === after.label &&
      before.pool === after.pool &&
      before.host === after.host &&
      before.SR === after.SR &&
      before.network === after.network;
    return !edits.size && sameTop && this.last ? this.last.root : this.top(after, false);
  }

  /** Where a VM's node goes and the node itself, or undefined for what the tree leaves out. */
  private placeVm(
    source: PoolSource,
    options: TreeOptions,
    ref: string,
  ): { group: string; node: TreeNode } | undefined {
    const vms = source.VM ?? {};
    const vm = vms[ref];
    if (!vm || vm.is_control_domain || vm.is_a_snapshot) return undefined;
    const { poolId } = source;
    if (vm.is_a_template) {
      return options.showTemplates ? { group: 'templates', node: this.node(poolId, 'template', ref, vm) } : undefined;
    }
    const snapshots = options.showSnapshots
      ? this.sameOrder(
          snapshotsGroup(ref),
          vm.snapshots.flatMap((snap) => (vms[snap] ? [this.node(poolId, 'snapshot', snap, vms[snap])] : [])),
        )
      : [];
    const host = vm.resident_on !== NULL_REF && source.host?.[vm.resident_on] ? vm.resident_on : undefined;
    return { group: host ? hostGroup(host) : 'unplaced', node: this.node(poolId, 'VM', ref, vm, snapshots) };
  }

  /**
   * The pool's node and the groups under it that are not VMs. `fresh` orders every
   * group anew (a first build); otherwise the hosts, storage and networks keep the
   * order they had.
   */
  private top(source: PoolSource, fresh: boolean): TreeNode {
    const { poolId } = source;
    const hosts = source.host ?? {};
    const group = (name: string, members: TreeNode[]) => {
      const ordered = fresh ? this.ordered(name, members) : this.sameOrder(name, members);
      this.groups.set(name, ordered);
      return ordered;
    };
    const hostNodes = group(
      'hosts',
      Object.entries(hosts).map(([ref, host]) =>
        this.keep(this.node(poolId, 'host', ref, host, this.groups.get(hostGroup(ref)) ?? [])),
      ),
    );
    const srNodes = group(
      'SRs',
      Object.entries(source.SR ?? {}).map(([ref, sr]) => this.keep(this.node(poolId, 'SR', ref, sr))),
    );
    const networkNodes = group(
      'networks',
      Object.entries(source.network ?? {})
        .filter(([, network]) => !isInternalNetwork(network))
        .map(([ref, network]) => this.keep(this.node(poolId, 'network', ref, network))),
    );

    const [poolRef, pool] = Object.entries(source.pool ?? {})[0] ?? [];
    // A host outside any pool still has a pool object, with no name: XenCenter shows the host's name then.
    const masterName = pool ? hosts[pool.master]?.name_label : undefined;
    return this.keep(
      this.node(
        poolId,
        'pool',
        poolRef ?? '',
        { name_label: pool?.name_label || masterName || source.label, tags: pool?.tags ?? [], uuid: pool?.uuid ?? '' },
        [
          ...hostNodes,
          ...(this.groups.get('unplaced') ?? []),
          ...(this.groups.get('templates') ?? []),
          ...srNodes,
          ...networkNodes,
        ],
        rootKey(poolId),
      ),
    );
  }

  private keep(node: TreeNode): TreeNode {
    this.nodes.set(node.key, node);
    return node;
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
    return last &&
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
  }

  /** Siblings in name order, keeping last build's order for those that were there before. */
  private ordered(name: string, members: TreeNode[]): readonly TreeNode[] {
    return this.groups.has(name) ? this.sameOrder(name, members) : members.sort(compareNodes);
  }

  /** Siblings in the order they had, newcomers inserted by name: last build's array when they are the same nodes. */
  private sameOrder(name: string, members: TreeNode[]): readonly TreeNode[] {
    const last = this.groups.get(name);
    if (!last) return members.sort(compareNodes);
    const now = new Set(members);
    const kept = last.filter((node) => now.has(node));
    if (kept.length === members.length) return kept.length === last.length ? last : kept;
    const before = new Set(last);
    const newcomers = members.filter((node) => !before.has(node));
    if (newcomers.length > INSERT_LIMIT) return members.sort(compareNodes);
    for (const node of newcomers) insertSorted(kept, node);
    return kept;
  }
}

const hostGroup = (hostRef: string) => `host ${hostRef}`;
const snapshotsGroup = (vmRef: string) => `snapshots ${vmRef}`;

const sameStrings = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);

const sameOptions = (a: TreeOptions, b: TreeOptions) =>
  a.showTemplates === b.showTemplates && a.showSnapshots === b.showSnapshots;

function sameKeys(a: Readonly<Record<string, unknown>> = {}, b: Readonly<Record<string, unknown>> = {}): boolean {
  if (a === b) return true;
  let count = 0;
  for (const key in b) {
    if (!(key in a)) return false;
    count++;
  }
  for (const _ in a) count--;
  return count === 0;
}

/** One pool's tree, built from nothing. */
export function buildPoolTree(source: PoolSource, options: TreeOptions): TreeNode {
  return new PoolTreeBuilder().build(source, options);
}
