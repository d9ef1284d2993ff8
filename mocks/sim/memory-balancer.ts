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
 * The lifecycle calls the hooks below (domain created, destroyed, moved, agent up,
 * range changed); none of them act while a scenario is being built, which
 * `settleBalloons` then settles in one pass.
 */
import type { XapiRecord } from '../../src/xapi/model/types';
import { balloonBytesPerSecond, balloonStep } from './balloon';
import type { TimerId } from './clock';
import { NULL_REF } from './db';
import { recordGuestEvent } from './guest-log';
import { type BalloonDriverBehaviour, DEFAULT_GUEST, type GuestProfile } from './hardware';
import { hostMemoryTotal, SQUEEZED_RESERVE_BYTES } from './memory';
import type { Simulator } from './simulator';
import { proportionalTargets, type SqueezeDomain, targetsForThisPhase } from './squeeze';

type Vm = XapiRecord<'VM'>;
type Host = XapiRecord<'host'>;

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

/** squeezed's view of one domain's balloon. */
interface Balloon {
  /** The target squeezed last set (xenstore memory/target), in bytes. */
  target: number;
  /** memory_actual when the stuckness monitor last looked. */
  lastSeen: number;
  lastProgressMs: number;
  /** When the domain last sat at its target (or could not balloon at all). */
  lastCooperativeMs: number;
  /** Declared inactive: left out of the balancing until it moves again. */
  stuck: boolean;
}

interface HostSqueeze {
  /** Memory granted to domains being built or arriving, not yet theirs, by request key. */
  reserved: Map<string, number>;
  /** Memory squeezed is freeing for a pending request, by request key. */
  wanted: Map<string, number>;
}

interface BalancerState {
  balloons: Map<string, Balloon>;
  hosts: Map<string, HostSqueeze>;
  busy: Set<string>;
  tick: TimerId | undefined;
}

const states = new WeakMap<Simulator, BalancerState>();

function stateOf(sim: Simulator): BalancerState {
  let state = states.get(sim);
  if (!state) {
    state = { balloons: new Map(), hosts: new Map(), busy: new Set(), tick: undefined };
    states.set(sim, state);
  }
  return state;
}

function squeezeOf(st: BalancerState, host: string): HostSqueeze {
  let squeeze = st.hosts.get(host);
  if (!squeeze) {
    squeeze = { reserved: new Map(), wanted: new Map() };
    st.hosts.set(host, squeeze);
  }
  return squeeze;
}

/** One domain as squeezed sees it, read from the database once per look. */
export interface DomainView extends SqueezeDomain {
  vm: string;
  metrics: string;
  overhead: number;
  /** The guest has advertised feature-balloon: tools running, agent up, not a control domain. */
  canBalloon: boolean;
  /** The guest's vCPUs run, so its driver can work (not paused, not mid-checkpoint). */
  running: boolean;
  guest: GuestProfile;
  balloon: Balloon;
}

const guestOf = (sim: Simulator, vm: string) => sim.guests.get(vm) ?? DEFAULT_GUEST;

function balloonOf(sim: Simulator, st: BalancerState, vm: string, actual: number): Balloon {
  let balloon = st.balloons.get(vm);
  if (!balloon) {
    const now = sim.clock.now();
    // A domain squeezed has not looked at yet sits where it is.
    balloon = { target: actual, lastSeen: actual, lastProgressMs: now, lastCooperativeMs: now, stuck: false };
    st.balloons.set(vm, balloon);
  }
  return balloon;
}

function hostIsLive(sim: Simulator, host: string): boolean {
  const metrics = sim.db.find<Host>('host', host)?.metrics;
  return metrics !== undefined && (sim.db.find<XapiRecord<'host_metrics'>>('host_metrics', metrics)?.live ?? false);
}

function domainsOn(sim: Simulator, st: BalancerState, host: string): DomainView[] {
  const db = sim.db;
  const views: DomainView[] = [];
  for (const vm of db.get<Host>('host', host).resident_VMs) {
    const record = db.get<Vm>('VM', vm);
    const actual = db.find<XapiRecord<'VM_metrics'>>('VM_metrics', record.metrics)?.memory_actual ?? 0;
    const agent =
      record.guest_metrics === NULL_REF
        ? undefined
        : db.find<XapiRecord<'VM_guest_metrics'>>('VM_guest_metrics', record.guest_metrics);
    const guest = guestOf(sim, vm);
    views.push({
      vm,
      metrics: record.metrics,
      dynamicMin: record.memory_dynamic_min,
      dynamicMax: record.memory_dynamic_max,
      actual,
      overhead: record.memory_overhead,
      canBalloon:
        !record.is_control_domain && guest.hasTools && agent?.live === true && agent.other['feature-balloon'] === '1',
      running: record.power_state === 'Running',
      guest,
      balloon: balloonOf(sim, st, vm, actual),
    });
  }
  return views;
}

/** Xen's own share of the host: what it keeps before any domain (the hardware's figure). */
function xenBytes(sim: Simulator, host: string): number {
  const hardware = sim.hardware.get(host);
  if (hardware) return hardware.xenOverheadBytes;
  return sim.db.get<Host>('host', host).memory_overhead - SQUEEZED_RESERVE_BYTES;
}

const sum = (values: Iterable<number>) => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};

/** What Xen has free on the host: RAM less Xen, every domain's pages and squeezed's reservations. */
function physicalFree(sim: Simulator, st: BalancerState, host: string, views: readonly DomainView[]): number {
  const domains = sum(views.map((v) => v.actual + v.overhead));
  return hostMemoryTotal(sim.db, host) - xenBytes(sim, host) - domains - sum(squeezeOf(st, host).reserved.values());
}

const isActive = (v: DomainView) => v.canBalloon && !v.balloon.stuck;

/** Every domain squeezed still counts on has reached its target. */
const allActiveReached = (views: readonly DomainView[]) =>
  views.every((v) => !isActive(v) || v.actual === v.balloon.target);

function setTarget(sim: Simulator, st: BalancerState, host: string, view: DomainView, target: number): void {
  view.balloon.target = target;
  // xenopsd reports the new balloon target and xapi copies it (xapi_xenops.ml, update_vm).
  sim.db.update('VM', view.vm, { memory_target: target });
  recordGuestEvent(sim, view.vm, { kind: 'balloon-target', fromBytes: view.actual, toBytes: target });
  wake(sim, st, host);
}

/**
 * One look by squeezed at a host: the proportional targets for every active domain,
 * keeping free the reserve plus whatever pending requests want, set in two phases
 * (lowered targets first). True when any target changed.
 */
function rebalance(sim: Simulator, st: BalancerState, host: string, views = domainsOn(sim, st, host)): boolean {
  if (!hostIsLive(sim, host)) return false;
  const free = physicalFree(sim, st, host, views);
  const active = views.filter(isActive);
  const keepFree = SQUEEZED_RESERVE_BYTES + sum(squeezeOf(st, host).wanted.values());
  const { targets } = proportionalTargets(free, active, keepFree);
  const thisPhase = targetsForThisPhase(active, targets);
  let changed = false;
  active.forEach((view, i) => {
    if (thisPhase[i] && view.balloon.target !== targets[i]) {
      setTarget(sim, st, host, view, targets[i]);
      changed = true;
    }
  });
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
    for (const vm of sim.db.get<Host>('host', host).resident_VMs) {
      const balloon = st.balloons.get(vm);
      if (balloon) balloon.lastProgressMs = now;
    }
  }
  if (st.tick === undefined) st.tick = sim.clock.schedule(BALLOON_TICK_MS, () => tick(sim, st));
}

/** The driver works for one tick: memory_actual moves towards the target. Returns the bytes it took (negative: gave back). */
function moveBalloon(sim: Simulator, view: DomainView, free: number): number {
  const { balloon } = view;
  if (!view.running || balloon.target === view.actual) return 0;
  const perTick = (balloonBytesPerSecond(view.guest) * BALLOON_TICK_MS) / 1_000;
  if (perTick <= 0) return 0;
  const next = balloonStep(view.actual, balloon.target, perTick, Math.max(0, free));
  if (next === view.actual) return 0;
  const taken = next - view.actual;
  view.actual = next;
  sim.db.update('VM_metrics', view.metrics, { memory_actual: next });
  if (next === balloon.target) recordGuestEvent(sim, view.vm, { kind: 'balloon-reached', bytes: next });
  return taken;
}

/**
 * Stuckness_monitor.update: progress is memory_actual moving towards the target. A
 * domain asked to move that has not for STUCK_AFTER_MS is declared inactive, and its
 * target clipped to what it holds (CA-41832), so it may give memory back but not take more.
 */
function watch(sim: Simulator, st: BalancerState, host: string, view: DomainView, now: number): void {
  const { balloon } = view;
  const request = balloon.target !== view.actual;
  if (!view.canBalloon || !request) balloon.lastCooperativeMs = now;
  const movedDown = view.actual < balloon.lastSeen && balloon.target < balloon.lastSeen;
  const movedUp = view.actual > balloon.lastSeen && balloon.target > balloon.lastSeen;
  balloon.lastSeen = view.actual;
  if (movedDown || movedUp) {
    balloon.lastProgressMs = now;
    balloon.stuck = false;
    return;
  }
  if (!view.canBalloon || !request || balloon.stuck || now - balloon.lastProgressMs <= STUCK_AFTER_MS) return;
  balloon.stuck = true;
  const clipped = Math.min(view.dynamicMax, Math.max(view.dynamicMin, Math.min(balloon.target, view.actual)));
  if (clipped !== balloon.target) setTarget(sim, st, host, view, clipped);
}

/** Every second while any host is busy: balloons move, squeezed watches and looks again. */
function tick(sim: Simulator, st: BalancerState): void {
  st.tick = undefined;
  const now = sim.clock.now();
  for (const host of [...st.busy]) {
    if (!hostIsLive(sim, host)) {
      st.busy.delete(host);
      continue;
    }
    const views = domainsOn(sim, st, host);
    let free = physicalFree(sim, st, host, views);
    for (const view of views) free -= moveBalloon(sim, view, free);
    for (const view of views) watch(sim, st, host, view, now);
    const changed = rebalance(sim, st, host, views);
    if (!changed && squeezeOf(st, host).wanted.size === 0 && allActiveReached(views)) st.busy.delete(host);
  }
  if (st.busy.size > 0 && st.tick === undefined) st.tick = sim.clock.schedule(BALLOON_TICK_MS, () => tick(sim, st));
}

function periodic(sim: Simulator): void {
  const st = stateOf(sim);
  for (const host of sim.db.refs('host')) if (!st.busy.has(host)) rebalance(sim, st, host);
  sim.clock.schedule(BALANCE_INTERVAL_MS, () => periodic(sim));
}

/**
 * A freshly built scenario is a pool that has been running a while: every ballooning
 * guest already at its proportional target. Runs inside the scenario's bulk load.
 */
export function settleBalloons(sim: Simulator): void {
  const st = stateOf(sim);
  for (const host of sim.db.refs('host')) {
    if (!hostIsLive(sim, host)) continue;
    const views = domainsOn(sim, st, host);
    const active = views.filter(isActive);
    const { targets } = proportionalTargets(physicalFree(sim, st, host, views), active, SQUEEZED_RESERVE_BYTES);
    active.forEach((view, i) => {
      view.balloon.target = targets[i];
      view.balloon.lastSeen = targets[i];
      sim.db.update('VM', view.vm, { memory_target: targets[i] });
      sim.db.update('VM_metrics', view.metrics, { memory_actual: targets[i] });
    });
  }
}

/** squeezed starts: it looks at every host every BALANCE_INTERVAL_MS from now on. */
export function startBalancer(sim: Simulator): void {
  sim.clock.schedule(BALANCE_INTERVAL_MS, () => periodic(sim));
}

// Hooks for the lifecycle. A scenario being built is settled as a whole afterwards.

/** A domain was built with `actualBytes` (its reservation less overhead), which is also its first target. */
export function domainCreated(sim: Simulator, vm: string, host: string, actualBytes: number): void {
  if (sim.db.bulkLoading) return;
  const st = stateOf(sim);
  const now = sim.clock.now();
  st.balloons.set(vm, {
    target: actualBytes,
    lastSeen: actualBytes,
    lastProgressMs: now,
    lastCooperativeMs: now,
    stuck: false,
  });
  rebalance(sim, st, host);
}

/** A domain is gone (shut down, suspended, host down): its memory goes back to the others. */
export function domainDestroyed(sim: Simulator, vm: string, host: string): void {
  if (sim.db.bulkLoading) return;
  const st = stateOf(sim);
  st.balloons.delete(vm);
  if (host !== NULL_REF && sim.db.has('host', host)) rebalance(sim, st, host);
}

/** A domain now runs on `to` (a migration, or a checkpoint resuming in place). */
export function domainMoved(sim: Simulator, from: string, to: string): void {
  if (sim.db.bulkLoading) return;
  const st = stateOf(sim);
  if (from !== to && sim.db.has('host', from)) rebalance(sim, st, from);
  rebalance(sim, st, to);
}

/**
 * Something that may let a guest's driver work again: its agent reported (after a boot
 * or reboot), it was unpaused, or its driver was fixed. It is active again, and
 * squeezed looks at its host.
 */
export function driverMayRun(sim: Simulator, vm: string): void {
  if (sim.db.bulkLoading) return;
  const st = stateOf(sim);
  const balloon = st.balloons.get(vm);
  if (balloon) {
    balloon.stuck = false;
    balloon.lastProgressMs = sim.clock.now();
  }
  const host = sim.db.find<Vm>('VM', vm)?.resident_on;
  if (host && host !== NULL_REF && sim.db.has('host', host)) {
    rebalance(sim, st, host);
    wake(sim, st, host);
  }
}

/** A running domain's dynamic range changed: xenopsd writes it and asks squeezed to balance. */
export function rangeChanged(sim: Simulator, vm: string): void {
  const host = sim.db.get<Vm>('VM', vm).resident_on;
  if (host !== NULL_REF) rebalance(sim, stateOf(sim), host);
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
  const st = stateOf(sim);
  const views = domainsOn(sim, st, host);
  return {
    freeBytes: physicalFree(sim, st, host, views),
    active: views.filter(isActive),
    settled: allActiveReached(views),
    stuck: views.filter((v) => v.canBalloon && v.balloon.stuck).map((v) => v.vm),
  };
}

/** squeezed tries to free `bytes` (beyond its reserve) for request `key`; 0 withdraws the request. */
export function wantFree(sim: Simulator, host: string, key: string, bytes: number): void {
  const st = stateOf(sim);
  const { wanted } = squeezeOf(st, host);
  if (bytes > 0) wanted.set(key, bytes);
  else wanted.delete(key);
  if (!rebalance(sim, st, host) && bytes > 0) wake(sim, st, host);
}

/** Memory granted for request `key` counts as taken until `release` (the domain then holds it). */
export function holdReservation(sim: Simulator, host: string, key: string, bytes: number): void {
  squeezeOf(stateOf(sim), host).reserved.set(key, bytes);
}

/** The reservation is given back unused (the build failed or was cancelled). */
export function releaseReservation(sim: Simulator, host: string, key: string): void {
  const st = stateOf(sim);
  if (squeezeOf(st, host).reserved.delete(key)) rebalance(sim, st, host);
}

/**
 * transfer_reservation_to_domain: the reservation ends and the domain about to be built
 * (or arriving) holds the memory instead; the caller builds it at once, and the
 * rebalance that follows sees the memory taken just once.
 */
export function takeReservation(sim: Simulator, host: string, key: string): number {
  const { reserved } = squeezeOf(stateOf(sim), host);
  const bytes = reserved.get(key) ?? 0;
  reserved.delete(key);
  return bytes;
}

/** Bytes held for domains not yet built on the host. */
export function reservedOn(sim: Simulator, host: string): number {
  return sum(squeezeOf(stateOf(sim), host).reserved.values());
}

/** What Xen has free on the host right now (squeezed's host free memory). */
export function hostPhysicalFree(sim: Simulator, host: string): number {
  const st = stateOf(sim);
  return physicalFree(sim, st, host, domainsOn(sim, st, host));
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
  const view = domainsOn(sim, stateOf(sim), host).find((v) => v.vm === vm);
  if (!view) return undefined;
  return {
    targetBytes: view.balloon.target,
    actualBytes: view.actual,
    canBalloon: view.canBalloon,
    stuck: view.balloon.stuck,
    uncooperative: sim.clock.now() - view.balloon.lastCooperativeMs > UNCOOPERATIVE_AFTER_MS,
  };
}

/**
 * Scripts a guest's balloon driver (tests, scenarios, the demo's failure cases): from
 * now on it works, crawls or does nothing when given a target.
 */
export function setBalloonDriver(sim: Simulator, vm: string, behaviour: BalloonDriverBehaviour): void {
  sim.guests.set(vm, { ...guestOf(sim, vm), balloonDriver: behaviour });
  driverMayRun(sim, vm);
}
