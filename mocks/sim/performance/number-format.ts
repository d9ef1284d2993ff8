/**
 * Numbers as rrdd writes them (rrd_utils.ml f_to_s): C's "%0.15g", with zero as "0.0"
 * and NaN and the infinities spelled out. %g rounds to 15 significant digits, picks
 * exponent notation below 1e-4 and from 1e15, drops trailing zeros, and writes at
 * least two exponent digits. An export holds hundreds of thousands of numbers, so the
 * common case (plain notation) is done with integer arithmetic; its last digit may
 * round differently from C's in rare ties, which no reader can tell from the data.
 */

const PRECISION = 15;
const POWERS = Array.from({ length: 40 }, (_, i) => 10 ** (i - 20));
const pow10 = (n: number) => POWERS[n + 20];

function trimZeros(digits: string): string {
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
  return digits.slice(0, end);
}

/** With a decimal point, drop trailing zeros and then the point itself if nothing follows. */
function trimFraction(text: string): string {
  if (!text.includes('.')) return text;
  const trimmed = trimZeros(text);
  return trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed;
}

/** The exact way, for the edges: notation decided on the value correctly rounded to 15 digits. */
function exact(x: number): string {
  const [mantissa, exponentText] = x.toExponential(PRECISION - 1).split('e');
  const exponent = Number(exponentText);
  if (exponent >= -4 && exponent < PRECISION) return trimFraction(x.toFixed(PRECISION - 1 - exponent));
  const [whole, fraction] = mantissa.split('.');
  const kept = trimZeros(fraction);
  const sign = exponent < 0 ? '-' : '+';
  return `${kept === '' ? whole : `${whole}.${kept}`}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/** The 15 digits of `digits` (an integer from 1e14 up to 1e15), from two small integers, which print fast. */
function fifteenDigits(digits: number): string {
  const high = Math.floor(digits / 1e8);
  const low = digits - high * 1e8;
  const lowText = String(low);
  return `${high}${'00000000'.slice(lowText.length)}${lowText}`;
}

/** 1e-4 ≤ |x| < 1e15, not an integer: the 15 significant digits, placed around the decimal point. */
function plain(x: number): string {
  const abs = Math.abs(x);
  let exponent = Math.floor(Math.log10(abs));
  let digits = Math.round(abs * pow10(PRECISION - 1 - exponent));
  // log10 can land one off near powers of ten, and rounding can carry into a 16th digit.
  if (digits >= 1e15) digits = Math.round(abs * pow10(PRECISION - 1 - ++exponent));
  else if (digits < 1e14) digits = Math.round(abs * pow10(PRECISION - 1 - --exponent));
  if (exponent >= PRECISION || exponent < -4) return exact(x);
  const text = fifteenDigits(digits);
  const sign = x < 0 ? '-' : '';
  if (exponent >= 0) {
    const fraction = trimZeros(text.slice(exponent + 1));
    return fraction === ''
      ? `${sign}${text.slice(0, exponent + 1)}`
      : `${sign}${text.slice(0, exponent + 1)}.${fraction}`;
  }
  return `${sign}0.${'000'.slice(0, -exponent - 1)}${trimZeros(text)}`;
}

export function formatRrdValue(x: number): string {
  if (x === 0) return '0.0';
  if (Number.isNaN(x)) return 'NaN';
  if (x === Number.POSITIVE_INFINITY) return 'Infinity';
  if (x === Number.NEGATIVE_INFINITY) return '-Infinity';
  const abs = Math.abs(x);
  if (abs >= 1e15 || abs < 1e-4) return exact(x);
  return Number.isInteger(x) ? String(x) : plain(x);
}
