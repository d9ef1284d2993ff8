/**
 * Which RRD an object's graphs read and which host to ask for it. A host answers for
 * its own RRD and for the VMs running on it; a VM that runs nowhere has none to ask.
 */
import { useMemo } from 'react';
import { parseRrdHostKey, rrdHostKey } from '../../queries/performance/rrd-host-key';
import { useMirror } from '../../store/mirror-store';
import type { RrdUpdatesQuery } from '../../xapi/rrd-updates';
import type { GraphedObject } from './graph-layout';

/** The request without its range. */
export interface RrdSource {
  /** Omitted for the pool master (see HostRrdRequest). */
  memberAddress?: string;
  query: Pick<RrdUpdatesQuery, 'host' | 'vmUuids' | 'hostUuid'>;
}

export interface GraphedTarget {
  object: GraphedObject;
  /** Undefined for a VM that is not running on any host. */
  source: RrdSource | undefined;
}

/** The host that keeps the object's RRD now (rrd-host-key.ts). */
function useOwnerHost(poolId: string, cls: 'VM' | 'host', ref: string): string | undefined {
  return useMirror((state) => {
    const objects = state.pools[poolId]?.objects;
    if (cls === 'host') return rrdHostKey(objects, ref);
    const vm = objects?.VM?.[ref];
    if (!vm || (vm.power_state !== 'Running' && vm.power_state !== 'Paused')) return undefined;
    return rrdHostKey(objects, vm.resident_on);
  });
}

/** A host's control domain (see below). */
function useControlDomainUuid(poolId: string, cls: 'VM' | 'host', ref: string): string | undefined {
  return useMirror((state) => {
    if (cls !== 'host') return undefined;
    const objects = state.pools[poolId]?.objects;
    for (const vmRef of objects?.host?.[ref]?.resident_VMs ?? []) {
      const vm = objects?.VM?.[vmRef];
      if (vm?.is_control_domain) return vm.uuid;
    }
    return undefined;
  });
}

export function useGraphedTarget(poolId: string, cls: 'VM' | 'host', ref: string): GraphedTarget | undefined {
  const uuid = useMirror((state) => state.pools[poolId]?.objects[cls]?.[ref]?.uuid);
  const owner = useOwnerHost(poolId, cls, ref);
  const controlDomainUuid = useControlDomainUuid(poolId, cls, ref);
  return useMemo(() => {
    if (uuid === undefined) return undefined;
    const host = owner === undefined ? undefined : parseRrdHostKey(owner);
    if (cls === 'VM') {
      return {
        object: { kind: 'vm', uuid },
        source: host && { memberAddress: host.memberAddress, query: { vmUuids: [uuid], hostUuid: host.hostUuid } },
      };
    }
    // XAPI has no "host only" switch: without a filter the reply holds every resident
    // VM too (hundreds on a busy host). Naming the control domain keeps it to the host
    // and dom0, whose figures belong with the host's anyway.
    const vmUuids = controlDomainUuid ? [controlDomainUuid] : undefined;
    return {
      object: { kind: 'host', uuid },
      source: host && { memberAddress: host.memberAddress, query: { host: true, hostUuid: host.hostUuid, vmUuids } },
    };
  }, [cls, uuid, owner, controlDomainUuid]);
}
