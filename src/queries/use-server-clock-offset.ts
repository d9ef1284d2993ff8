/**
 * How far the pool's clock is ahead of this browser's, in ms. Task start times, alert
 * times and host boot times are the pool's; elapsed times and uptimes must be measured
 * against the pool's "now", not the browser's, or a skewed clock (or the simulator's
 * virtual one) makes them nonsense. XenCenter keeps the same offset from
 * host.get_servertime (XenAdmin/Network/XenConnection.cs, ServerTimeOffset).
 */
import { useQuery } from '@tanstack/react-query';
import { getConnection } from '../store/connections';
import { useMirror } from '../store/mirror-store';
import { parseXapiDateTime } from '../xapi/datetime';
import type { Ref } from '../xapi/model/types';
import { xapiQueryKey } from './xapi-query-key';

function useMasterRef(poolId: string): string | undefined {
  return useMirror((state) => {
    const pools = state.pools[poolId]?.objects.pool;
    return pools ? Object.values(pools)[0]?.master : undefined;
  });
}

/** 0 until the pool has answered (or when it cannot say), so times still show. */
export function useServerClockOffset(poolId: string): number {
  const master = useMasterRef(poolId);
  const { data } = useQuery({
    queryKey: xapiQueryKey('host.get_servertime', master),
    enabled: master !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async () => {
      const sentAt = Date.now();
      const serverTime = parseXapiDateTime(
        await getConnection(poolId).call('host.get_servertime', master as Ref<'host'>),
      );
      // The answer was true somewhere between sending and receiving: take the middle.
      const localTime = (sentAt + Date.now()) / 2;
      return serverTime === undefined ? 0 : serverTime - localTime;
    },
  });
  return data ?? 0;
}
