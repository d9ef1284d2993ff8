/**
 * Deterministic noise for the workload model: a value is a hash of (object, channel,
 * time step), never a draw from a running random stream. So any sample of any past
 * moment can be computed on its own, in any order, and always comes out the same,
 * which is what lets history be filled in lazily instead of simulated step by step.
 */

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
function finalise(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A stable 32-bit key for an object, from its UUID (itself drawn from the scenario's seed). */
export function keyOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return finalise(h);
}

/** A uniform value in [0, 1) for (key, channel, index). */
export function uniform(key: number, channel: number, index: number): number {
  const h = finalise(key ^ Math.imul(channel + 1, 0x9e3779b1) ^ finalise(index + Math.imul(channel, 0x7feb352d)));
  return h / 4294967296;
}

/** A value in (-1, 1), more often near 0 (the sum of two uniforms): jitter around a level. */
export function jitter(key: number, channel: number, index: number): number {
  return uniform(key, channel, index) + uniform(key, channel + 0x3c6ef372, index) - 1;
}
