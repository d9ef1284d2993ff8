/**
 * Every host's use now, and its VMs': one /rrd_updates per host (a host answers only
 * for itself and the VMs running on it), asked for its last few 5-second rows.
 * A big pool is polled less often, so its hosts' replies do not crowd the page.
 */
import { useQueries } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { parseRrdHostKey, rrdHostKey } from '../../queries/performance/rrd-host-key';
import { rrdUpdatesQuery } from '../../queries/performance/rrd-updates-query';
import { useMirror } from '../../store/mirror-store';
import type { RrdUpdates } from '../../xapi/rrd-updates';
import { type HostFigures, hostFigures, type VmFigures } from './host-figures';
import { useThrottled } from './use-throttled';

/** Seconds between polls: the archive's 5-second step, or half a second per host, whichever is longer. */
export const pollSecondsFor = (hosts: number) => Math.max(5, Math.ceil(hosts / 2));

/**
 * Figures per reply: the queries' results are combined again whenever any host answers
 * (64 times a round on a big pool), and each reply holds thousands of columns.
 */
const figuresOf = new WeakMap<RrdUpdates, ReturnType<typeof hostFigures>>();

function cachedFigures(updates: RrdUpdates, hostUuid: string) {
  let figures = figuresOf.get(updates);
  if (!figures) {
    figures = hostFigures(updates, hostUuid);
    figuresOf.set(updates, figures);
  }
  return figures;
}

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
  const hostUuids = hosts.map((host) => host?.hostUuid).join();
  // Stable, or TanStack combines afresh on every render.
  const combine = useCallback(
    (results: { data?: RrdUpdates; isError: boolean }[]): HostUsage => {
      const uuids = hostUuids.split(',');
      const figures = results.map((result, i) =>
        result.data && uuids[i] ? cachedFigures(result.data, uuids[i]) : undefined,
      );
      return {
        hosts: figures.map((f) => f?.host),
        failed: results.map((result) => result.isError),
        vms: figures.flatMap((f) => f?.vms ?? []),
      };
    },
    [hostUuids],
  );
  const usage = useQueries({
    queries: hosts.map((host) => {
      // Three rows: the newest can still be empty while its sample is consolidated.
      const query = { start: -14, interval: 5, cf: 'AVERAGE' as const, host: true, hostUuid: host?.hostUuid };
      return rrdUpdatesQuery(poolId, host && { memberAddress: host.memberAddress, query }, refetchMs);
    }),
    combine,
  });
  return useThrottled(usage, 1_000);
}
