/** XAPI's compact UTC datetime, as on the wire: 20260821T02:00:23Z. */
export function xapiDatetime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace(/[-]/g, '')}Z`;
}

/** Reads a datetime as XAPI accepts it: compact (20260821T02:00:23Z) or RFC 3339; NaN if neither. */
export function parseXapiDatetime(text: string): number {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${frac ?? ''}${!zone || zone === 'Z' ? 'Z' : zone.replace(/(\d{2})(\d{2})$/, '$1:$2')}`;
  return Date.parse(iso);
}
