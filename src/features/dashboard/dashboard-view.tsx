/** A pool's or a host's dashboard (a lazily loaded chunk: dashboard-tab.tsx). */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useMirror } from '../../store/mirror-store';
import { type AlertRow, AlertsSection } from './alerts-section';
import { HostUsageSection } from './host-usage-section';
import { PowerStateSection } from './power-state-section';
import { StorageSection } from './storage-section';
import { TopVmsSection } from './top-vms-section';
import { type DashboardClass, useDashboardScope } from './use-dashboard-scope';
import { useHostUsage } from './use-host-usage';
import './dashboard.css';

interface Props {
  poolId: string;
  cls: DashboardClass;
  objectRef: string;
  Alert: AlertRow;
}

/** A host's alerts are about it or the VMs it covers; a pool's are all of them. */
function useAlertObjects(poolId: string, cls: DashboardClass, ref: string, vmRefs: readonly string[]) {
  const uuids = useMirror(
    useShallow((state) => {
      if (cls === 'pool') return undefined;
      const objects = state.pools[poolId]?.objects;
      return [objects?.host?.[ref]?.uuid, ...vmRefs.map((vm) => objects?.VM?.[vm]?.uuid)].filter(
        (uuid): uuid is string => uuid !== undefined,
      );
    }),
  );
  return useMemo(() => (uuids ? new Set(uuids) : undefined), [uuids]);
}

export function DashboardView({ poolId, cls, objectRef, Alert }: Props) {
  const scope = useDashboardScope(poolId, cls, objectRef);
  const usage = useHostUsage(poolId, scope.hostRefs);
  const alertObjects = useAlertObjects(poolId, cls, objectRef, scope.vmRefs);
  return (
    <div className="dashboard">
      <HostUsageSection poolId={poolId} hostRefs={scope.hostRefs} usage={usage} />
      <TopVmsSection poolId={poolId} vmRefs={scope.vmRefs} vms={usage.vms} />
      <div className="dashboard-pair">
        <PowerStateSection poolId={poolId} vmRefs={scope.vmRefs} />
        <StorageSection poolId={poolId} srRefs={scope.srRefs} />
      </div>
      <AlertsSection poolId={poolId} objectUuids={alertObjects} Alert={Alert} />
    </div>
  );
}
