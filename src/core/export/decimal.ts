/**
 * Exact decimal text for exported numbers, so that every export reads back to the very same doubles.
 *
 * `String(x)` is the shortest decimal that reads back as `x` (ECMAScript Number::toString), so RR intervals are
 * written with it. Seconds are written by moving the decimal point of the millisecond text three places left,
 * and read by moving it back (`Number("1.2345e3")` rounds the decimal once, exactly as `Number("1234.5")`), so a
 * time survives ms -> s -> ms unchanged, where `ms / 1000 * 1000` would not.
 */

/** Shortest round-trip text of a number (no exponent for any RR or beat time). */
export function exactText(value: number): string {
  return String(value);
}

/** Milliseconds as seconds text whose digits are exactly those of `String(ms)`, point moved three left. */
export function msToSecondsText(ms: number): string {
  const text = String(ms);
  if (/e/i.test(text)) return String(ms / 1000);
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  const [whole = '0', fraction = ''] = digits.split('.');
  const padded = whole.padStart(4, '0');
  const head = padded.slice(0, -3).replace(/^0+(?=\d)/, '');
  const tail = (padded.slice(-3) + fraction).replace(/0+$/, '');
  return `${negative ? '-' : ''}${head}${tail ? `.${tail}` : ''}`;
}

/** A decimal number's text times 10^places, rounded once (`"0.823"`, 3 -> 823). */
export function scaledDecimal(text: string, places: number): number {
  const match = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match) return Number.NaN;
  return Number(`${match[1] ?? ''}e${Number(match[2] ?? 0) + places}`);
}
