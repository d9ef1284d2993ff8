/**
 * State that lives exactly as long as one incarnation of a VM's domain (one boot): the
 * guest's console, its kernel log, its logon screen. It is kept beside the model rather
 * than in XAPI records, built on first use (so thousands of running VMs cost nothing
 * until someone opens a console), and forgotten once the domain is rebuilt or destroyed.
 */
import { domainGeneration, domainStartMs } from '../domains';
import type { Simulator } from '../simulator';

export interface Incarnation {
  generation: number;
  /** When the domain started, on the virtual clock. */
  startMs: number;
}

interface Slot {
  generation: number;
  values: Map<symbol, unknown>;
}

const slots = new WeakMap<Simulator, Map<string, Slot>>();

/** The running domain's incarnation, or undefined when the VM has no domain. */
export function incarnationOf(sim: Simulator, vm: string): Incarnation | undefined {
  const generation = domainGeneration(sim, vm);
  const startMs = domainStartMs(sim, vm);
  return generation === undefined || startMs === undefined ? undefined : { generation, startMs };
}

/**
 * The value `key` holds for the VM's current incarnation, made by `create` the first
 * time it is asked for; undefined when the VM has no domain.
 */
export function perIncarnation<T>(
  key: symbol,
  sim: Simulator,
  vm: string,
  create: (incarnation: Incarnation) => T,
): T | undefined {
  const incarnation = incarnationOf(sim, vm);
  if (!incarnation) return undefined;
  const bySim = slots.get(sim) ?? new Map<string, Slot>();
  slots.set(sim, bySim);
  let slot = bySim.get(vm);
  if (!slot || slot.generation !== incarnation.generation) {
    slot = { generation: incarnation.generation, values: new Map() };
    bySim.set(vm, slot);
  }
  if (!slot.values.has(key)) slot.values.set(key, create(incarnation));
  return slot.values.get(key) as T;
}

/**
 * Lets go of everything kept for incarnation `generation` of the VM's domain, once it has
 * ended (a framebuffer is megabytes; a halted VM should not hold one until it next runs).
 */
export function forgetIncarnation(sim: Simulator, vm: string, generation: number): void {
  const bySim = slots.get(sim);
  if (bySim?.get(vm)?.generation === generation) bySim.delete(vm);
}
