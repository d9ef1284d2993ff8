/** Times for tooltips, captions and axis ticks, as fine as the data's step needs. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

function tickOptions(stepSeconds: number): Intl.DateTimeFormatOptions {
  if (stepSeconds < 60) return { hour: '2-digit', minute: '2-digit', second: '2-digit' };
  if (stepSeconds < 3_600) return { hour: '2-digit', minute: '2-digit' };
  if (stepSeconds < 86_400) return { weekday: 'short', hour: '2-digit', minute: '2-digit' };
  return { month: 'short', day: 'numeric' };
}

export function useTimeFormats(stepSeconds: number) {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const timeStyle = stepSeconds < 60 ? 'medium' : 'short';
    const full = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle });
    const tick = new Intl.DateTimeFormat(i18n.language, tickOptions(stepSeconds));
    return { formatTime: (ms: number) => full.format(ms), formatTick: (ms: number) => tick.format(ms) };
  }, [i18n.language, stepSeconds]);
}
