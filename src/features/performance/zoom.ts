/** A zoomed-in window of time, in ms, shared by every graph of the tab (as XenCenter's graphs share one). */
export interface Zoom {
  from: number;
  to: number;
}

/** The rows (by index, `end` excluded) whose times (Unix seconds, oldest first) fall within the zoom. */
export function visibleRows(times: readonly number[], zoom: Zoom | undefined): { start: number; end: number } {
  if (!zoom) return { start: 0, end: times.length };
  let start = 0;
  while (start < times.length && times[start] * 1000 < zoom.from) start++;
  let end = start;
  while (end < times.length && times[end] * 1000 <= zoom.to) end++;
  return { start, end };
}
