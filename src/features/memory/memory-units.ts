/**
 * Memory sizes in the fields of the memory editors: MiB below 1 GiB and GiB from there,
 * as XenCenter's memory spinners show them, and what a person types parsed back into
 * bytes. XAPI takes bytes; the editors work in whole MiB, as XenCenter's do.
 */
export type MemoryUnit = 'MiB' | 'GiB';

export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;

const UNIT_BYTES: Record<MemoryUnit, number> = { MiB, GiB };

/** The unit a size reads best in. */
export const autoUnit = (bytes: number): MemoryUnit => (bytes >= GiB ? 'GiB' : 'MiB');

/**
 * The number for a field: whole MiB, or GiB with one decimal. A size one decimal cannot
 * hold (1.125 GiB after a slider step) keeps the decimals it needs, up to three, so the
 * field never shows a value other than the one that would be sent.
 */
export function formatInUnit(bytes: number, unit: MemoryUnit): string {
  if (unit === 'MiB') return String(Math.round(bytes / MiB));
  const gib = bytes / GiB;
  for (const decimals of [1, 2, 3]) {
    const text = gib.toFixed(decimals);
    if (Math.abs(Number(text) - gib) * GiB < MiB / 2) return text;
  }
  return gib.toFixed(3);
}

export type MemoryInputError = 'empty' | 'not-a-number' | 'not-positive';

export type ParsedMemory = { ok: true; bytes: number } | { ok: false; error: MemoryInputError };

const SUFFIXES: Record<string, MemoryUnit> = { m: 'MiB', mb: 'MiB', mib: 'MiB', g: 'GiB', gb: 'GiB', gib: 'GiB' };

/**
 * A size typed in a field, in `unit` unless the text names its own ("512 MiB", "2G").
 * A comma works as the decimal mark too. Rounded to whole MiB.
 */
export function parseMemory(text: string, unit: MemoryUnit): ParsedMemory {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'empty' };
  const match = /^([+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+))\s*([a-z]*)$/i.exec(trimmed);
  const suffix = match?.[2].toLowerCase() ?? '';
  if (!match || (suffix !== '' && !(suffix in SUFFIXES))) return { ok: false, error: 'not-a-number' };
  const number = Number(match[1].replace(',', '.'));
  const bytes = Math.round((number * UNIT_BYTES[suffix === '' ? unit : SUFFIXES[suffix]]) / MiB) * MiB;
  if (bytes <= 0) return { ok: false, error: 'not-positive' };
  return { ok: true, bytes };
}

/** A size with its unit, exact to the MiB ("1.125 GiB"), for rules and screen readers. */
export function memoryText(bytes: number): string {
  const unit = autoUnit(bytes);
  return `${formatInUnit(bytes, unit)} ${unit}`;
}

/**
 * The slider's step: a power of two MiB, up to 128 MiB, about an eighth of the static
 * maximum or less (XenCenter's memory spinners step the same way).
 */
export function sliderStepBytes(staticMaxBytes: number): number {
  let stepMiB = 1;
  while (stepMiB < staticMaxBytes / MiB / 8 && stepMiB < 128) stepMiB *= 2;
  return stepMiB * MiB;
}
