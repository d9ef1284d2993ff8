/**
 * How a domain gets its memory before it is built or received: xenopsd asks squeezed to
 * reserve a range (Mem.with_reservation in ocaml/xenopsd/xc/xenops_server_xen.ml), and
 * squeezed frees it by lowering other guests' targets towards their dynamic minimum
 * (free_memory_range and change_host_free_memory in ocaml/squeezed/lib/squeeze.ml).
 * The memory is held for the request until the domain takes it (takeReservation).
 *
 * XAPI's own check (memory_check.ml, placement.ts) has already passed by then; this is
 * where a pool finds out that guests did not give memory back: a stuck driver, a guest
 * still booting, one without tools holding more than XAPI counted. xenopsd retries for
 * a minute, then the operation fails with VMS_FAILED_TO_COOPERATE (naming the stuck
 * guests) or HOST_NOT_ENOUGH_FREE_MEMORY [needed, available].
 */
import type { XapiRecord } from '../../src/xapi/model/types';
import { DEFAULT_GUEST } from './hardware';
import { SQUEEZED_RESERVE_BYTES } from './memory';
import { BALLOON_TICK_MS, holdReservation, hostMemorySnapshot, wantFree } from './memory-balancer';
import { type OperationError, opError, opErrorAsSent, toFailure } from './operation-error';
import type { Simulator } from './simulator';
import { idealReservation } from './squeeze';

type Vm = XapiRecord<'VM'>;

/** xenopsd's Mem.retry: after a refusal it tries again every 10 s, for up to 60 s. */
const RETRY_INTERVAL_MS = 10_000;
const RETRY_FOR_MS = 60_000;

export interface MemoryRange {
  minBytes: number;
  maxBytes: number;
}

/** A guest whose driver could ever balloon; others are built holding static_max. */
function mayBalloon(sim: Simulator, vm: Vm, ref: string): boolean {
  return !vm.is_control_domain && (sim.guests.get(ref) ?? DEFAULT_GUEST).hasTools;
}

/**
 * A fresh start: [dynamic_min, dynamic_max] plus overhead. A guest without a balloon
 * driver is given static_max, which is all it can live in (a real pool would build it
 * smaller and the guest would fail once it touched the rest).
 */
export function startRange(sim: Simulator, ref: string): MemoryRange {
  const vm = sim.db.get<Vm>('VM', ref);
  const balloons = mayBalloon(sim, vm, ref);
  return {
    minBytes: (balloons ? vm.memory_dynamic_min : vm.memory_static_max) + vm.memory_overhead,
    maxBytes: (balloons ? vm.memory_dynamic_max : vm.memory_static_max) + vm.memory_overhead,
  };
}

/** The memory a suspended domain held, which its resume needs exactly (VmExtra.suspend_memory_bytes). */
const suspendedMemory = new WeakMap<Simulator, Map<string, number>>();

export function rememberSuspendedMemory(sim: Simulator, vm: string, bytes: number): void {
  const map = suspendedMemory.get(sim) ?? new Map<string, number>();
  suspendedMemory.set(sim, map);
  map.set(vm, bytes);
}

/** A resume: exactly what the guest held when it was suspended, plus overhead. */
export function resumeRange(sim: Simulator, ref: string): MemoryRange {
  const vm = sim.db.get<Vm>('VM', ref);
  // A scenario's suspended guests were saved at the size they would have settled at.
  const saved =
    suspendedMemory.get(sim)?.get(ref) ?? (mayBalloon(sim, vm, ref) ? vm.memory_dynamic_max : vm.memory_static_max);
  return { minBytes: saved + vm.memory_overhead, maxBytes: saved + vm.memory_overhead };
}

/** A migration: the memory the guest holds now (memory_upper_bound), plus overhead. */
export function migrationRange(sim: Simulator, ref: string): MemoryRange {
  const vm = sim.db.get<Vm>('VM', ref);
  const actual = sim.db.find<XapiRecord<'VM_metrics'>>('VM_metrics', vm.metrics)?.memory_actual ?? 0;
  return { minBytes: actual + vm.memory_overhead, maxBytes: actual + vm.memory_overhead };
}

class Refused extends Error {
  constructor(readonly error: OperationError) {
    super(error[0]);
  }
}

/** Waits on the operation's task, which may be cancelled meanwhile (TASK_CANCELLED). */
async function wait(sim: Simulator, task: string, ms: number): Promise<void> {
  const { progress } = sim.db.get<{ progress: number }>('task', task);
  await sim.tasks.progress(task, ms, progress, { cancellable: true });
}

/** Holds what squeezed hands out: as much of [min, max] as is free beyond its reserve. */
function grant(sim: Simulator, host: string, task: string, range: MemoryRange, freeBytes: number): number {
  const usable = freeBytes - SQUEEZED_RESERVE_BYTES;
  const bytes = Math.max(range.minBytes, Math.min(usable, range.maxBytes));
  holdReservation(sim, host, task, bytes);
  return bytes;
}

/** The newcomer's proportional share: what squeezed tries to free for it. */
function idealFor(sim: Simulator, host: string, range: MemoryRange): number {
  const { freeBytes, active } = hostMemorySnapshot(sim, host);
  return idealReservation(freeBytes, active, range.minBytes, range.maxBytes, SQUEEZED_RESERVE_BYTES);
}

/**
 * change_host_free_memory's shortcut: when the host already has the newcomer's share
 * free and no guest is still moving, the memory is held at once, with no waiting.
 * Undefined when squeezed has work to do first.
 */
export function reserveAtOnce(sim: Simulator, task: string, host: string, range: MemoryRange): number | undefined {
  const snapshot = hostMemorySnapshot(sim, host);
  const required = idealFor(sim, host, range) + SQUEEZED_RESERVE_BYTES;
  if (!snapshot.settled || snapshot.freeBytes < required) return undefined;
  return grant(sim, host, task, range, snapshot.freeBytes);
}

/**
 * One reserve_memory_range that must wait: squeezed lowers other guests' targets to
 * free the newcomer's share, looks again every second until every active guest has
 * reached its new target, then succeeds if at least the minimum is free.
 */
async function squeezeOnce(sim: Simulator, task: string, host: string, range: MemoryRange): Promise<number> {
  const atOnce = reserveAtOnce(sim, task, host, range);
  if (atOnce !== undefined) return atOnce;
  const ideal = idealFor(sim, host, range);
  const required = ideal + SQUEEZED_RESERVE_BYTES;
  wantFree(sim, host, task, ideal);
  try {
    for (;;) {
      await wait(sim, task, BALLOON_TICK_MS);
      const snapshot = hostMemorySnapshot(sim, host);
      if (!snapshot.settled) continue;
      if (snapshot.freeBytes >= range.minBytes + SQUEEZED_RESERVE_BYTES) {
        return grant(sim, host, task, range, snapshot.freeBytes);
      }
      if (snapshot.stuck.length > 0) throw new Refused(opErrorAsSent('VMS_FAILED_TO_COOPERATE', ...snapshot.stuck));
      throw new Refused(
        opError('HOST_NOT_ENOUGH_FREE_MEMORY', String(required), String(Math.max(0, snapshot.freeBytes))),
      );
    }
  } finally {
    wantFree(sim, host, task, 0);
  }
}

/**
 * Reserves memory on `host` for the domain the operation under `task` is about to
 * build, squeezing other guests as needed and retrying as xenopsd does; resolves with
 * the bytes held (overhead included), which takeReservation hands to the domain.
 * Callers try reserveAtOnce first, so an operation that need not wait does not.
 */
export async function reserveMemory(sim: Simulator, task: string, host: string, range: MemoryRange): Promise<number> {
  const started = sim.clock.now();
  for (;;) {
    try {
      return await squeezeOnce(sim, task, host, range);
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      if (sim.clock.now() - started >= RETRY_FOR_MS) throw toFailure(error.error);
      await wait(sim, task, RETRY_INTERVAL_MS);
    }
  }
}
