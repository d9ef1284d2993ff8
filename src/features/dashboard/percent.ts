/** A fraction as a percentage in the reader's language; a dash when there is no figure. */
const formats = new Map<string, Intl.NumberFormat>();

export function formatPercent(fraction: number, language: string): string {
  if (!Number.isFinite(fraction)) return '–';
  let format = formats.get(language);
  if (!format) {
    // Building one is slow, and a big pool's dashboard shows hundreds of percentages.
    format = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
    formats.set(language, format);
  }
  return format.format(fraction);
}
