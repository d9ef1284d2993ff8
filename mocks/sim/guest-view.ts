/**
 * Memory as the guest itself sees it, for its console (`free -m`) and its tools. The
 * guest's RAM is what its domain holds (memory_actual): a balloon that inflates takes
 * pages away from it, one that deflates gives them back. Of that, the kernel keeps a
 * little for itself; the OS and its applications use a share that does not depend on
 * the balloon (the OS's base plus half the dynamic minimum, the administrator's idea of
 * what the guest needs); the page cache fills part of the rest.
 */
import type { XapiRecord } from '../../src/xapi/model/types';
import { DEFAULT_GUEST, type GuestOs } from './hardware';
import type { Simulator } from './simulator';
import { MiB } from './units';

export interface GuestMemoryView {
  totalMiB: number;
  usedMiB: number;
  freeMiB: number;
  sharedMiB: number;
  buffCacheMiB: number;
  availableMiB: number;
}

/** What the OS itself uses once booted. */
const OS_BASE_MIB: Readonly<Record<GuestOs, number>> = { linux: 180, windows: 1_400 };
/** Of the memory nothing else uses, the share the page cache holds. */
const CACHE_SHARE = 0.6;
/** Of the cache, what the kernel could give back at once. */
const RECLAIMABLE_SHARE = 0.9;

/** Frame tables and other kernel reservations grow with RAM; `free` does not count them. */
const kernelReservedMiB = (ramMiB: number) => 16 + Math.ceil(ramMiB / 64);

/** The guest's view of its memory, or undefined when it has no domain. */
export function guestMemoryView(sim: Simulator, vm: string): GuestMemoryView | undefined {
  const record = sim.db.get<XapiRecord<'VM'>>('VM', vm);
  if (record.power_state !== 'Running' && record.power_state !== 'Paused') return undefined;
  const actual = sim.db.find<XapiRecord<'VM_metrics'>>('VM_metrics', record.metrics)?.memory_actual ?? 0;
  const ramMiB = Math.floor(actual / MiB);
  const totalMiB = Math.max(0, ramMiB - kernelReservedMiB(ramMiB));
  const os = (sim.guests.get(vm) ?? DEFAULT_GUEST).os;
  const wantedMiB = OS_BASE_MIB[os] + Math.floor(record.memory_dynamic_min / MiB / 2);
  const usedMiB = Math.min(wantedMiB, Math.floor(totalMiB * 0.95));
  const buffCacheMiB = Math.floor((totalMiB - usedMiB) * CACHE_SHARE);
  const freeMiB = totalMiB - usedMiB - buffCacheMiB;
  return {
    totalMiB,
    usedMiB,
    freeMiB,
    sharedMiB: Math.floor(usedMiB / 50),
    buffCacheMiB,
    availableMiB: freeMiB + Math.floor(buffCacheMiB * RECLAIMABLE_SHARE),
  };
}
