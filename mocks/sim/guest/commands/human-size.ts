/** Sizes as coreutils and procps print them for people. */

const UNITS = ['', 'K', 'M', 'G', 'T', 'P'];

/**
 * df -h: powers of 1024, one decimal below 10, always rounded up (so a full disk never
 * looks less full), and no unit for bytes: "20G", "1.8G", "564K", "0".
 */
export function dfHuman(bytes: number): string {
  if (bytes <= 0) return '0';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return String(Math.ceil(value));
  if (value < 10) {
    const rounded = Math.ceil(value * 10) / 10;
    if (rounded < 10) return `${rounded.toFixed(1)}${UNITS[unit]}`;
    value = rounded;
  }
  const whole = Math.ceil(value);
  return whole >= 1024 && unit < UNITS.length - 1 ? `1.0${UNITS[unit + 1]}` : `${whole}${UNITS[unit]}`;
}

/** free -h: "3.8Gi", "486Mi", "0B". */
export function freeHuman(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)}B`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)}${UNITS[unit]}i`;
}
