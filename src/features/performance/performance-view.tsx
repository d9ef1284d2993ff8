/** The Performance tab's content (a lazily loaded chunk: performance-tab.tsx). */
import { useTranslation } from 'react-i18next';
import { ObjectGraphs } from './object-graphs';
import { useGraphedTarget } from './use-graphed-target';
import './performance.css';

export function PerformanceView({ poolId, cls, objectRef }: { poolId: string; cls: 'VM' | 'host'; objectRef: string }) {
  const { t } = useTranslation('performance');
  const target = useGraphedTarget(poolId, cls, objectRef);
  if (!target) return <p role="status">{t('loadingData')}</p>;
  const { source } = target;
  if (!source) return <p>{t('notRunning')}</p>;
  // Keyed by object, so one object's reply never lingers on the next one's graphs.
  return (
    <ObjectGraphs
      key={target.object.uuid}
      poolId={poolId}
      cls={cls}
      objectRef={objectRef}
      target={{ ...target, source }}
    />
  );
}
