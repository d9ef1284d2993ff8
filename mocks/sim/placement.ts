/**
 * Where a VM may run and how it gets there: assert_can_boot_here and
 * choose_host_for_vm (ocaml/xapi/xapi_vm_helpers.ml, with the host categories of
 * vm_placement.ml), and the reservation message_forwarding.ml makes while a VM is on
 * its way to a host (scheduled_to_be_resident_on, which memory accounting counts).
 */
import type { XapiRecord } from '../../src/xapi/model/types';
import { type Database, NULL_REF } from './db';
import { fail } from './failure';
import { addHostOperation, type HostOperation, removeHostOperation } from './host-operations';
import { hostFreeMemory, hostMemoryTotal, type MemoryFields, vmFootprint } from './memory';
import { type OperationError, opError, opErrorAsSent, raise } from './operation-error';
import type { Simulator } from './simulator';
import { isTrue } from './vm-operations';

type Vm = XapiRecord<'VM'>;
type Host = XapiRecord<'host'>;

export function isHostLive(db: Database, host: string): boolean {
  const metrics = db.find<Host>('host', host)?.metrics;
  return metrics !== undefined && (db.find<XapiRecord<'host_metrics'>>('host_metrics', metrics)?.live ?? false);
}

/** OCaml's string_of_float, which xen-api uses in INVALID_VALUE: "0.5", "0.", "-1.". */
const ocamlFloat = (x: number) => (Number.isInteger(x) ? `${x}.` : String(x));

/** validate_basic_parameters: vCPUs, memory constraints, shadow multiplier, crash action. */
export function basicParameterError(vm: Vm): OperationError | undefined {
  if (vm.VCPUs_max < 1) return opError('INVALID_VALUE', 'VCPUs_max', String(vm.VCPUs_max));
  if (vm.VCPUs_at_startup < 1) return opError('INVALID_VALUE', 'VCPUs-at-startup', String(vm.VCPUs_at_startup));
  if (vm.VCPUs_at_startup > vm.VCPUs_max) {
    return opError(
      'VALUE_NOT_SUPPORTED',
      'VCPUs-at-startup',
      String(vm.VCPUs_at_startup),
      'value greater than VCPUs-max',
    );
  }
  // Vm_memory_constraints.transform can clamp the dynamic range into the static one, but
  // not repair a reversed range; xen-api raises this without params.
  if (vm.memory_static_max < vm.memory_static_min || vm.memory_dynamic_max < vm.memory_dynamic_min) {
    return opErrorAsSent('MEMORY_CONSTRAINT_VIOLATION');
  }
  if (vm.HVM_shadow_multiplier < 1) {
    return opError('INVALID_VALUE', 'HVM_shadow_multiplier', ocamlFloat(vm.HVM_shadow_multiplier));
  }
  const field = 'VM.actions_after_crash';
  const action = vm.actions_after_crash;
  if (action === 'rename_restart') {
    return opError(
      'VALUE_NOT_SUPPORTED',
      field,
      action,
      'option would leak a domain; VMs and not domains are managed by this API',
    );
  }
  if ((action === 'coredump_and_destroy' || action === 'coredump_and_restart') && vm.domain_type !== 'pv') {
    return opError('VALUE_NOT_SUPPORTED', field, action, 'cannot invoke a coredump of an HVM, PVH or PV-in-PVH domain');
  }
  return undefined;
}

/** The SRs the VM's disks (and its suspend image, when suspended) live on, in VBD order. */
function requiredSrs(db: Database, vm: Vm): string[] {
  const vdis: string[] = [];
  for (const vbd of vm.VBDs) {
    const record = db.find<XapiRecord<'VBD'>>('VBD', vbd);
    if (record && !record.empty) vdis.push(record.VDI);
  }
  if (vm.power_state === 'Suspended' && vm.suspend_VDI !== NULL_REF) vdis.push(vm.suspend_VDI);
  return vdis.flatMap((vdi) => db.find<XapiRecord<'VDI'>>('VDI', vdi)?.SR ?? []);
}

/** SRs with a plugged PBD on the host. */
export function srsAttachedTo(db: Database, host: string): Set<string> {
  const srs = new Set<string>();
  for (const pbd of db.get<Host>('host', host).PBDs) {
    const record = db.find<XapiRecord<'PBD'>>('PBD', pbd);
    if (record?.currently_attached) srs.add(record.SR);
  }
  return srs;
}

/**
 * assert_can_see_named_networks: a network with PIFs must have one on the host; a
 * managed network without PIFs pins to the host its running VMs use.
 */
function networkAvailable(db: Database, network: string, host: string): boolean {
  const net = db.find<XapiRecord<'network'>>('network', network);
  if (!net) return false;
  if (net.PIFs.length > 0) return net.PIFs.some((pif) => db.find<XapiRecord<'PIF'>>('PIF', pif)?.host === host);
  if (net.other_config.assume_network_is_shared === 'true' || !net.managed) return true;
  const hosts = net.VIFs.flatMap((vif) => {
    const owner = db.find<Vm>('VM', db.find<XapiRecord<'VIF'>>('VIF', vif)?.VM ?? NULL_REF);
    return owner?.power_state === 'Running' ? [owner.resident_on] : [];
  });
  return hosts.length === 0 || hosts.includes(host as Vm['resident_on']);
}

/** The memory a VM needs on a host versus what the host has free (assert_enough_memory_available). */
export function memoryError(db: Database, vm: string, host: string): OperationError | undefined {
  const needed = vmFootprint(db.get<MemoryFields>('VM', vm));
  const available = hostFreeMemory(db, host, vm);
  if (available < needed) return opError('HOST_NOT_ENOUGH_FREE_MEMORY', String(needed), String(available));
  return undefined;
}

export function pcpuCount(db: Database, host: string): number {
  return Number(db.get<Host>('host', host).cpu_info.cpu_count ?? 0);
}

/** assert_can_boot_here, in xen-api's order; the memory check can be left out as placement does. */
export function bootHereError(
  db: Database,
  ref: string,
  host: string,
  options: { memory?: boolean } = {},
): OperationError | undefined {
  const vm = db.get<Vm>('VM', ref);
  const basic = basicParameterError(vm);
  if (basic) return basic;
  if (!isHostLive(db, host)) return opError('HOST_NOT_LIVE');
  if (vm.is_control_domain && vm.affinity !== NULL_REF && vm.affinity !== host) {
    return opError('OPERATION_NOT_ALLOWED', 'Cannot boot a control domain on a host different from its affinity');
  }
  const localMigration = vm.power_state === 'Running' && vm.resident_on === host;
  // Control domains may start on a disabled host (CA-233580).
  if (!vm.is_control_domain && !localMigration && !db.get<Host>('host', host).enabled)
    return opError('HOST_DISABLED', host);
  const attached = srsAttachedTo(db, host);
  const missingSr = requiredSrs(db, vm).find((sr) => !attached.has(sr));
  if (missingSr) return opError('VM_REQUIRES_SR', ref, missingSr);
  for (const vif of vm.VIFs) {
    const network = db.find<XapiRecord<'VIF'>>('VIF', vif)?.network;
    if (network && !networkAvailable(db, network, host)) return opError('VM_REQUIRES_NETWORK', ref, network);
  }
  if (options.memory ?? true) {
    const memory = memoryError(db, ref, host);
    if (memory) return memory;
  }
  const pcpus = pcpuCount(db, host);
  if (vm.VCPUs_max > pcpus && !isTrue(vm.platform['vcpu-unrestricted'])) {
    return opError('HOST_NOT_ENOUGH_PCPUS', String(vm.VCPUs_max), String(pcpus));
  }
  return undefined;
}

export function assertCanBootHere(db: Database, vm: string, host: string): void {
  raise(bootHereError(db, vm, host));
}

/** VM.get_possible_hosts: the host a VM is already scheduled to, else every live host it can boot on. */
export function possibleHosts(db: Database, vm: string): string[] {
  const scheduled = db.get<Vm>('VM', vm).scheduled_to_be_resident_on;
  if (scheduled !== NULL_REF) return [scheduled];
  return db.refs('host').filter((host) => !bootHereError(db, vm, host) && isHostLive(db, host));
}

/** The memory sums vm_placement.ml ranks hosts by, counting the VM being placed on every host. */
interface HostSummary {
  host: string;
  isMaster: boolean;
  available: number;
  dynamicMin: number;
  dynamicMax: number;
  staticMax: number;
}

function summarise(db: Database, host: string, guest: Vm, master: string): HostSummary {
  const guests: Vm[] = [guest];
  for (const row of db.rows('VM')) {
    const vm = row.record as unknown as Vm;
    // A VM both resident on and scheduled to the host is listed twice, as xen-api's query does.
    if (vm.resident_on === host) guests.push(vm);
    if (vm.scheduled_to_be_resident_on === host) guests.push(vm);
  }
  const sum = (f: (vm: Vm) => number) => guests.reduce((n, vm) => n + f(vm), 0);
  return {
    host,
    isMaster: host === master,
    available: hostMemoryTotal(db, host) - db.get<Host>('host', host).memory_overhead - sum((vm) => vm.memory_overhead),
    dynamicMin: sum((vm) => vm.memory_dynamic_min),
    dynamicMax: sum((vm) => vm.memory_dynamic_max),
    staticMax: sum((vm) => vm.memory_static_max),
  };
}

type Category = (h: HostSummary) => number;

/** The four host categories, best first: affinity, definite, probable, possible (vm_placement.ml). */
function categories(affinity: string, masterBias: boolean): Category[] {
  const possible: Category = (h) => {
    if (h.available >= h.dynamicMax) return 1000;
    if (h.available < h.dynamicMin) return -1;
    return Math.trunc((1000 * (h.available - h.dynamicMin)) / (h.dynamicMax - h.dynamicMin));
  };
  // The master is worth (v - 1) / 2 of a slave, to keep load off it.
  const biased =
    (value: Category): Category =>
    (h) =>
      h.isMaster && masterBias ? Math.trunc((value(h) - 1) / 2) : value(h);
  return [
    (h) => (h.host === affinity ? possible(h) : -1),
    biased((h) => h.available - h.staticMax),
    biased((h) => h.available - h.dynamicMax),
    possible,
  ];
}

/**
 * select_host_from_summary: within each category, hosts sorted best first; xen-api picks
 * at an index biased towards the best (uniform² of the list length) and drops hosts that
 * fail validation; hosts outside the category go on to the next one.
 */
function selectHost(sim: Simulator, vm: Vm, hosts: string[], valid: (host: string) => boolean): string | undefined {
  const db = sim.db;
  const pool = db.get<XapiRecord<'pool'>>('pool', sim.pool());
  const affinity = db.has('host', vm.affinity) ? vm.affinity : NULL_REF;
  let remaining = hosts.map((host) => summarise(db, host, vm, pool.master));
  for (const category of categories(affinity, pool.coordinator_bias)) {
    const scored = remaining.map((h) => ({ h, value: category(h) })).sort((a, b) => b.value - a.value);
    const within = scored.filter((s) => s.value >= 0).map((s) => s.h);
    remaining = scored.filter((s) => s.value < 0).map((s) => s.h);
    while (within.length > 0) {
      const r = sim.random.next();
      const [candidate] = within.splice(Math.floor(within.length * r * r), 1);
      if (valid(candidate.host)) return candidate.host;
    }
  }
  return undefined;
}

/** vm_can_run_on_host: enabled (unless a control domain), live, bootable here, not being evacuated. */
function canRunOn(db: Database, ref: string, host: string, memory: boolean): boolean {
  const vm = db.get<Vm>('VM', ref);
  const record = db.get<Host>('host', host);
  const evacuating = Object.values(record.current_operations).includes('evacuate');
  return (
    (vm.is_control_domain || record.enabled) &&
    isHostLive(db, host) &&
    !bootHereError(db, ref, host, { memory }) &&
    !evacuating
  );
}

/**
 * choose_host_for_vm without WLB: a host that passes every check; failing that, one that
 * passes all but the memory check, where xenopsd then refuses with
 * HOST_NOT_ENOUGH_FREE_MEMORY (the simulator refuses before reserving); failing that,
 * NO_HOSTS_AVAILABLE.
 */
export function chooseHostForVm(sim: Simulator, ref: string): string {
  const db = sim.db;
  const vm = db.get<Vm>('VM', ref);
  const hosts = db.refs('host');
  const host = selectHost(sim, vm, hosts, (h) => canRunOn(db, ref, h, true));
  if (host) return host;
  const ignoringMemory = selectHost(sim, vm, hosts, (h) => canRunOn(db, ref, h, false));
  if (!ignoringMemory) return fail('NO_HOSTS_AVAILABLE');
  raise(memoryError(db, ref, ignoringMemory));
  return ignoringMemory;
}

/**
 * allocate_vm_to_host: the VM counts against the host's memory from now on, and the
 * host shows `hostOp` (vm_start, vm_resume, vm_migrate) under the task.
 */
export function reserveHost(db: Database, vm: string, host: string, task: string, hostOp: HostOperation): void {
  addHostOperation(db, host, task, hostOp);
  db.update('VM', vm, { scheduled_to_be_resident_on: host });
}

/** finally_clear_host_operation and clear_reservations. */
export function releaseHost(db: Database, vm: string, host: string, task: string): void {
  removeHostOperation(db, host, task);
  if (db.has('VM', vm)) db.update('VM', vm, { scheduled_to_be_resident_on: NULL_REF });
}
