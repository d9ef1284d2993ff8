/**
 * host.compute_free_memory: what the host could give a new VM now, which XAPI computes
 * (it is not a field). It is asked again whenever the host's metrics report a change
 * in free memory, so it follows VMs starting, stopping and ballooning.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { getConnection } from '../store/connections';
import { useRecord } from '../store/mirror-store';
import type { Ref } from '../xapi/model/types';
import { xapiQueryKey } from './xapi-query-key';

export function useHostFreeMemory(poolId: string, hostRef: string) {
  const queryClient = useQueryClient();
  const queryKey = xapiQueryKey('host.compute_free_memory', hostRef);
  const metricsRef = useRecord(poolId, 'host', hostRef)?.metrics ?? '';
  const memoryFree = useRecord(poolId, 'host_metrics', metricsRef)?.memory_free;

  // Only a change counts: the first value seen is what the first fetch already answers.
  const lastSeen = useRef(memoryFree);
  useEffect(() => {
    if (lastSeen.current === memoryFree) return;
    const changed = lastSeen.current !== undefined;
    lastSeen.current = memoryFree;
    if (changed) void queryClient.invalidateQueries({ queryKey: xapiQueryKey('host.compute_free_memory', hostRef) });
  }, [memoryFree, hostRef, queryClient]);

  return useQuery({
    queryKey,
    queryFn: () => getConnection(poolId).call('host.compute_free_memory', hostRef as Ref<'host'>),
  });
}
