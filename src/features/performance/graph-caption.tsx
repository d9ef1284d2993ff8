/**
 * The graph in words, for screen readers and for anyone who wants the figures: how
 * many points, how far apart, over what span, and each line's latest value.
 */
import { useTranslation } from 'react-i18next';
import { formatValue } from './format-value';
import type { DrawnSeries } from './line-graph';
import { TIME_RANGES } from './time-ranges';

interface Props {
  /** Unix seconds of the rows shown. */
  times: readonly number[];
  stepSeconds: number;
  series: readonly (DrawnSeries & { latest: number })[];
  missing: readonly string[];
  formatTime: (ms: number) => string;
}

export function GraphCaption({ times, stepSeconds, series, missing, formatTime }: Props) {
  const { t, i18n } = useTranslation('performance');
  const range = TIME_RANGES.find((r) => r.stepSeconds === stepSeconds);
  const interval = range ? t(`interval.${range.id}`) : `${stepSeconds} s`;
  const latest = series
    .filter((s) => Number.isFinite(s.latest))
    .map((s) => `${s.label} ${formatValue(s.kind, s.latest, i18n.language)}`)
    .join(', ');
  return (
    <figcaption className="graph-caption">
      {times.length === 0
        ? t('graph.noPoints')
        : t('graph.caption', {
            count: times.length,
            interval,
            from: formatTime(times[0] * 1000),
            to: formatTime(times[times.length - 1] * 1000),
          })}{' '}
      {latest !== '' && t('graph.latest', { values: latest })}{' '}
      {missing.length > 0 && t('graph.missing', { sources: missing.join(', ') })}
    </figcaption>
  );
}
