/**
 * Every host's use now, and its VMs': one /rrd_updates per host (a host answers only
 * for itself and the VMs running on it), asked for the last minute of 5-second rows.
 * A big pool is polled less often, so its hosts' replies do not crowd the page.
 */
import { useQueries } from '@tanstack/react-query';
import { useShallow } from 'zustand/react/shallow';
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

/** "uuid address" per host, so the queries change only when a host's identity does. */
function useHostIdentities(poolId: string, hostRefs: readonly string[]): string[] {
  return useMirror(
    useShallow((state) =>
      hostRefs.map((ref) => {
        const host = state.pools[poolId]?.objects.host?.[ref];
        return host ? `${host.uuid} ${host.address}` : '';
      }),
    ),
  );
}

export function useHostUsage(poolId: string, hostRefs: readonly string[]): HostUsage {
  const identities = useHostIdentities(poolId, hostRefs);
  const refetchMs = pollSecondsFor(hostRefs.length) * 1000;
  return useQueries({
    queries: identities.map((identity) => {
      const [hostUuid, hostAddress] = identity.split(' ');
      const request = identity
        ? { hostAddress, query: { start: -59, interval: 5, cf: 'AVERAGE' as const, host: true, hostUuid } }
        : undefined;
      return rrdUpdatesQuery(poolId, request, refetchMs);
    }),
    combine: (results) => {
      const figures = results.map((result, i) =>
        result.data ? hostFigures(result.data, identities[i].split(' ')[0]) : undefined,
      );
      return {
        hosts: figures.map((f) => f?.host),
        failed: results.map((result) => result.isError),
        vms: figures.flatMap((f) => f?.vms ?? []),
      };
    },
  });
}
