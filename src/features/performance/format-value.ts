/** A value with its unit, as a tooltip, an axis or a caption shows it. */
import { formatSize } from '../../components/format/bytes';
import type { ValueKind } from './data-source-kinds';

export function formatValue(kind: ValueKind, value: number, language: string): string {
  if (!Number.isFinite(value)) return '–';
  switch (kind) {
    case 'fraction':
      return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'bytes':
    case 'kib':
      return formatSize(value);
    case 'bytesPerSecond':
      return `${formatSize(value)}/s`;
    case 'number':
      return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
  }
}
