/**
 * Every host's use now, and its VMs': one /rrd_updates per host (a host answers only
 * for itself and the VMs running on it), asked for the last minute of 5-second rows.
 * A big pool is polled less often, so its hosts' replies do not crowd the page.
 */
import { useQueries } from '@tanstack/react-query';
import { useShallow } from 'zustand/react/shallow';
import { parseRrdHostKey, rrdHostKey } from '../../queries/performance/rrd-host-key';
import { rrdUpdatesQuery } from '../../queries/performance/rrd-updates-query';
import { useMirror } from '../../store/mirror-store';
import { type HostFigures, hostFigures, type VmFigures } from './host-figures';

/** Seconds between polls: the archive's 5-second step, or half a second per host, whichever is longer. */
export const pollSecondsFor = (hosts: number) => Math.max(5, Math.ceil(hosts / 2));

export interface HostUsage {
  /** Per host in the order asked; undefined until its first reply, or when it failed. */
  hosts: readonly (HostFigures | undefined)[];
  failed: readonly boolean[];
  vms: readonly VmFigures[];
}

/** Per host, who to ask (rrd-host-key.ts), so the queries change only when a host does. */
function useHostKeys(poolId: string, hostRefs: readonly string[]): (string | undefined)[] {
  return useMirror(useShallow((state) => hostRefs.map((ref) => rrdHostKey(state.pools[poolId]?.objects, ref))));
}

export function useHostUsage(poolId: string, hostRefs: readonly string[]): HostUsage {
  const keys = useHostKeys(poolId, hostRefs);
  const hosts = keys.map((key) => (key === undefined ? undefined : parseRrdHostKey(key)));
  const refetchMs = pollSecondsFor(hostRefs.length) * 1000;
  return useQueries({
    queries: hosts.map((host) => {
      const query = { start: -59, interval: 5, cf: 'AVERAGE' as const, host: true, hostUuid: host?.hostUuid };
      return rrdUpdatesQuery(poolId, host && { memberAddress: host.memberAddress, query }, refetchMs);
    }),
    combine: (results) => {
      const figures = results.map((result, i) => {
        const hostUuid = hosts[i]?.hostUuid;
        return result.data && hostUuid ? hostFigures(result.data, hostUuid) : undefined;
      });
      return {
        hosts: figures.map((f) => f?.host),
        failed: results.map((result) => result.isError),
        vms: figures.flatMap((f) => f?.vms ?? []),
      };
    },
  });
}
