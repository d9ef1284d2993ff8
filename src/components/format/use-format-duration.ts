import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type DurationParts, significantUnits } from './duration';

const UNITS: (keyof DurationParts)[] = ['days', 'hours', 'minutes', 'seconds'];

/** A span in words, in the current language: "3 days, 4 hours" / "3 天 4 小时". */
export function useFormatDuration(): (ms: number) => string {
  const { t } = useTranslation('format');
  return useCallback(
    (ms: number) => {
      const parts = significantUnits(ms);
      return UNITS.filter((unit) => parts[unit] !== undefined)
        .map((unit) => t(unit, { count: parts[unit] }))
        .join(t('unitSeparator'));
    },
    [t],
  );
}
