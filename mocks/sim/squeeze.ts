/**
 * squeezed's proportional policy (ocaml/squeezed/lib/squeeze.ml, module Proportional),
 * as pure functions over one host: every domain that can balloon gets
 * target = dynamic_min + γ·(dynamic_max − dynamic_min), one γ for the host, chosen so
 * that what is left free is the host's target (squeezed's 72 MiB, plus whatever a
 * domain being started needs). Like squeezed it works in whole KiB, so the targets it
 * hands out are the same numbers a real host would write to xenstore.
 */
import { KiB } from './units';

export interface SqueezeDomain {
  dynamicMin: number;
  dynamicMax: number;
  /** What the domain holds now. */
  actual: number;
}

export interface SqueezeResult {
  /** The share of its dynamic range every domain gets, 0 to 1. */
  gamma: number;
  /** One target per domain, in bytes (whole KiB), in the order given. */
  targets: number[];
}

const kib = (bytes: number) => Math.floor(bytes / KiB);

/** max(0, dynamic_max − dynamic_min): how far the target may vary (squeeze.ml `range`). */
const range = (d: SqueezeDomain) => Math.max(0, kib(d.dynamicMax) - kib(d.dynamicMin));

/** What a domain would give back if it ballooned down to its dynamic minimum (`min_freeable`). */
const freeable = (d: SqueezeDomain) => Math.max(0, kib(d.actual) - kib(d.dynamicMin));

/** squeeze.ml's `constrain 0. 1.`: NaN (no range anywhere and no surplus) counts as 0. */
function clampGamma(x: number): number {
  if (Number.isNaN(x) || x < 0) return 0;
  return Math.min(x, 1);
}

/**
 * compute_target_adjustments: the memory that would be free if every domain ballooned
 * to its dynamic minimum, less what the host wants to keep free, shared out in
 * proportion to each domain's dynamic range.
 */
export function proportionalTargets(
  freeBytes: number,
  domains: readonly SqueezeDomain[],
  keepFreeBytes: number,
): SqueezeResult {
  let maximumFree = kib(freeBytes);
  let totalRange = 0;
  for (const d of domains) {
    maximumFree += freeable(d);
    totalRange += range(d);
  }
  const surplus = Math.max(0, maximumFree - kib(keepFreeBytes));
  const gamma = clampGamma(surplus / totalRange);
  // Int64.of_float truncates.
  const targets = domains.map((d) => (kib(d.dynamicMin) + Math.trunc(gamma * range(d))) * KiB);
  return { gamma, targets };
}

/**
 * free_memory_range's first step: the share a domain about to be built would get of
 * [minBytes, maxBytes] if it were already on the host, balloon-less and at its minimum.
 */
export function idealReservation(
  freeBytes: number,
  domains: readonly SqueezeDomain[],
  minBytes: number,
  maxBytes: number,
  keepFreeBytes: number,
): number {
  const newcomer: SqueezeDomain = { dynamicMin: minBytes, dynamicMax: maxBytes, actual: 0 };
  const { targets } = proportionalTargets(freeBytes, [...domains, newcomer], keepFreeBytes);
  return targets[targets.length - 1];
}

/**
 * squeezed's two-phase target setting (the Xen heap workaround in one_iteration): while
 * any domain must give memory back, only the lowered targets go out; raised ones wait
 * until the memory they would take has been freed.
 */
export function targetsForThisPhase(domains: readonly SqueezeDomain[], targets: readonly number[]): boolean[] {
  const freeing = targets.map((t, i) => t < domains[i].actual);
  const anyFreeing = freeing.some(Boolean);
  return freeing.map((f) => (anyFreeing ? f : true));
}
