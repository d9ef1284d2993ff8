/** A fraction as a percentage in the reader's language; a dash when there is no figure. */
export function formatPercent(fraction: number, language: string): string {
  if (!Number.isFinite(fraction)) return '–';
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}
