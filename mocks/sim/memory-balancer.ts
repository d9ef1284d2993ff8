/**
 * squeezed on every host (ocaml/squeezed/src/squeezed.ml, lib/squeeze.ml), driving the
 * guests' balloons over virtual time. It sees physical memory: what Xen has free is the
 * host's RAM less Xen's own share, every domain's pages (memory_actual plus its
 * overhead) and the memory it has reserved for domains being built. From that it sets
 * each ballooning guest's target by the proportional policy (squeeze.ts), and the
 * guests' drivers (balloon.ts) move memory_actual towards their targets a second at a
 * time.
 *
 * A host whose targets changed is "busy": every second its balloons move, squeezed's
 * stuckness monitor looks at who made progress, and the targets are recomputed, until
 * every active guest has reached its target. Every ten seconds squeezed looks at every
 * host again (balance-check-interval). A guest that has been asked to move and has not
 * for five seconds is declared inactive (Stuckness_monitor) and the others take up the
 * slack. Guests without a balloon driver (no tools, still booting, control domains)
 * keep what they have.
 *
 * squeezed's view of each host (squeezed-view.ts) is kept current through the hooks
 * below (domain created, destroyed, moved, changed, agent up, held for a migration), so
 * a second of balloon work costs in proportion to the guests still moving.
 */
import type { XapiRecord } from '../../src/xapi/model/types';
import { balloonBytesPerSecond, balloonStep } from './balloon';
import type { TimerId } from './clock';
import { NULL_REF } from './db';
import { recordGuestEvent } from './guest-log';
import { type BalloonDriverBehaviour, DEFAULT_GUEST } from './hardware';
import { SQUEEZED_RESERVE_BYTES } from './memory';
import type { Simulator } from './simulator';
import { proportionalGamma, proportionalTargets, type SqueezeDomain, targetAt } from './squeeze';
import {
  addDomain,
  allActiveReached,
  type Domain,
  type HostMemory,
  hostIsLive,
  hostView,
  isActive,
  newDomain,
  physicalFree,
  publishFree,
  readDomain,
  refreshDomain,
  removeDomain,
  track,
} from './squeezed-view';

type Vm = XapiRecord<'VM'>;

/** squeezed.ml's balance_check_interval. */
export const BALANCE_INTERVAL_MS = 10_000;
/**
 * How often busy balloons move and squeezed looks again (the io.wait 1. of its loop),
 * which is also how often memory_actual is written while it moves.
 */
export const BALLOON_TICK_MS = 1_000;
/** Stuckness_monitor.assume_balloon_driver_stuck_after. */
export const STUCK_AFTER_MS = 5_000;
/** squeeze_xen.ml marks a domain /memory/uncooperative after this long without reaching a target. */
export const UNCOOPERATIVE_AFTER_MS = 20_000;

/** The hosts squeezed is balancing now, and the timer of its next second. */
interface BalancerState {
  busy: Set<string>;
  tick: TimerId | undefined;
}

const states = new WeakMap<Simulator, BalancerState>();

function stateOf(sim: Simulator): BalancerState {
  let state = states.get(sim);
  if (!state) {
    state = { busy: new Set(), tick: undefined };
    states.set(sim, state);
  }
  return state;
}

function setTarget(sim: Simulator, st: BalancerState, host: string, domain: Domain, target: number): void {
  const memory = hostView(sim, host);
  if (domain.actual === domain.target) {
    // A new request: the domain was cooperating until now, and has its five seconds from here.
    const now = sim.clock.now();
    domain.lastCooperativeMs = now;
    domain.lastProgressMs = now;
  }
  domain.target = target;
  track(memory, domain);
  // xenopsd reports the new balloon target and xapi copies it (xapi_xenops.ml, update_vm).
  sim.db.update('VM', domain.vm, { memory_target: target });
  recordGuestEvent(sim, domain.vm, { kind: 'balloon-target', fromBytes: domain.actual, toBytes: target });
  wake(sim, st, host);
}

/**
 * One look by squeezed at a host: the proportional targets for every active domain,
 * keeping free the reserve plus whatever pending requests want, set in two phases as
 * one_iteration does (its Xen heap workaround): while any domain must give memory back,
 * only the lowered targets go out, and raised ones wait until that memory is free.
 * True when any target changed.
 */
function rebalance(sim: Simulator, st: BalancerState, host: string): boolean {
  if (!hostIsLive(sim, host)) return false;
  const memory = hostView(sim, host);
  let keepFree = SQUEEZED_RESERVE_BYTES;
  for (const bytes of memory.wanted.values()) keepFree += bytes;
  const active: Domain[] = [];
  for (const domain of memory.domains.values()) if (isActive(domain)) active.push(domain);
  const gamma = proportionalGamma(physicalFree(sim, host, memory), active, keepFree);
  // Two phases: while anyone must give memory back, raised targets wait.
  let freeing = false;
  for (const domain of active) if (targetAt(gamma, domain) < domain.actual) freeing = true;
  let changed = false;
  memory.deferred = false;
  for (const domain of active) {
    const target = targetAt(gamma, domain);
    if (target === domain.target) continue;
    if (freeing && target >= domain.actual) {
      memory.deferred = true;
      continue;
    }
    setTarget(sim, st, host, domain, target);
    changed = true;
  }
  memory.balanced = !memory.deferred;
  return changed;
}

/**
 * A host starts a balancing run: its balloons move every second until settled. As in
 * squeezed, each run starts a fresh stuckness monitor, so every domain gets its five
 * seconds to respond to new targets.
 */
function wake(sim: Simulator, st: BalancerState, host: string): void {
  if (!st.busy.has(host)) {
    st.busy.add(host);
    const now = sim.clock.now();
    for (const domain of hostView(sim, host).moving) domain.lastProgressMs = now;
  }
  if (st.tick === undefined) st.tick = sim.clock.schedule(BALLOON_TICK_MS, () => tick(sim, st));
}

/** The driver works for one tick: memory_actual moves towards the target. Returns the bytes it took (negative: gave back). */
function moveBalloon(sim: Simulator, memory: HostMemory, domain: Domain, free: number): number {
  // Only a running guest's driver works (not a paused one, nor one mid-checkpoint).
  if (sim.db.get<Vm>('VM', domain.vm).power_state !== 'Running') return 0;
  const perTick = (balloonBytesPerSecond(sim.guests.get(domain.vm) ?? DEFAULT_GUEST) * BALLOON_TICK_MS) / 1_000;
  if (perTick <= 0) return 0;
  const next = balloonStep(domain.actual, domain.target, perTick, Math.max(0, free));
  if (next === domain.actual) return 0;
  const taken = next - domain.actual;
  domain.actual = next;
  memory.heldBytes += taken;
  track(memory, domain);
  sim.db.update('VM_metrics', domain.metrics, { memory_actual: next });
  if (next === domain.target) recordGuestEvent(sim, domain.vm, { kind: 'balloon-reached', bytes: next });
  return taken;
}

/**
 * Stuckness_monitor.update for a domain asked to move: progress is memory_actual moving
 * towards the target. One that has not moved for STUCK_AFTER_MS is declared inactive,
 * and its target clipped to what it holds (CA-41832), so it may give memory back but not
 * take more; one that moves again is active again. True when its standing changed.
 */
function watch(sim: Simulator, st: BalancerState, host: string, domain: Domain, now: number): boolean {
  const movedDown = domain.actual < domain.lastSeen && domain.target < domain.lastSeen;
  const movedUp = domain.actual > domain.lastSeen && domain.target > domain.lastSeen;
  domain.lastSeen = domain.actual;
  if (domain.actual === domain.target) domain.lastCooperativeMs = now;
  const memory = hostView(sim, host);
  if (movedDown || movedUp) {
    domain.lastProgressMs = now;
    if (!domain.stuck) return false;
    domain.stuck = false;
    memory.balanced = false;
    return true;
  }
  const request = domain.target !== domain.actual;
  if (!domain.canBalloon || !request || domain.stuck || now - domain.lastProgressMs <= STUCK_AFTER_MS) return false;
  domain.stuck = true;
  memory.balanced = false;
  const clipped = Math.min(domain.dynamicMax, Math.max(domain.dynamicMin, Math.min(domain.target, domain.actual)));
  if (clipped !== domain.target) setTarget(sim, st, host, domain, clipped);
  return true;
}

/**
 * Every second while any host is busy: the balloons still moving move, squeezed watches
 * them, and looks at the host again when someone was declared stuck or came back, or
 * raised targets were waiting for memory to be freed.
 */
function tick(sim: Simulator, st: BalancerState): void {
  st.tick = undefined;
  const now = sim.clock.now();
  for (const host of [...st.busy]) {
    if (!hostIsLive(sim, host)) {
      st.busy.delete(host);
      continue;
    }
    const memory = hostView(sim, host);
    const moving = [...memory.moving];
    let free = physicalFree(sim, host, memory);
    for (const domain of moving) free -= moveBalloon(sim, memory, domain, free);
    publishFree(sim, host, memory);
    let standingChanged = false;
    for (const domain of moving) if (watch(sim, st, host, domain, now)) standingChanged = true;
    const changed = (standingChanged || memory.deferred || memory.wanted.size > 0) && rebalance(sim, st, host);
    if (!changed && memory.wanted.size === 0 && !memory.deferred && allActiveReached(memory)) st.busy.delete(host);
  }
  if (st.busy.size > 0 && st.tick === undefined) st.tick = sim.clock.schedule(BALLOON_TICK_MS, () => tick(sim, st));
}

/**
 * squeezed's periodic look at every host it is not already balancing
 * (is_host_memory_unbalanced, then balance_memory). A host nothing has changed on since
 * its last look would get the same targets, so only the others are computed again.
 */
function periodic(sim: Simulator): void {
  const st = stateOf(sim);
  for (const host of sim.db.refs('host')) {
    if (!st.busy.has(host) && hostIsLive(sim, host) && !hostView(sim, host).balanced) rebalance(sim, st, host);
  }
  sim.clock.schedule(BALANCE_INTERVAL_MS, () => periodic(sim));
}

/**
 * A freshly built scenario is a pool that has been running a while: every ballooning
 * guest already at its proportional target. Runs inside the scenario's bulk load.
 */
export function settleBalloons(sim: Simulator): void {
  for (const host of sim.db.refs('host')) {
    if (!hostIsLive(sim, host)) continue;
    const memory = hostView(sim, host);
    const active = [...memory.domains.values()].filter(isActive);
    const { targets } = proportionalTargets(physicalFree(sim, host, memory), active, SQUEEZED_RESERVE_BYTES);
    active.forEach((domain, i) => {
      memory.heldBytes += targets[i] - domain.actual;
      Object.assign(domain, { target: targets[i], actual: targets[i], lastSeen: targets[i] });
      track(memory, domain);
      sim.db.update('VM', domain.vm, { memory_target: targets[i] });
      sim.db.update('VM_metrics', domain.metrics, { memory_actual: targets[i] });
    });
    memory.balanced = true;
    publishFree(sim, host, memory);
  }
}

/** squeezed starts: it looks at every host every BALANCE_INTERVAL_MS from now on. */
export function startBalancer(sim: Simulator): void {
  sim.clock.schedule(BALANCE_INTERVAL_MS, () => periodic(sim));
}

// Hooks for the lifecycle. A scenario being built is read as a whole when first balanced.

/** A domain was built with `actualBytes` (its reservation less overhead), which is also its first target. */
export function domainCreated(sim: Simulator, vm: string, host: string, actualBytes: number): void {
  if (sim.db.bulkLoading) return;
  const st = stateOf(sim);
  const memory = hostView(sim, host);
  removeDomain(memory, vm);
  addDomain(memory, newDomain(sim, vm, actualBytes));
  publishFree(sim, host, memory);
  rebalance(sim, st, host);
}

/** A domain is gone (shut down, suspended, host down): its memory goes back to the others. */
export function domainDestroyed(sim: Simulator, vm: string, host: string): void {
  if (sim.db.bulkLoading || host === NULL_REF || !sim.db.has('host', host)) return;
  const st = stateOf(sim);
  const memory = hostView(sim, host);
  removeDomain(memory, vm);
  publishFree(sim, host, memory);
  rebalance(sim, st, host);
}

/** A domain now runs on `to` (a migration, or a checkpoint resuming in place). */
export function domainMoved(sim: Simulator, vm: string, from: string, to: string): void {
  if (sim.db.bulkLoading) return;
  const st = stateOf(sim);
  const source = sim.db.has('host', from) ? hostView(sim, from) : undefined;
  const domain = (source && removeDomain(source, vm)) ?? newDomain(sim, vm);
  // The domain is built anew at the destination, with the overhead its settings give now.
  Object.assign(domain, readDomain(sim, vm), { overhead: sim.db.get<Vm>('VM', vm).memory_overhead });
  const destination = hostView(sim, to);
  addDomain(destination, domain);
  publishFree(sim, to, destination);
  if (source && from !== to) {
    publishFree(sim, from, source);
    rebalance(sim, st, from);
  }
  rebalance(sim, st, to);
}

/** squeezed reads a running domain's settings again: its dynamic range changed. */
export function domainChanged(sim: Simulator, vm: string): void {
  if (sim.db.bulkLoading) return;
  const host = sim.db.get<Vm>('VM', vm).resident_on;
  if (host === NULL_REF || !sim.db.has('host', host)) return;
  const st = stateOf(sim);
  const memory = hostView(sim, host);
  const domain = memory.domains.get(vm);
  if (domain) refreshDomain(sim, memory, domain);
  rebalance(sim, st, host);
}

/**
 * Something that may let a guest's driver work again: its agent reported (after a boot
 * or reboot), it was unpaused, or its driver was fixed. It is active again, and
 * squeezed looks at its host.
 */
export function driverMayRun(sim: Simulator, vm: string): void {
  if (sim.db.bulkLoading) return;
  const host = sim.db.get<Vm>('VM', vm).resident_on;
  if (host === NULL_REF || !sim.db.has('host', host)) return;
  const st = stateOf(sim);
  const memory = hostView(sim, host);
  const domain = memory.domains.get(vm);
  if (domain) {
    refreshDomain(sim, memory, domain);
    Object.assign(domain, { stuck: false, lastProgressMs: sim.clock.now() });
  }
  rebalance(sim, st, host);
  wake(sim, st, host);
}

/**
 * A live migration is about to copy the guest's memory: its balloon stops where it is
 * (xenopsd fixes the range before migrating, CA-78365), so the guest arrives holding
 * exactly what the destination reserved. `still` false lets it balloon again.
 */
export function holdStillForMigration(sim: Simulator, vm: string, still: boolean): void {
  const host = sim.db.find<Vm>('VM', vm)?.resident_on;
  if (!host || host === NULL_REF || !sim.db.has('host', host)) return;
  const st = stateOf(sim);
  const memory = hostView(sim, host);
  const domain = memory.domains.get(vm);
  if (!domain || domain.migrating === still) return;
  domain.migrating = still;
  memory.balanced = false;
  if (still && domain.target !== domain.actual) setTarget(sim, st, host, domain, domain.actual);
  rebalance(sim, st, host);
}

// What memory reservations (memory-reservation.ts) ask of squeezed.

export interface HostMemorySnapshot {
  freeBytes: number;
  /** The domains squeezed balances: ballooning and not declared stuck. */
  active: SqueezeDomain[];
  /** Every active domain has reached its target. */
  settled: boolean;
  /** Domains that could balloon but were declared stuck: the ones to blame when memory cannot be freed. */
  stuck: string[];
}

export function hostMemorySnapshot(sim: Simulator, host: string): HostMemorySnapshot {
  const memory = hostView(sim, host);
  const domains = [...memory.domains.values()];
  return {
    freeBytes: physicalFree(sim, host, memory),
    active: domains.filter(isActive).map((d) => ({ ...d })),
    settled: allActiveReached(memory),
    stuck: domains.filter((d) => d.canBalloon && d.stuck).map((d) => d.vm),
  };
}

/** squeezed tries to free `bytes` (beyond its reserve) for request `key`; 0 withdraws the request. */
export function wantFree(sim: Simulator, host: string, key: string, bytes: number): void {
  const st = stateOf(sim);
  const memory = hostView(sim, host);
  memory.balanced = false;
  if (bytes > 0) memory.wanted.set(key, bytes);
  else memory.wanted.delete(key);
  if (!rebalance(sim, st, host) && bytes > 0) wake(sim, st, host);
}

/** Memory granted for request `key` counts as taken until released or taken by the domain. */
export function holdReservation(sim: Simulator, host: string, key: string, bytes: number): void {
  const memory = hostView(sim, host);
  memory.balanced = false;
  memory.reserved.set(key, bytes);
}

/** The reservation is given back unused (the build failed or was cancelled). */
export function releaseReservation(sim: Simulator, host: string, key: string): void {
  const st = stateOf(sim);
  const memory = hostView(sim, host);
  if (memory.reserved.delete(key)) {
    memory.balanced = false;
    rebalance(sim, st, host);
  }
}

/**
 * transfer_reservation_to_domain: the reservation ends and the domain about to be built
 * (or arriving) holds the memory instead; the caller builds it at once, and the
 * rebalance that follows sees the memory taken just once.
 */
export function takeReservation(sim: Simulator, host: string, key: string): number {
  const memory = hostView(sim, host);
  const bytes = memory.reserved.get(key) ?? 0;
  memory.balanced = false;
  memory.reserved.delete(key);
  return bytes;
}

/** What Xen has free on the host right now (squeezed's host free memory). */
export function hostPhysicalFree(sim: Simulator, host: string): number {
  return physicalFree(sim, host, hostView(sim, host));
}

export interface BalloonStatus {
  targetBytes: number;
  actualBytes: number;
  canBalloon: boolean;
  /** Declared inactive by the stuckness monitor. */
  stuck: boolean;
  /** What squeezed would mark in xenstore (/memory/uncooperative): no target reached for 20 s. */
  uncooperative: boolean;
}

/** A running guest's balloon as squeezed sees it; undefined for a VM without a domain. */
export function balloonStatus(sim: Simulator, vm: string): BalloonStatus | undefined {
  const host = sim.db.get<Vm>('VM', vm).resident_on;
  if (host === NULL_REF) return undefined;
  const domain = hostView(sim, host).domains.get(vm);
  if (!domain) return undefined;
  return {
    targetBytes: domain.target,
    actualBytes: domain.actual,
    canBalloon: domain.canBalloon,
    stuck: domain.stuck,
    uncooperative:
      domain.actual !== domain.target && sim.clock.now() - domain.lastCooperativeMs > UNCOOPERATIVE_AFTER_MS,
  };
}

/**
 * Scripts a guest's balloon driver (tests, scenarios, the demo's failure cases): from
 * now on it works, crawls or does nothing when given a target.
 */
export function setBalloonDriver(sim: Simulator, vm: string, behaviour: BalloonDriverBehaviour): void {
  sim.guests.set(vm, { ...(sim.guests.get(vm) ?? DEFAULT_GUEST), balloonDriver: behaviour });
  driverMayRun(sim, vm);
}
