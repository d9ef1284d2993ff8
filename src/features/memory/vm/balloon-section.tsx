import { lazy, Suspense, useCallback, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMemory } from '../../../components/format/bytes';
import { settled } from './balloon-history';
import { useBalloonHistory } from './use-balloon-history';

const BalloonChart = lazy(() => import('./balloon-chart'));

/**
 * A running VM's balloon: where squeezed has set its target and what it holds, live,
 * with a chart of the last minutes, so an applied change can be watched converging.
 */
interface Props {
  poolId: string;
  vmRef: string;
  dynamicMinBytes: number;
  dynamicMaxBytes: number;
}

export function BalloonSection({ poolId, vmRef, dynamicMinBytes, dynamicMaxBytes }: Props) {
  const { t } = useTranslation('memory');
  const headingId = useId();
  const samples = useBalloonHistory(poolId, vmRef);
  const secondsLabel = useCallback((seconds: number) => t('balloon.secondsAgo', { count: -seconds }), [t]);
  const latest = samples.at(-1);
  if (!latest) return null;
  return (
    <section className="memory-balloon" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('balloon.heading')}</h2>
      <dl className="memory-figures">
        <dt>{t('balloon.target')}</dt>
        <dd>{formatMemory(latest.targetBytes)}</dd>
        <dt>{t('balloon.actual')}</dt>
        <dd>{formatMemory(latest.actualBytes)}</dd>
        <dt>{t('balloon.state')}</dt>
        <dd>{t(settled(latest) ? 'balloon.settled' : 'balloon.moving')}</dd>
      </dl>
      <div role="img" aria-label={t('balloon.chartLabel')} className="memory-chart">
        <Suspense fallback={<p className="muted">{t('balloon.loadingChart')}</p>}>
          <BalloonChart
            samples={samples}
            dynamicMinBytes={dynamicMinBytes}
            dynamicMaxBytes={dynamicMaxBytes}
            targetLabel={t('balloon.target')}
            actualLabel={t('balloon.actual')}
            secondsLabel={secondsLabel}
          />
        </Suspense>
      </div>
    </section>
  );
}
