import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type HostRrdRequest, rrdUpdatesQuery } from './rrd-updates-query';

/**
 * One host's /rrd_updates, polled every `refetchMs`. A change of request (another range)
 * keeps showing the last reply until the new one arrives, so graphs do not blink empty;
 * callers that switch objects should mount afresh, or the old object's reply would linger.
 */
export function useRrdUpdates(poolId: string, request: HostRrdRequest | undefined, refetchMs: number) {
  return useQuery({ ...rrdUpdatesQuery(poolId, request, refetchMs), placeholderData: keepPreviousData });
}
