/**
 * The host to ask for performance data, as one string that changes only when that
 * host does (so a selector returning it re-renders nothing on unrelated events):
 * "uuid" for the pool master, "uuid address" for a member.
 */
import type { PoolMirror } from '../../store/mirror-store';

export function rrdHostKey(objects: PoolMirror['objects'] | undefined, hostRef: string): string | undefined {
  const host = objects?.host?.[hostRef];
  if (!host) return undefined;
  const master = Object.values(objects?.pool ?? {})[0]?.master;
  return hostRef === master ? host.uuid : `${host.uuid} ${host.address}`;
}

/** The host's UUID and, for a member, its address. */
export function parseRrdHostKey(key: string): { hostUuid: string; memberAddress?: string } {
  const [hostUuid, memberAddress] = key.split(' ');
  return memberAddress === undefined ? { hostUuid } : { hostUuid, memberAddress };
}
