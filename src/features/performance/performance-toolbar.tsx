/** The tab's controls: the range, which consolidation to show, and the graph list's own actions. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import type { RrdConsolidation } from '../../xapi/rrd-updates';
import { hasMinMax, type RangeId, rangeById, TIME_RANGES } from './time-ranges';

const CONSOLIDATIONS: readonly RrdConsolidation[] = ['AVERAGE', 'MIN', 'MAX'];

interface Props {
  rangeId: RangeId;
  onRange: (range: RangeId) => void;
  cf: RrdConsolidation;
  onCf: (cf: RrdConsolidation) => void;
  zoomed: boolean;
  onResetZoom: () => void;
  /** Whether the graphs shown are a saved layout (so there are defaults to go back to). */
  saved: boolean;
  busyReason: string | undefined;
  onNewGraph: () => void;
  onRestoreDefaults: () => void;
}

export function PerformanceToolbar(props: Props) {
  const { t } = useTranslation('performance');
  const groupName = useId();
  const cfId = useId();
  const cfHintId = useId();
  const minMax = hasMinMax(rangeById(props.rangeId));
  return (
    <div className="performance-toolbar">
      <fieldset className="range-picker">
        <legend>{t('range.label')}</legend>
        {TIME_RANGES.map(({ id }) => (
          <label key={id} className="range-choice">
            <input type="radio" name={groupName} checked={props.rangeId === id} onChange={() => props.onRange(id)} />
            {t(`range.${id}`)}
          </label>
        ))}
      </fieldset>
      <div className="cf-picker">
        <label htmlFor={cfId}>{t('cf.label')}</label>
        <select
          id={cfId}
          value={minMax ? props.cf : 'AVERAGE'}
          disabled={!minMax}
          aria-describedby={minMax ? undefined : cfHintId}
          onChange={(event) => props.onCf(event.target.value as RrdConsolidation)}
        >
          {CONSOLIDATIONS.map((cf) => (
            <option key={cf} value={cf}>
              {t(`cf.${cf}`)}
            </option>
          ))}
        </select>
        {!minMax && (
          <span id={cfHintId} className="field-hint">
            {t('cf.liveAverageOnly')}
          </span>
        )}
      </div>
      <div role="toolbar" aria-label={t('toolbar.label')} className="graph-toolbar">
        <Button disabledReason={props.busyReason} onClick={props.onNewGraph}>
          {t('toolbar.newGraph')}
        </Button>
        <Button
          disabledReason={props.busyReason ?? (props.saved ? undefined : t('toolbar.alreadyDefault'))}
          onClick={props.onRestoreDefaults}
        >
          {t('toolbar.restoreDefaults')}
        </Button>
        {props.zoomed ? (
          <Button onClick={props.onResetZoom}>{t('toolbar.resetZoom')}</Button>
        ) : (
          <span className="field-hint">{t('toolbar.zoomHint')}</span>
        )}
      </div>
    </div>
  );
}
