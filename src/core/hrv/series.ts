/**
 * The NN series every analysis reads: normal-to-normal intervals with their beat times and, for each interval,
 * whether it directly follows the previous one. Differences are taken only between intervals that truly follow
 * each other, never across a gap or a removed beat.
 */

/** Physiological limits for a single RR interval (README of the HRV reference set). */
const MIN_RR_MS = 250;
const MAX_RR_MS = 3000;

export interface NnSeries {
  /** NN intervals, ms. */
  readonly nnMs: Float64Array;
  /** Time of the beat that ends each interval, s, on the recording's clock. */
  readonly timeS: Float64Array;
  /** 1 where interval i directly follows interval i-1, so `nnMs[i] - nnMs[i-1]` is a successive difference. */
  readonly follows: Uint8Array;
}

/** True when an RR value can be analysed at all: finite and within 250-3000 ms. */
export function isValidRr(rrMs: number): boolean {
  return Number.isFinite(rrMs) && rrMs >= MIN_RR_MS && rrMs <= MAX_RR_MS;
}

/**
 * Build the series from raw RR, dropping any invalid value (NaN, infinite, zero, negative, <250 or >3000 ms).
 * A dropped value breaks the succession: the next interval does not follow the one before the gap.
 * Beat times are the cumulative sum of the valid intervals, so a dropped interval does not shift later times by
 * an unknown amount.
 */
export function seriesFromRr(rrMs: ArrayLike<number>): NnSeries {
  const nn: number[] = [];
  const follows: number[] = [];
  let broken = false;
  for (let i = 0; i < rrMs.length; i += 1) {
    const rr = rrMs[i] ?? Number.NaN;
    if (!isValidRr(rr)) {
      broken = true;
      continue;
    }
    follows.push(nn.length > 0 && !broken ? 1 : 0);
    nn.push(rr);
    broken = false;
  }
  return withTimes(Float64Array.from(nn), Uint8Array.from(follows));
}

/** Attach beat times (cumulative sums, s) to intervals. */
export function withTimes(nnMs: Float64Array, follows: Uint8Array): NnSeries {
  const timeS = new Float64Array(nnMs.length);
  let t = 0;
  for (let i = 0; i < nnMs.length; i += 1) {
    t += (nnMs[i] ?? 0) / 1000;
    timeS[i] = t;
  }
  return { nnMs, timeS, follows };
}

/** Arithmetic mean; 0 for an empty array (callers check lengths first). */
export function mean(x: ArrayLike<number>, from = 0, to = x.length): number {
  let s = 0;
  for (let i = from; i < to; i += 1) s += x[i] ?? 0;
  return to > from ? s / (to - from) : 0;
}

/**
 * Sample standard deviation (ddof = 1), two-pass on values shifted by the first one, so a constant series gives
 * exactly 0 and large offsets (ms around 1000) cost no precision.
 */
export function sampleStd(x: ArrayLike<number>, from = 0, to = x.length): number {
  const n = to - from;
  if (n < 2) return 0;
  const shift = x[from] ?? 0;
  let s = 0;
  for (let i = from; i < to; i += 1) s += (x[i] ?? 0) - shift;
  const m = s / n;
  let ss = 0;
  for (let i = from; i < to; i += 1) {
    const d = (x[i] ?? 0) - shift - m;
    ss += d * d;
  }
  return Math.sqrt(ss / (n - 1));
}

/** Median of a copy (the input is not reordered). */
export function median(x: ArrayLike<number>): number {
  const s = Float64Array.from(x).sort();
  const n = s.length;
  if (n === 0) return 0;
  const h = n >> 1;
  return n % 2 === 1 ? (s[h] ?? 0) : ((s[h - 1] ?? 0) + (s[h] ?? 0)) / 2;
}

/** The successive differences of a series, only between intervals that follow each other, ms. */
export function successiveDiffs(series: NnSeries): Float64Array {
  const { nnMs, follows } = series;
  const out = new Float64Array(nnMs.length);
  let k = 0;
  for (let i = 1; i < nnMs.length; i += 1) {
    if (follows[i] === 1) out[k++] = (nnMs[i] ?? 0) - (nnMs[i - 1] ?? 0);
  }
  return out.subarray(0, k);
}
