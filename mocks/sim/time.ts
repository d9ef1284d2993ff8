/** XAPI's compact UTC datetime, as on the wire: 20260821T02:00:23Z. */
export function xapiDatetime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace(/[-]/g, '')}Z`;
}
