/**
 * Decimal text for exported numbers: each at a fixed precision for its unit, never with binary floating-point noise
 * (a beat time summed from 0.1-ms intervals is 1859.3000000000002 ms, not 1859.3).
 *
 * - RR intervals (and anything else that must read back as the very same double) are written with `String(x)`, the
 *   shortest decimal that reads back as `x` (ECMAScript Number::toString). A stored RR is a strap's 1/1024 s count
 *   in ms or a decimal typed in a file, so its shortest text is that value itself, without noise.
 * - Times are written in seconds to the millisecond: the beat times are anchored to the page's clock (whose own
 *   resolution and jitter are coarser than that), so digits past the millisecond carry nothing but that noise. The
 *   text is the whole milliseconds with the decimal point moved three places left, read back by moving it back
 *   (`scaledDecimal`), so an exported time reads back as exactly its millisecond.
 * - Other figures to a number of decimals fit for their unit (`roundedText`).
 */

/** Shortest round-trip text of a number (no exponent for any RR or beat time). */
export function exactText(value: number): string {
  return String(value);
}

/** `value` to at most `digits` decimals, trailing zeros dropped ("5.8500000001", 2 -> "5.85"; "6.00" -> "6"). */
export function roundedText(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

/** A time in ms as seconds to the millisecond: 1859.3000000000002 -> "1.859", 2250 -> "2.25", 5 -> "0.005". */
export function msToSecondsText(ms: number): string {
  const wholeMs = Math.round(ms);
  const text = String(Math.abs(wholeMs));
  if (/e/i.test(text)) return String(wholeMs / 1000);
  const padded = text.padStart(4, '0');
  const head = padded.slice(0, -3).replace(/^0+(?=\d)/, '');
  const tail = padded.slice(-3).replace(/0+$/, '');
  return `${wholeMs < 0 ? '-' : ''}${head}${tail ? `.${tail}` : ''}`;
}

/** A decimal number's text times 10^places, rounded once (`"0.823"`, 3 -> 823). */
export function scaledDecimal(text: string, places: number): number {
  const match = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match) return Number.NaN;
  return Number(`${match[1] ?? ''}e${Number(match[2] ?? 0) + places}`);
}
