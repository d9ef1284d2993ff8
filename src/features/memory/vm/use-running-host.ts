/** The host a running VM is on, with host.compute_free_memory worked out from the mirror (memory_check.ml). */
import { useMemo } from 'react';
import { useRecord } from '../../../store/mirror-store';
import type { XapiRecord } from '../../../xapi/model/types';
import { NULL_REF } from '../../../xapi/refs';
import { hostFreeMemory } from '../../../xapi/rules/host-memory';
import { useHostMemoryInput } from '../use-host-memory-input';

export interface RunningHost {
  ref: string;
  name: string;
  freeBytes: number;
}

export function useRunningHost(poolId: string, vm: XapiRecord<'VM'> | undefined): RunningHost | undefined {
  const hostRef = vm?.resident_on ?? NULL_REF;
  const host = useRecord(poolId, 'host', hostRef);
  const input = useHostMemoryInput(poolId, hostRef);
  const freeBytes = useMemo(() => (input ? hostFreeMemory(input) : undefined), [input]);
  if (!host || freeBytes === undefined || hostRef === NULL_REF) return undefined;
  return { ref: hostRef, name: host.name_label, freeBytes };
}
