/**
 * How long to wait before each new try when a console's connection has dropped while its
 * VM still runs: 1 s, then doubling, never more than 30 s, so a host that is rebooting
 * or briefly unreachable is found again soon without being asked every second.
 */

export const FIRST_RECONNECT_DELAY_S = 1;
export const MAX_RECONNECT_DELAY_S = 30;

/** The wait before try `failures + 1`, in whole seconds: 1, 2, 4, 8, 16, 30, 30, … */
export function reconnectDelaySeconds(failures: number): number {
  if (failures <= 0) return FIRST_RECONNECT_DELAY_S;
  // 2^5 is already past the cap: no need to raise 2 to a power that overflows.
  return Math.min(MAX_RECONNECT_DELAY_S, FIRST_RECONNECT_DELAY_S * 2 ** Math.min(failures, 5));
}
