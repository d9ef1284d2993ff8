/** A short rolling record of a VM's balloon: its target and what it holds, sample by sample. */
export interface BalloonSample {
  atMs: number;
  targetBytes: number;
  actualBytes: number;
}

/** Two minutes at one sample a second (more when events come faster). */
export const HISTORY_LIMIT = 120;

export function appendSample(history: readonly BalloonSample[], sample: BalloonSample): BalloonSample[] {
  const kept = history.length >= HISTORY_LIMIT ? history.slice(history.length - HISTORY_LIMIT + 1) : history;
  return [...kept, sample];
}

/** Within a MiB: what wait_memory_target_live counts as having reached the target. */
export const settled = (sample: BalloonSample) => Math.abs(sample.actualBytes - sample.targetBytes) <= 1024 * 1024;
