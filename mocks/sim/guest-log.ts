/**
 * What a guest's kernel noticed since its domain was built: balloon targets arriving and
 * being reached, vCPUs plugged and unplugged. The guest's console (`dmesg`) prints these
 * with their time since boot; each new domain (start, reboot, resume) starts a new log.
 */
import type { Simulator } from './simulator';

export type GuestKernelEvent =
  | { atMs: number; kind: 'balloon-target'; fromBytes: number; toBytes: number }
  | { atMs: number; kind: 'balloon-reached'; bytes: number }
  | { atMs: number; kind: 'vcpu-online' | 'vcpu-offline'; cpu: number };

type EventBody = GuestKernelEvent extends infer E ? (E extends GuestKernelEvent ? Omit<E, 'atMs'> : never) : never;

/** A guest keeps its latest events only, like a kernel ring buffer. */
const LOG_LIMIT = 256;

const logs = new WeakMap<Simulator, Map<string, GuestKernelEvent[]>>();

function logsOf(sim: Simulator): Map<string, GuestKernelEvent[]> {
  const map = logs.get(sim) ?? new Map<string, GuestKernelEvent[]>();
  logs.set(sim, map);
  return map;
}

export function recordGuestEvent(sim: Simulator, vm: string, event: EventBody): void {
  const log = logsOf(sim).get(vm) ?? [];
  logsOf(sim).set(vm, log);
  log.push({ ...event, atMs: sim.clock.now() } as GuestKernelEvent);
  if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
}

/** A new domain boots with an empty log. */
export function clearGuestEvents(sim: Simulator, vm: string): void {
  logsOf(sim).delete(vm);
}

/** The events since the guest's domain was built, oldest first. */
export function guestKernelEvents(sim: Simulator, vm: string): readonly GuestKernelEvent[] {
  return logsOf(sim).get(vm) ?? [];
}
