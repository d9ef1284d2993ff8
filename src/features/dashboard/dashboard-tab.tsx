/** The Dashboard tab of a pool or a host. Its charts load with the tab, not with the console. */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertRow } from './alerts-section';

const DashboardView = lazy(() => import('./dashboard-view').then((m) => ({ default: m.DashboardView })));

export interface DashboardTabProps {
  poolId: string;
  cls: string;
  objectRef: string;
  /** How one alert is shown: the app passes the tasks feature's row. */
  Alert: AlertRow;
}

export function DashboardTab({ poolId, cls, objectRef, Alert }: DashboardTabProps) {
  const { t } = useTranslation('dashboard');
  return (
    <Suspense fallback={<p role="status">{t('loading')}</p>}>
      <DashboardView poolId={poolId} cls={cls === 'host' ? 'host' : 'pool'} objectRef={objectRef} Alert={Alert} />
    </Suspense>
  );
}
