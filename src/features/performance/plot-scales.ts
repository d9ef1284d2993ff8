/**
 * The arithmetic of a line graph: axis ticks at round values, and each line as an SVG
 * path with gaps where values are missing. Drawn by hand rather than with a chart
 * library: six graphs of a year of points must update within a frame each.
 */
import type { ValueKind } from './data-source-kinds';

/** The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least `x`. */
function niceStep(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  const fraction = x / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

const BINARY = (kind: ValueKind) => kind === 'bytes' || kind === 'kib' || kind === 'bytesPerSecond';

/**
 * Ticks from 0 up past `max`: fractions always to 100 % (a CPU graph's scale should not
 * jump about), sizes at round binary multiples (1 GiB, not 1.07 GB), the rest at round numbers.
 */
export function valueTicks(kind: ValueKind, max: number, count = 4): number[] {
  if (kind === 'fraction') return [0, 0.25, 0.5, 0.75, 1];
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const unit = BINARY(kind) ? 1024 ** Math.max(0, Math.floor(Math.log(max) / Math.log(1024))) : 1;
  const step = niceStep(max / unit / count) * unit;
  const ticks = [0];
  while (ticks[ticks.length - 1] < max) ticks.push(ticks.length * step);
  return ticks;
}

/** `count` times evenly spread over [from, to]. */
export function timeTicks(from: number, to: number, count = 6): number[] {
  if (!(to > from)) return [from];
  return Array.from({ length: count }, (_, i) => from + ((to - from) * i) / (count - 1));
}

/** The largest finite value of any series within rows [start, end). */
export function maxOf(series: readonly { values: ArrayLike<number> }[], start: number, end: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const { values } of series) {
    for (let r = start; r < end; r++) if (Number.isFinite(values[r]) && values[r] > max) max = values[r];
  }
  return max;
}

/** An SVG path through the points; a missing value breaks the line, as rrdtool draws it. */
export function linePath(
  xs: ArrayLike<number>,
  values: ArrayLike<number>,
  start: number,
  end: number,
  y: (value: number) => number,
): string {
  let path = '';
  let drawing = false;
  for (let r = start; r < end; r++) {
    if (!Number.isFinite(values[r])) {
      drawing = false;
      continue;
    }
    path += `${drawing ? 'L' : 'M'}${xs[r].toFixed(1)} ${y(values[r]).toFixed(1)}`;
    drawing = true;
  }
  return path;
}

/** The index of the time nearest `t` in a sorted list, looking within [start, end). */
export function nearestIndex(times: readonly number[], t: number, start = 0, end = times.length): number {
  let low = start;
  let high = end - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (times[mid] < t) low = mid + 1;
    else high = mid;
  }
  return low > start && Math.abs(times[low - 1] - t) <= Math.abs(times[low] - t) ? low - 1 : low;
}
