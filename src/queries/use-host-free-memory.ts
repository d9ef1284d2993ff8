/**
 * host.compute_free_memory: the memory XAPI could give a new VM on the host now, with
 * the running VMs squeezed to their dynamic minimum (xen-api memory_check.ml). It is
 * not a field, so it is asked again whenever the host's metrics report a change in free
 * memory or its set of resident VMs changes, and every half minute for the changes
 * neither shows (a VM's memory range edited).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { getConnection } from '../store/connections';
import { useMirror } from '../store/mirror-store';
import type { Ref } from '../xapi/model/types';
import { xapiQueryKey } from './xapi-query-key';

const REFRESH_MS = 30_000;

/** A fingerprint of what changes the answer: metrics' free memory and the resident VMs. */
function useMemoryFingerprint(poolId: string, hostRef: string): string | undefined {
  return useMirror((state) => {
    const objects = state.pools[poolId]?.objects;
    const host = objects?.host?.[hostRef];
    if (!host) return undefined;
    return `${objects?.host_metrics?.[host.metrics]?.memory_free} ${host.resident_VMs.join(',')}`;
  });
}

export function useHostFreeMemory(poolId: string, hostRef: string) {
  const queryClient = useQueryClient();
  const fingerprint = useMemoryFingerprint(poolId, hostRef);

  // Only a change counts: the first value seen is what the first fetch already answers.
  const lastSeen = useRef(fingerprint);
  useEffect(() => {
    if (lastSeen.current === fingerprint) return;
    const changed = lastSeen.current !== undefined;
    lastSeen.current = fingerprint;
    if (changed) void queryClient.invalidateQueries({ queryKey: xapiQueryKey('host.compute_free_memory', hostRef) });
  }, [fingerprint, hostRef, queryClient]);

  return useQuery({
    queryKey: xapiQueryKey('host.compute_free_memory', hostRef),
    queryFn: () => getConnection(poolId).call('host.compute_free_memory', hostRef as Ref<'host'>),
    refetchInterval: REFRESH_MS,
  });
}
