/**
 * Time-domain HRV (Task Force of the ESC and NASPE 1996; definitions and conventions as the reference README of
 * the HRV set, matching NeuroKit2 `hrv_time` and hrv-analysis `get_time_domain_features`).
 */
import { notEnough, ok, type Measure } from './measure';
import { mean, median, sampleStd, successiveDiffs, type NnSeries } from './series';

export interface TimeDomain {
  readonly meanNnMs: Measure;
  readonly medianNnMs: Measure;
  /** Standard deviation of NN, ddof = 1. */
  readonly sdnnMs: Measure;
  /** Root mean square of successive differences. */
  readonly rmssdMs: Measure;
  /** Standard deviation of successive differences, ddof = 1 (NeuroKit2). */
  readonly sdsdMs: Measure;
  /** Share of successive differences above 50 ms, % of the differences (hrv-analysis, pyHRV). */
  readonly pnn50Pct: Measure;
  readonly pnn20Pct: Measure;
  /** Mean of the instantaneous heart rates 60000/NN (hrv-analysis, pyHRV). */
  readonly meanHrBpm: Measure;
  readonly minHrBpm: Measure;
  readonly maxHrBpm: Measure;
  /** HRV triangular index: NN count over the tallest bin of a 1/128 s histogram (NeuroKit2 binning). */
  readonly triangularIndex: Measure;
  /** Baevsky stress index, see `stressIndex`. */
  readonly stressIndex: Measure;
}

/** Intervals needed for any time-domain figure: two give a deviation, three give two differences. */
const TIME_DOMAIN_MIN_BEATS = 3;

export function timeDomain(series: NnSeries): TimeDomain {
  const nn = series.nnMs;
  const n = nn.length;
  const diffs = successiveDiffs(series);
  const need = (v: () => number, have: number, min: number): Measure =>
    have >= min ? ok(v()) : notEnough(have, min, 'beats');
  const beats = (v: () => number): Measure => need(v, n, TIME_DOMAIN_MIN_BEATS);
  const diffsMeasure = (v: () => number): Measure => need(v, diffs.length, 2);

  // Deviation-based
  const meanNnMs = beats(() => mean(nn));
  const medianNnMs = beats(() => median(nn));
  const sdnnMs = beats(() => sampleStd(nn));
  // Difference-based
  const rmssdMs = diffsMeasure(() => Math.sqrt(meanSquare(diffs)));
  const sdsdMs = diffsMeasure(() => sampleStd(diffs));
  const pnn50Pct = diffsMeasure(() => (100 * countAbove(diffs, 50)) / diffs.length);
  const pnn20Pct = diffsMeasure(() => (100 * countAbove(diffs, 20)) / diffs.length);
  // Heart rate
  const meanHrBpm = beats(() => meanHeartRate(nn));
  const minHrBpm = beats(() => 60_000 / extent(nn).max);
  const maxHrBpm = beats(() => 60_000 / extent(nn).min);
  // Geometric
  const triangularIndex = beats(() => triangularIndexOf(nn));
  const stressIndexMeasure = beats(() => stressIndex(nn));
  return {
    meanNnMs,
    medianNnMs,
    sdnnMs,
    rmssdMs,
    sdsdMs,
    pnn50Pct,
    pnn20Pct,
    meanHrBpm,
    minHrBpm,
    maxHrBpm,
    triangularIndex,
    stressIndex: stressIndexMeasure,
  };
}

/** Smallest and largest value, in one pass (no argument spreading, which fails on day-long recordings). */
function extent(x: Float64Array | Int32Array): { min: number; max: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of x) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

function meanSquare(x: Float64Array): number {
  let s = 0;
  for (const v of x) s += v * v;
  return s / x.length;
}

function countAbove(diffs: Float64Array, thresholdMs: number): number {
  let c = 0;
  for (const d of diffs) if (Math.abs(d) > thresholdMs) c += 1;
  return c;
}

function meanHeartRate(nn: Float64Array): number {
  let s = 0;
  for (const v of nn) s += 60_000 / v;
  return s / nn.length;
}

/**
 * Counts of a histogram whose bin edges are the multiples of `widthMs` (k * width, as numpy.histogram with
 * `bins = arange(0, max + width, width)`), starting at the bin that holds the smallest interval.
 */
function histogram(nn: Float64Array, widthMs: number): { counts: Int32Array; firstBin: number } {
  const { min, max } = extent(nn);
  const firstBin = Math.floor(min / widthMs);
  const lastBin = Math.floor(max / widthMs);
  const counts = new Int32Array(lastBin - firstBin + 1);
  for (const v of nn) {
    let k = Math.floor(v / widthMs);
    if (v < k * widthMs) k -= 1;
    if (v >= (k + 1) * widthMs) k += 1;
    const bin = Math.min(Math.max(k, firstBin), lastBin) - firstBin;
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return { counts, firstBin };
}

/**
 * HRV triangular index (Task Force 1996): NN count over the tallest bin of a histogram with 1/128 s bins whose
 * edges are multiples of 1/128 s, which is how NeuroKit2 0.2.12 bins (its values match this on every reference).
 */
function triangularIndexOf(nn: Float64Array): number {
  return nn.length / extent(histogram(nn, 1000 / 128).counts).max;
}

/**
 * Baevsky's stress index SI = AMo / (2 Mo MxDMn) (Baevsky & Chernikova 2017): a 50 ms histogram with bins at
 * multiples of 50 ms, Mo the modal bin's centre in s, AMo the share of intervals in it in %, MxDMn the NN range
 * in s. Kubios shows the square root of this value; this is Baevsky's original. For a series with no range
 * (all intervals equal) MxDMn is taken as one bin width, 0.05 s, so the index stays finite.
 */
function stressIndex(nn: Float64Array): number {
  const width = 50;
  const { counts, firstBin } = histogram(nn, width);
  let mode = 0;
  for (let k = 1; k < counts.length; k += 1) if ((counts[k] ?? 0) > (counts[mode] ?? 0)) mode = k;
  const moS = ((firstBin + mode + 0.5) * width) / 1000;
  const amoPct = (100 * (counts[mode] ?? 0)) / nn.length;
  const { min, max } = extent(nn);
  const rangeS = Math.max((max - min) / 1000, width / 1000);
  return amoPct / (2 * moS * rangeS);
}
