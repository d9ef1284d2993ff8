/**
 * /rrd_updates through TanStack Query: keyed by pool, host and query, refetched at the
 * resolution the caller shows (a 5 s archive every 5 s, a daily one once a day), so
 * a graph never asks for rows that cannot have changed.
 */
import { queryOptions, skipToken } from '@tanstack/react-query';
import { getConnection, hostBaseUrl } from '../../store/connections';
import { fetchRrdUpdates } from '../../xapi/rrd-client';
import type { RrdUpdatesQuery } from '../../xapi/rrd-updates';

/** What to ask, and which host to ask it of (a host answers for its own RRD and its running VMs'). */
export interface HostRrdRequest {
  /** A pool member's host.address; omitted for the master, which is asked at the pool's own address. */
  memberAddress?: string;
  /** With `hostUuid` naming the host asked. */
  query: RrdUpdatesQuery;
}

/** Nothing is asked while `request` is undefined (a halted VM has no host to ask). */
export function rrdUpdatesQuery(poolId: string, request: HostRrdRequest | undefined, refetchMs: number) {
  return queryOptions({
    queryKey: ['rrd_updates', poolId, request] as const,
    queryFn: request
      ? async ({ signal }) => {
          const connection = getConnection(poolId);
          const session = connection.session ?? (await connection.login());
          const baseUrl = hostBaseUrl(poolId, request.memberAddress);
          return fetchRrdUpdates({ baseUrl, session }, request.query, signal);
        }
      : skipToken,
    refetchInterval: refetchMs,
    staleTime: refetchMs,
    // A reply is thousands of typed numbers: comparing it with the last one costs more than it saves.
    structuralSharing: false,
  });
}
