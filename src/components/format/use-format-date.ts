import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** A moment as a date and time in the reader's language and time zone. */
export function useFormatDate(): (ms: number) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });
    return (ms: number) => format.format(ms);
  }, [i18n.language]);
}
