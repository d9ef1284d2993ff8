/** A value with its unit, as a tooltip, an axis or a caption shows it. */
import { formatSize } from '../../components/format/bytes';
import type { ValueKind } from './data-source-kinds';

/** Intl formatters are slow to build and a year of graphs formats thousands of values: one per language. */
const formatters = new Map<string, { percent: Intl.NumberFormat; number: Intl.NumberFormat }>();

function formattersFor(language: string) {
  let found = formatters.get(language);
  if (!found) {
    found = {
      percent: new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }),
      number: new Intl.NumberFormat(language, { maximumFractionDigits: 2 }),
    };
    formatters.set(language, found);
  }
  return found;
}

export function formatValue(kind: ValueKind, value: number, language: string): string {
  if (!Number.isFinite(value)) return '–';
  switch (kind) {
    case 'fraction':
      return formattersFor(language).percent.format(value);
    case 'bytes':
    case 'kib':
      return formatSize(value);
    case 'bytesPerSecond':
      return `${formatSize(value)}/s`;
    case 'number':
      return formattersFor(language).number.format(value);
  }
}
