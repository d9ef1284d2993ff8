/**
 * squeezed's view of each host (ocaml/squeezed/src/squeeze_xen.ml's make_host), kept
 * here rather than read again on every look: its domains with their dynamic ranges,
 * what they hold and their balloon targets, the ones still moving towards a target, the
 * pages they hold in all, and the memory reserved or wanted for domains to come. A
 * look at a host is then arithmetic over its own domains. memory-balancer.ts keeps the
 * view current through the lifecycle's hooks; `memoryModelDrift` checks it against
 * the database.
 */
import type { XapiRecord } from '../../src/xapi/model/types';
import { NULL_REF } from './db';
import { DEFAULT_GUEST } from './hardware';
import { hostMemoryTotal, SQUEEZED_RESERVE_BYTES } from './memory';
import type { Simulator } from './simulator';
import type { SqueezeDomain } from './squeeze';

type Vm = XapiRecord<'VM'>;
type Host = XapiRecord<'host'>;

/** One domain as squeezed sees it. */
export interface Domain extends SqueezeDomain {
  vm: string;
  metrics: string;
  /**
   * The pages Xen gave the domain beyond its memory (shadow tables and the like), fixed
   * when it was built: a new overhead in the database (a running control domain's new
   * static_max) takes effect at its next boot.
   */
  overhead: number;
  /** The guest has advertised feature-balloon: tools running, agent up, not a control domain. */
  canBalloon: boolean;
  /** The target squeezed last set (xenstore memory/target), in bytes. */
  target: number;
  /** memory_actual when the stuckness monitor last looked. */
  lastSeen: number;
  lastProgressMs: number;
  /** When the domain last sat at its target (or could not balloon at all). */
  lastCooperativeMs: number;
  /** Declared inactive: left out of the balancing until it moves again. */
  stuck: boolean;
  /** Held where it is while its memory is copied to another host. */
  migrating: boolean;
}

export interface HostMemory {
  domains: Map<string, Domain>;
  /** The domains whose memory_actual differs from their target. */
  moving: Set<Domain>;
  /** Σ(memory_actual + overhead) over the domains: the pages they hold. */
  heldBytes: number;
  /** Memory granted to domains being built or arriving, not yet theirs, by request key. */
  reserved: Map<string, number>;
  /** Memory squeezed is freeing for a pending request, by request key. */
  wanted: Map<string, number>;
  /** The last look held raised targets back until the lowered ones are reached (two phases). */
  deferred: boolean;
  /**
   * Every target is what the policy gives for the host as it is: nothing squeezed looks
   * at has changed since (balloons moving towards their targets do not change them).
   */
  balanced: boolean;
}

/** A running domain's settings as the database holds them now. */
export function readDomain(
  sim: Simulator,
  vm: string,
): Omit<Domain, 'overhead' | 'target' | 'lastSeen' | 'lastProgressMs' | 'lastCooperativeMs' | 'stuck' | 'migrating'> {
  const db = sim.db;
  const record = db.get<Vm>('VM', vm);
  const agent =
    record.guest_metrics === NULL_REF
      ? undefined
      : db.find<XapiRecord<'VM_guest_metrics'>>('VM_guest_metrics', record.guest_metrics);
  const guest = sim.guests.get(vm) ?? DEFAULT_GUEST;
  return {
    vm,
    metrics: record.metrics,
    dynamicMin: record.memory_dynamic_min,
    dynamicMax: record.memory_dynamic_max,
    actual: db.find<XapiRecord<'VM_metrics'>>('VM_metrics', record.metrics)?.memory_actual ?? 0,
    canBalloon:
      !record.is_control_domain && guest.hasTools && agent?.live === true && agent.other['feature-balloon'] === '1',
  };
}

/** A domain squeezed has not looked at before: it sits where it is. */
export function newDomain(sim: Simulator, vm: string, target?: number): Domain {
  const settings = readDomain(sim, vm);
  const now = sim.clock.now();
  return {
    ...settings,
    overhead: sim.db.get<Vm>('VM', vm).memory_overhead,
    target: target ?? settings.actual,
    lastSeen: settings.actual,
    lastProgressMs: now,
    lastCooperativeMs: now,
    stuck: false,
    migrating: false,
  };
}

const views = new WeakMap<Simulator, Map<string, HostMemory>>();

function viewsOf(sim: Simulator): Map<string, HostMemory> {
  const map = views.get(sim) ?? new Map<string, HostMemory>();
  views.set(sim, map);
  return map;
}

/** The host's view, read from the database the first time squeezed looks at it. */
export function hostView(sim: Simulator, host: string): HostMemory {
  let memory = viewsOf(sim).get(host);
  if (!memory) {
    memory = {
      domains: new Map(),
      moving: new Set(),
      heldBytes: 0,
      reserved: new Map(),
      wanted: new Map(),
      deferred: false,
      balanced: false,
    };
    for (const vm of sim.db.get<Host>('host', host).resident_VMs) addDomain(memory, newDomain(sim, vm));
    viewsOf(sim).set(host, memory);
  }
  return memory;
}

/** Keeps `moving` and `heldBytes` in step with a domain's figures. */
export function track(memory: HostMemory, domain: Domain): void {
  if (domain.actual !== domain.target) memory.moving.add(domain);
  else memory.moving.delete(domain);
}

export function addDomain(memory: HostMemory, domain: Domain): void {
  memory.balanced = false;
  memory.domains.set(domain.vm, domain);
  memory.heldBytes += domain.actual + domain.overhead;
  track(memory, domain);
}

export function removeDomain(memory: HostMemory, vm: string): Domain | undefined {
  const domain = memory.domains.get(vm);
  if (!domain) return undefined;
  memory.balanced = false;
  memory.domains.delete(vm);
  memory.moving.delete(domain);
  memory.heldBytes -= domain.actual + domain.overhead;
  return domain;
}

/** Takes the database's current settings for a domain squeezed already knows. */
export function refreshDomain(sim: Simulator, memory: HostMemory, domain: Domain): void {
  memory.balanced = false;
  memory.heldBytes -= domain.actual + domain.overhead;
  Object.assign(domain, readDomain(sim, domain.vm));
  memory.heldBytes += domain.actual + domain.overhead;
  track(memory, domain);
}

export function hostIsLive(sim: Simulator, host: string): boolean {
  const metrics = sim.db.find<Host>('host', host)?.metrics;
  return metrics !== undefined && (sim.db.find<XapiRecord<'host_metrics'>>('host_metrics', metrics)?.live ?? false);
}

/** Xen's own share of the host: what it keeps before any domain (the hardware's figure). */
function xenBytes(sim: Simulator, host: string): number {
  const hardware = sim.hardware.get(host);
  if (hardware) return hardware.xenOverheadBytes;
  return sim.db.get<Host>('host', host).memory_overhead - SQUEEZED_RESERVE_BYTES;
}

/** What Xen has free on the host: RAM less Xen, every domain's pages and squeezed's reservations. */
export function physicalFree(sim: Simulator, host: string, memory: HostMemory): number {
  let free = hostMemoryTotal(sim.db, host) - xenBytes(sim, host) - memory.heldBytes;
  for (const bytes of memory.reserved.values()) free -= bytes;
  return free;
}

/**
 * host_metrics.memory_free, which xapi copies from the host's memory_free_kib data
 * source: the pages Xen has free (squeezed's reservations are not allocated yet).
 */
export function publishFree(sim: Simulator, host: string, memory: HostMemory): void {
  const { metrics } = sim.db.get<Host>('host', host);
  const free = hostMemoryTotal(sim.db, host) - xenBytes(sim, host) - memory.heldBytes;
  if (sim.db.find<XapiRecord<'host_metrics'>>('host_metrics', metrics)?.memory_free !== free) {
    sim.db.update('host_metrics', metrics, { memory_free: free });
  }
}

export const isActive = (d: Domain) => d.canBalloon && !d.stuck && !d.migrating;

/** Every domain squeezed still counts on has reached its target. */
export function allActiveReached(memory: HostMemory): boolean {
  for (const d of memory.moving) if (isActive(d)) return false;
  return true;
}

/**
 * Where squeezed's view differs from the database: a domain it does not know of or
 * still counts, or one whose settings it holds out of date. Empty when they agree.
 */
export function memoryModelDrift(sim: Simulator): string[] {
  const out: string[] = [];
  for (const [host, memory] of viewsOf(sim)) {
    const resident = new Set<string>(sim.db.find<Host>('host', host)?.resident_VMs ?? []);
    for (const vm of resident) if (!memory.domains.has(vm)) out.push(`host ${host}: squeezed does not know ${vm}`);
    for (const [vm, domain] of memory.domains) {
      if (!resident.has(vm)) {
        out.push(`host ${host}: squeezed still counts ${vm}`);
        continue;
      }
      const fresh = readDomain(sim, vm);
      for (const key of Object.keys(fresh) as (keyof typeof fresh)[]) {
        if (fresh[key] !== domain[key])
          out.push(`VM ${vm}: squeezed holds ${key} ${domain[key]}, the database ${fresh[key]}`);
      }
    }
  }
  return out;
}
