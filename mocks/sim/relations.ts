/**
 * One-to-many relations XAPI maintains for itself: when an object's forward ref
 * changes, the set field on the other side follows (and gets a `mod` event).
 * Mirrors the relations declared in xen-api's ocaml/idl/datamodel.ml.
 */
export interface Relation {
  /** The class and ref field that points at the owner. */
  cls: string;
  field: string;
  /** The owner's class and its set field listing the pointing objects. */
  owner: string;
  set: string;
}

export const RELATIONS: Relation[] = [
  { cls: 'VM', field: 'resident_on', owner: 'host', set: 'resident_VMs' },
  { cls: 'VM', field: 'snapshot_of', owner: 'VM', set: 'snapshots' },
  { cls: 'VM', field: 'parent', owner: 'VM', set: 'children' },
  { cls: 'VM', field: 'appliance', owner: 'VM_appliance', set: 'VMs' },
  { cls: 'VBD', field: 'VM', owner: 'VM', set: 'VBDs' },
  { cls: 'VBD', field: 'VDI', owner: 'VDI', set: 'VBDs' },
  { cls: 'VIF', field: 'VM', owner: 'VM', set: 'VIFs' },
  { cls: 'VIF', field: 'network', owner: 'network', set: 'VIFs' },
  { cls: 'console', field: 'VM', owner: 'VM', set: 'consoles' },
  { cls: 'VTPM', field: 'VM', owner: 'VM', set: 'VTPMs' },
  { cls: 'VGPU', field: 'VM', owner: 'VM', set: 'VGPUs' },
  { cls: 'VDI', field: 'SR', owner: 'SR', set: 'VDIs' },
  { cls: 'VDI', field: 'snapshot_of', owner: 'VDI', set: 'snapshots' },
  { cls: 'PBD', field: 'host', owner: 'host', set: 'PBDs' },
  { cls: 'PBD', field: 'SR', owner: 'SR', set: 'PBDs' },
  { cls: 'PIF', field: 'host', owner: 'host', set: 'PIFs' },
  { cls: 'PIF', field: 'network', owner: 'network', set: 'PIFs' },
  { cls: 'host_cpu', field: 'host', owner: 'host', set: 'host_CPUs' },
  { cls: 'host_crashdump', field: 'host', owner: 'host', set: 'crashdumps' },
  { cls: 'PCI', field: 'host', owner: 'host', set: 'PCIs' },
  { cls: 'PGPU', field: 'host', owner: 'host', set: 'PGPUs' },
  { cls: 'VLAN', field: 'tagged_PIF', owner: 'PIF', set: 'VLAN_slave_of' },
  { cls: 'Bond', field: 'master', owner: 'PIF', set: 'bond_master_of' },
  { cls: 'PIF', field: 'bond_slave_of', owner: 'Bond', set: 'slaves' },
  { cls: 'tunnel', field: 'transport_PIF', owner: 'PIF', set: 'tunnel_transport_PIF_of' },
  { cls: 'task', field: 'subtask_of', owner: 'task', set: 'subtasks' },
];

/** Relations keyed by the pointing class, for the database's write path. */
export const RELATIONS_BY_CLASS: Map<string, Relation[]> = new Map();
for (const r of RELATIONS) {
  RELATIONS_BY_CLASS.set(r.cls, [...(RELATIONS_BY_CLASS.get(r.cls) ?? []), r]);
}
