/** The records a VM's memory and vCPU rules read, from the mirror, each re-rendering only on its own change. */
import { useMirror, useRecord } from '../../store/mirror-store';
import type { XapiRecord } from '../../xapi/model/types';

export interface VmMemoryRecords {
  vm: XapiRecord<'VM'>;
  pool: XapiRecord<'pool'>;
  metrics?: XapiRecord<'VM_metrics'>;
  guestMetrics?: XapiRecord<'VM_guest_metrics'>;
}

/** The pool's one pool record. */
export function usePoolRecord(poolId: string): XapiRecord<'pool'> | undefined {
  return useMirror((state) => {
    const table = state.pools[poolId]?.objects.pool;
    for (const ref in table) return table[ref];
    return undefined;
  });
}

/** Undefined while the VM or the pool record is still loading. */
export function useVmMemoryRecords(poolId: string, vmRef: string): VmMemoryRecords | undefined {
  const vm = useRecord(poolId, 'VM', vmRef);
  const pool = usePoolRecord(poolId);
  const metrics = useRecord(poolId, 'VM_metrics', vm?.metrics ?? '');
  const guestMetrics = useRecord(poolId, 'VM_guest_metrics', vm?.guest_metrics ?? '');
  if (!vm || !pool) return undefined;
  return { vm, pool, metrics, guestMetrics };
}
