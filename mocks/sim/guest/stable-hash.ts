/**
 * Numbers that look random but are fixed per object: a guest's boot-log jitter or
 * workload phase comes from its UUID, not from the simulator's seeded source, so
 * opening a console never shifts the random choices the rest of the model makes.
 */

/** FNV-1a, 32 bits. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A value in [0, 1) fixed by `key` and `n`. */
export function stableFraction(key: string, n = 0): number {
  let t = (stableHash(key) + Math.imul(n + 1, 0x9e3779b9)) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
