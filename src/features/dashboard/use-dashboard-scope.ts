/**
 * What a dashboard covers: the whole pool, or one host with the VMs that run (or
 * would start) there and the storage it is connected to.
 */
import { useShallow } from 'zustand/react/shallow';
import { useMirror } from '../../store/mirror-store';
import { scopeVms } from './scope-vms';

export type DashboardClass = 'pool' | 'host';

export interface DashboardScope {
  hostRefs: readonly string[];
  /** VMs proper: no templates, snapshots or control domains. */
  vmRefs: readonly string[];
  srRefs: readonly string[];
}

export function useDashboardScope(poolId: string, cls: DashboardClass, ref: string): DashboardScope {
  const hostRefs = useMirror(
    useShallow((state) => (cls === 'host' ? [ref] : Object.keys(state.pools[poolId]?.objects.host ?? {}))),
  );
  const vmRefs = useMirror((state) => scopeVms(state.pools[poolId]?.objects.VM, cls === 'host' ? ref : undefined));
  const srRefs = useMirror(
    useShallow((state) => {
      const objects = state.pools[poolId]?.objects;
      return Object.entries(objects?.SR ?? {})
        .filter(([, sr]) => sr.physical_size > 0)
        .filter(([, sr]) => cls === 'pool' || sr.PBDs.some((pbd) => objects?.PBD?.[pbd]?.host === ref))
        .map(([srRef]) => srRef);
    }),
  );
  return { hostRefs, vmRefs, srRefs };
}
