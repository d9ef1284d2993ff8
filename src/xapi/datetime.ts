/**
 * XAPI datetimes as they arrive on the wire. XAPI writes them in a compact UTC form
 * (20260821T02:00:23Z); some fields and older servers use RFC 3339 with dashes and an
 * offset. The epoch (19700101T00:00:00Z) is XAPI's "never": a halted VM's start_time,
 * an unfinished task's `finished`.
 */

const DATETIME = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Milliseconds since the epoch, or undefined for "never" and for text that is not a datetime. */
export function parseXapiDateTime(text: string): number | undefined {
  const m = DATETIME.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = m;
  // XAPI sends no zone on some local-time fields; it means UTC everywhere the console reads.
  const offset = !zone || zone === 'Z' ? 'Z' : zone.replace(/(\d{2}):?(\d{2})$/, '$1:$2');
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${fraction ?? ''}${offset}`);
  return Number.isNaN(ms) || ms === 0 ? undefined : ms;
}

/**
 * host.other_config's agent_start_time and boot_time are Unix seconds as a float
 * ("1767225600." or "1767225600.25"), not datetimes.
 */
export function parseUnixSeconds(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const seconds = Number(text);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}
