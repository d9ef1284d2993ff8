/**
 * VM.get_possible_hosts: the hosts that could run the VM now (memory, CPUs, storage
 * and networks they can reach), which only XAPI can work out. Asked afresh each time
 * a host picker opens, since it changes with every VM that starts or stops.
 */
import { useQueries } from '@tanstack/react-query';
import { getConnection } from '../store/connections';
import type { Ref } from '../xapi/model/types';
import { xapiQueryKey } from './xapi-query-key';

export interface PossibleHosts {
  /** For each VM asked about, the hosts that can run it; undefined while any answer is pending. */
  byVm: ReadonlyMap<string, ReadonlySet<string>> | undefined;
  error: unknown;
}

export function usePossibleHosts(poolId: string, vmRefs: readonly string[]): PossibleHosts {
  return useQueries({
    queries: vmRefs.map((vm) => ({
      queryKey: xapiQueryKey('VM.get_possible_hosts', vm),
      queryFn: () => getConnection(poolId).call('VM.get_possible_hosts', vm as Ref<'VM'>),
      staleTime: 0,
      refetchOnMount: 'always' as const,
    })),
    combine: (results) => ({
      byVm: results.every((r) => r.data)
        ? new Map(vmRefs.map((vm, i) => [vm, new Set<string>(results[i].data)]))
        : undefined,
      error: results.find((r) => r.error)?.error,
    }),
  });
}
