/**
 * squeezed's proportional policy (ocaml/squeezed/lib/squeeze.ml, module Proportional),
 * as pure functions over one host: every domain that can balloon gets
 * target = dynamic_min + γ·(dynamic_max − dynamic_min), one γ for the host, chosen so
 * that what is left free is the host's target (squeezed's 72 MiB, plus whatever a
 * domain being started needs). Like squeezed it works in whole KiB, so the targets it
 * hands out are the same numbers a real host would write to xenstore.
 */

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

/** Bytes per KiB, kept local: this runs for every guest on every look. */
const KIB = 1024;

const kib = (bytes: number) => Math.floor(bytes / KIB);

/** max(0, dynamic_max − dynamic_min): how far the target may vary (squeeze.ml `range`). */
const range = (d: SqueezeDomain) => Math.max(0, kib(d.dynamicMax) - kib(d.dynamicMin));

/**
 * What a domain would give back if it ballooned down to its dynamic minimum. squeeze.ml's
 * min_freeable stops at 0; here a domain below its minimum (its minimum was just raised,
 * or it is being built) counts what it still needs, so the others are asked for that
 * memory at once rather than after it has been found stuck short of its target.
 */
const freeable = (d: SqueezeDomain) => kib(d.actual) - kib(d.dynamicMin);

/** squeeze.ml's `constrain 0. 1.`: NaN (no range anywhere and no surplus) counts as 0. */
function clampGamma(x: number): number {
  if (Number.isNaN(x) || x < 0) return 0;
  return Math.min(x, 1);
}

/**
 * compute_target_adjustments' γ: the memory that would be free if every domain
 * ballooned to its dynamic minimum, less what the host wants to keep free, over the
 * sum of the dynamic ranges.
 */
export function proportionalGamma(freeBytes: number, domains: Iterable<SqueezeDomain>, keepFreeBytes: number): number {
  let maximumFree = kib(freeBytes);
  let totalRange = 0;
  for (const d of domains) {
    maximumFree += freeable(d);
    totalRange += range(d);
  }
  const surplus = Math.max(0, maximumFree - kib(keepFreeBytes));
  return clampGamma(surplus / totalRange);
}

/** A domain's share at γ: dynamic_min + γ·range, in whole KiB (Int64.of_float truncates). */
export function targetAt(gamma: number, d: SqueezeDomain): number {
  return (kib(d.dynamicMin) + Math.trunc(gamma * range(d))) * KIB;
}

/** Every domain's target by the proportional policy, with the γ they share. */
export function proportionalTargets(
  freeBytes: number,
  domains: readonly SqueezeDomain[],
  keepFreeBytes: number,
): SqueezeResult {
  const gamma = proportionalGamma(freeBytes, domains, keepFreeBytes);
  return { gamma, targets: domains.map((d) => targetAt(gamma, d)) };
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
