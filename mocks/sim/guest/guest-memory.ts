/**
 * The guest's own view of its memory, as `free` and /proc/meminfo print it.
 *
 * The balloon model (mocks/sim/balloon.ts) moves VM_metrics.memory_actual; this reads it,
 * so `free` follows the balloon. The kernel here keeps nothing back from the total,
 * so `free -m` shows memory_actual in MiB exactly, the figure the Memory tab shows (a real
 * guest shows a little less: the kernel's own code and reserved ranges).
 */
import type { XapiRecord } from '../../../src/xapi/model/types';
import type { Simulator } from '../simulator';
import { guestLoad } from './guest-load';

export interface GuestMemoryView {
  totalBytes: number;
  usedBytes: number;
  freeBytes: number;
  sharedBytes: number;
  buffCacheBytes: number;
  availableBytes: number;
}

export function guestMemoryView(sim: Simulator, vm: string): GuestMemoryView {
  const record = sim.db.get<XapiRecord<'VM'>>('VM', vm);
  const metrics = sim.db.find<XapiRecord<'VM_metrics'>>('VM_metrics', record.metrics);
  const totalBytes = metrics?.memory_actual ?? 0;
  const usedBytes = Math.min(totalBytes, Math.round(guestLoad(sim, vm).usedMemoryBytes));
  // The page cache takes a share of what programs leave, and gives most of it back on demand.
  const buffCacheBytes = Math.round((totalBytes - usedBytes) * 0.3);
  const freeBytes = totalBytes - usedBytes - buffCacheBytes;
  const sharedBytes = Math.round(usedBytes * 0.02);
  return {
    totalBytes,
    usedBytes,
    freeBytes,
    sharedBytes,
    buffCacheBytes,
    availableBytes: freeBytes + Math.round(buffCacheBytes * 0.85),
  };
}

/** The vCPUs the guest has online, hot-added ones included. */
export function guestVcpuCount(sim: Simulator, vm: string): number {
  const { metrics } = sim.db.get<XapiRecord<'VM'>>('VM', vm);
  return sim.db.find<XapiRecord<'VM_metrics'>>('VM_metrics', metrics)?.VCPUs_number ?? 0;
}
