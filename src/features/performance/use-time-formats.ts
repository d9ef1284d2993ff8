/** Times for tooltips and captions, and axis ticks as fine as the range needs. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RangeId } from './time-ranges';

const TICKS: Record<RangeId, Intl.DateTimeFormatOptions> = {
  live: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
  hours: { hour: '2-digit', minute: '2-digit' },
  week: { weekday: 'short', hour: '2-digit', minute: '2-digit' },
  year: { month: 'short', day: 'numeric' },
};

export function useTimeFormats(range: RangeId) {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const full = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
    const tick = new Intl.DateTimeFormat(i18n.language, TICKS[range]);
    return { formatTime: (ms: number) => full.format(ms), formatTick: (ms: number) => tick.format(ms) };
  }, [i18n.language, range]);
}
