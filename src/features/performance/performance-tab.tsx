/**
 * The Performance tab of a VM or host. Its graphs are a chunk of their own, loaded the
 * first time the tab opens, so the console's first load does not carry them.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

const PerformanceView = lazy(() => import('./performance-view').then((m) => ({ default: m.PerformanceView })));

/** The object page's tab props (the object-pages feature's TabProps, by shape). */
export interface PerformanceTabProps {
  poolId: string;
  cls: string;
  objectRef: string;
}

export function PerformanceTab({ poolId, cls, objectRef }: PerformanceTabProps) {
  const { t } = useTranslation('performance');
  return (
    <Suspense fallback={<p role="status">{t('loading')}</p>}>
      <PerformanceView poolId={poolId} cls={cls === 'host' ? 'host' : 'VM'} objectRef={objectRef} />
    </Suspense>
  );
}
