/**
 * Memory accounting as XAPI does it (ocaml/xapi/memory_check.ml and the overhead
 * model in ocaml/xapi-idl/memory/memory.ml): a VM's overhead from static_max and
 * vCPUs, a host's free memory as total − host overhead − Σ(dynamic_min + overhead)
 * over VMs resident on or scheduled to it.
 */
import type { Database } from './db';
import { NULL_REF } from './db';
import { MiB } from './units';

/** squeezed keeps 64 MiB for the low-memory pool plus 8 MiB slack (squeeze_xen.ml). */
export const SQUEEZED_RESERVE_BYTES = 72 * MiB;

export interface MemoryFields {
  memory_static_min: number;
  memory_static_max: number;
  memory_dynamic_min: number;
  memory_dynamic_max: number;
  memory_target: number;
  memory_overhead: number;
  VCPUs_max: number;
  VCPUs_at_startup: number;
  HVM_shadow_multiplier: number;
  domain_type: string;
  power_state: string;
  resident_on: string;
  scheduled_to_be_resident_on: string;
  is_control_domain: boolean;
}

/** VM.compute_memory_overhead, in bytes (memory_check.ml: vm_compute_memory_overhead). */
export function vmMemoryOverhead(
  vm: Pick<MemoryFields, 'memory_static_max' | 'VCPUs_max' | 'HVM_shadow_multiplier' | 'domain_type'>,
): number {
  const staticMaxMiB = Math.ceil(vm.memory_static_max / MiB);
  const vcpus = vm.VCPUs_max;
  const multiplier = vm.HVM_shadow_multiplier;
  const shadowMiB = Math.max(1, Math.floor(Math.ceil((256 * vcpus + 2 * staticMaxMiB) / 256) * multiplier));
  let extraInternal = 1;
  let shimMiB = 0;
  if (vm.domain_type === 'pv') extraInternal = 0;
  if (vm.domain_type === 'pv_in_pvh') shimMiB = 23 + Math.floor(staticMaxMiB / 90);
  const extraExternal = 1;
  return (extraInternal + extraExternal + shadowMiB + Math.ceil((38 * vcpus) / 256) + shimMiB) * MiB;
}

/** What a VM needs on a host to start: dynamic_min (static_max for pv_in_pvh) plus overhead. */
export function vmFootprint(
  vm: Pick<MemoryFields, 'memory_dynamic_min' | 'memory_static_max' | 'memory_overhead' | 'domain_type'>,
): number {
  const base = vm.domain_type === 'pv_in_pvh' ? vm.memory_static_max : vm.memory_dynamic_min;
  return base + vm.memory_overhead;
}

/** The host's total RAM as host_metrics reports it. */
export function hostMemoryTotal(db: Database, host: string): number {
  const { metrics } = db.get<{ metrics: string }>('host', host);
  return db.get<{ memory_total: number }>('host_metrics', metrics).memory_total;
}

/**
 * What memory_check.ml accounts as used on a host: its own overhead plus the footprint
 * of every VM resident on or scheduled to it. `ignoring` leaves one VM out, as
 * host_compute_free_memory_with_maximum_compression does for the VM being placed (so a
 * localhost migration does not count the VM twice).
 */
export function hostMemoryUsed(db: Database, host: string, ignoring?: string): number {
  let used = db.get<{ memory_overhead: number }>('host', host).memory_overhead;
  for (const row of db.rows('VM')) {
    if (row.ref === ignoring) continue;
    const vm = row.record as unknown as MemoryFields;
    if (
      vm.resident_on === host ||
      (vm.scheduled_to_be_resident_on === host && vm.scheduled_to_be_resident_on !== NULL_REF)
    ) {
      used += vmFootprint(vm);
    }
  }
  return used;
}

/** host.compute_free_memory: never negative. */
export function hostFreeMemory(db: Database, host: string, ignoring?: string): number {
  return Math.max(0, hostMemoryTotal(db, host) - hostMemoryUsed(db, host, ignoring));
}
