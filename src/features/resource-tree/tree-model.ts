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
const sorted = (nodes: TreeNode[]) => nodes.sort((a, b) => byName.compare(a.name, b.name));

const NULL_REF = 'OpaqueRef:NULL';

type Named = { uuid: string; name_label: string; tags: string[] };

function leaf(poolId: string, cls: ObjectClass, ref: string, record: Named, children: TreeNode[] = []): TreeNode {
  return {
    key: nodeKey(poolId, ref),
    poolId,
    cls,
    ref,
    name: record.name_label,
    tags: record.tags,
    uuid: record.uuid,
    children,
  };
}

/** XenCenter hides the network xapi uses internally between a host and its guests' tools. */
const isInternalNetwork = (network: XapiRecord<'network'>) =>
  network.other_config.is_host_internal_management_network === 'true';

export function buildPoolTree(source: PoolSource, options: TreeOptions): TreeNode {
  const { poolId } = source;
  const vms = source.VM ?? {};
  const hosts = source.host ?? {};

  const snapshotsOf = (vm: XapiRecord<'VM'>): TreeNode[] =>
    options.showSnapshots
      ? sorted(vm.snapshots.flatMap((ref) => (vms[ref] ? [leaf(poolId, 'snapshot', ref, vms[ref])] : [])))
      : [];

  const onHost = new Map<string, TreeNode[]>();
  const unplaced: TreeNode[] = [];
  const templates: TreeNode[] = [];
  for (const [ref, vm] of Object.entries(vms)) {
    if (vm.is_control_domain || vm.is_a_snapshot) continue;
    if (vm.is_a_template) {
      if (options.showTemplates) templates.push(leaf(poolId, 'template', ref, vm));
      continue;
    }
    const node = leaf(poolId, 'VM', ref, vm, snapshotsOf(vm));
    const host = vm.resident_on !== NULL_REF && hosts[vm.resident_on] ? vm.resident_on : undefined;
    if (!host) unplaced.push(node);
    else if (onHost.has(host)) onHost.get(host)?.push(node);
    else onHost.set(host, [node]);
  }

  const hostNodes = Object.entries(hosts).map(([ref, host]) =>
    leaf(poolId, 'host', ref, host, sorted(onHost.get(ref) ?? [])),
  );
  const srNodes = Object.entries(source.SR ?? {}).map(([ref, sr]) => leaf(poolId, 'SR', ref, sr));
  const networkNodes = Object.entries(source.network ?? {})
    .filter(([, network]) => !isInternalNetwork(network))
    .map(([ref, network]) => leaf(poolId, 'network', ref, network));

  const [poolRef, pool] = Object.entries(source.pool ?? {})[0] ?? [];
  // A host outside any pool still has a pool object, with no name: XenCenter shows the host's name then.
  const masterName = pool ? hosts[pool.master]?.name_label : undefined;
  return {
    key: rootKey(poolId),
    poolId,
    cls: 'pool',
    ref: poolRef ?? '',
    name: pool?.name_label || masterName || source.label,
    tags: pool?.tags ?? [],
    uuid: pool?.uuid ?? '',
    children: [
      ...sorted(hostNodes),
      ...sorted(unplaced),
      ...sorted(templates),
      ...sorted(srNodes),
      ...sorted(networkNodes),
    ],
  };
}
