/**
 * The host a running VM is on, with host.compute_free_memory worked out from the mirror
 * (memory_check.ml). The selector returns the figure itself, so balloons moving on the
 * host (which change no minimum) re-render nothing here.
 */
import { useMemo } from 'react';
import { useMirror, useRecord } from '../../../store/mirror-store';
import type { XapiRecord } from '../../../xapi/model/types';
import { NULL_REF } from '../../../xapi/refs';
import { hostFreeMemory } from '../../../xapi/rules/host-memory';
import { hostMemoryInputOf } from '../use-host-memory-input';

export interface RunningHost {
  ref: string;
  name: string;
  freeBytes: number;
}

export function useRunningHost(poolId: string, vm: XapiRecord<'VM'> | undefined): RunningHost | undefined {
  const hostRef = vm?.resident_on ?? NULL_REF;
  const name = useRecord(poolId, 'host', hostRef)?.name_label;
  const freeBytes = useMirror((state) => {
    const objects = state.pools[poolId]?.objects;
    const input = objects && hostMemoryInputOf(objects, hostRef);
    return input ? hostFreeMemory(input) : undefined;
  });
  return useMemo(
    () =>
      name === undefined || freeBytes === undefined || hostRef === NULL_REF
        ? undefined
        : { ref: hostRef, name, freeBytes },
    [hostRef, name, freeBytes],
  );
}
