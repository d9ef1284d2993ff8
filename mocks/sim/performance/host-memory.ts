/**
 * A host's physically free memory: what Xen has not given to itself or to a domain.
 * rrdd reports it as `memory_free_kib` (from Xen's free pages, rrdp_squeezed.ml) and
 * xapi copies the latest value into host_metrics.memory_free in bytes (monitor_mem.ml),
 * so both come from this one sum.
 */
import type { XapiRecord } from '../../../src/xapi/model/types';
import type { Simulator } from '../simulator';
import { KiB } from '../units';

export interface HostMemory {
  totalBytes: number;
  /** Xen's heap and frame tables. */
  xenBytes: number;
}

export function hostMemoryOf(sim: Simulator, host: string): HostMemory {
  const { metrics } = sim.db.get<XapiRecord<'host'>>('host', host);
  return {
    totalBytes: sim.db.get<XapiRecord<'host_metrics'>>('host_metrics', metrics).memory_total,
    xenBytes: sim.hardware.get(host)?.xenOverheadBytes ?? 0,
  };
}

/** Free KiB as Xen counts it, given what every resident domain holds (its memory plus its overhead). */
export function freeKiB(memory: HostMemory, domainBytes: number): number {
  return Math.max(0, Math.floor((memory.totalBytes - memory.xenBytes - domainBytes) / KiB));
}

/** What xapi's monitor writes into host_metrics.memory_free after reading the RRD. */
export function syncHostMemoryFree(sim: Simulator, host: string): void {
  const db = sim.db;
  const record = db.find<XapiRecord<'host'>>('host', host);
  if (!record) return;
  let domainBytes = 0;
  for (const vm of record.resident_VMs) {
    const { metrics, memory_overhead } = db.get<XapiRecord<'VM'>>('VM', vm);
    domainBytes += (db.find<XapiRecord<'VM_metrics'>>('VM_metrics', metrics)?.memory_actual ?? 0) + memory_overhead;
  }
  const free = freeKiB(hostMemoryOf(sim, host), domainBytes) * KiB;
  if (db.get<XapiRecord<'host_metrics'>>('host_metrics', record.metrics).memory_free !== free) {
    db.update('host_metrics', record.metrics, { memory_free: free });
  }
}
