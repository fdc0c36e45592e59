/**
 * A heart-rate trace: heart rate as a watch broadcasting the standard Heart Rate service sends it without RR
 * intervals, about once a second, each value stamped with its arrival time. The values are the device's own
 * estimate (usually averaged over a few seconds), the times jitter with the radio, and samples go missing when
 * packets are lost or the link drops.
 */
import { isPlausibleHeartRate } from '../heart/limits';

export interface HeartRateTrace {
  /** Arrival time of each sample on the session clock, seconds, non-decreasing. */
  readonly timeS: readonly number[];
  /** Heart rate of each sample, bpm. */
  readonly hrBpm: readonly number[];
}

/** The samples of `trace` in [fromS, toS) whose heart rate is plausible (20-300 bpm), as parallel arrays. */
export function traceWindow(trace: HeartRateTrace, fromS: number, toS: number): { t: number[]; y: number[] } {
  const t: number[] = [];
  const y: number[] = [];
  const n = Math.min(trace.timeS.length, trace.hrBpm.length);
  for (let i = 0; i < n; i += 1) {
    const time = trace.timeS[i] as number;
    const hr = trace.hrBpm[i] as number;
    if (time >= fromS && time < toS && Number.isFinite(time) && isPlausibleHeartRate(hr)) {
      t.push(time);
      y.push(hr);
    }
  }
  return { t, y };
}

/** The longest stretch of [fromS, toS) without a sample, seconds (the whole span when there is none). */
export function longestHoleS(timesS: readonly number[], fromS: number, toS: number): number {
  let previous = fromS;
  let longest = 0;
  for (const time of timesS) {
    longest = Math.max(longest, time - previous);
    previous = time;
  }
  return Math.max(longest, toS - previous);
}

/** A sinusoid at a known frequency fitted with a mean and a linear trend. */
export interface SinusoidFit {
  /** Half the peak-to-trough swing of the fitted sinusoid, in the unit of the values. */
  readonly amplitude: number;
  /** Phase φ of amplitude·cos(2πf(t − t0) − φ), radians. */
  readonly phaseRad: number;
  /** Residual of each sample after the fit, in the unit of the values. */
  readonly residuals: number[];
  /** Variance of the values about the mean and trend alone (the part the sinusoid could explain), unit². */
  readonly detrendedVariance: number;
}

/**
 * Least-squares fit of c₀ + c₁(t − t̄) + a·cos(2πf(t − t0)) + b·sin(2πf(t − t0)) to samples at arbitrary times.
 * With uneven times this is the single-frequency model of the Lomb-Scargle periodogram with a floating mean
 * (Lomb 1976; Scargle 1982; Zechmeister & Kürster 2009, "The generalised Lomb-Scargle periodogram"), plus a trend
 * so a slow drift in heart rate is not read as part of the breath. Solved from the normal equations. Needs at least
 * five samples; null with fewer or when the times cannot determine the sinusoid.
 */
export function fitSinusoid(
  timesS: readonly number[],
  values: readonly number[],
  freqHz: number,
  t0S: number,
): SinusoidFit | null {
  const n = timesS.length;
  if (n < 5 || values.length !== n) return null;
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const tBar = mean(timesS);
  const w = 2 * Math.PI * freqHz;
  const rows = timesS.map((t) => [1, t - tBar, Math.cos(w * (t - t0S)), Math.sin(w * (t - t0S))]);
  const coef = leastSquares(rows, values);
  const trendOnly = leastSquares(
    rows.map((r) => r.slice(0, 2)),
    values,
  );
  if (!coef || !trendOnly) return null;
  const [c0, c1, a, b] = coef as [number, number, number, number];
  const [d0, d1] = trendOnly as [number, number];
  const residuals = rows.map(
    (r, i) =>
      (values[i] as number) - (c0 + c1 * (r[1] as number) + a * (r[2] as number) + b * (r[3] as number)),
  );
  const detrendedVariance =
    rows.reduce((s, r, i) => s + ((values[i] as number) - d0 - d1 * (r[1] as number)) ** 2, 0) / n;
  return { amplitude: Math.hypot(a, b), phaseRad: Math.atan2(b, a), residuals, detrendedVariance };
}

/**
 * Ordinary least squares by the normal equations (AᵀA)x = Aᵀy, Gaussian elimination with partial pivoting. Null
 * when AᵀA is singular (the columns are not independent at these times).
 */
function leastSquares(rows: readonly (readonly number[])[], y: readonly number[]): number[] | null {
  const k = rows[0]?.length ?? 0;
  const m: number[][] = Array.from({ length: k }, () => new Array<number>(k + 1).fill(0));
  rows.forEach((row, r) => {
    for (let i = 0; i < k; i += 1) {
      const mi = m[i] as number[];
      for (let j = 0; j < k; j += 1) mi[j] = (mi[j] as number) + (row[i] as number) * (row[j] as number);
      mi[k] = (mi[k] as number) + (row[i] as number) * (y[r] as number);
    }
  });
  const scale = Math.max(...m.map((row, i) => Math.abs(row[i] as number)), 1e-300);
  for (let c = 0; c < k; c += 1) {
    let p = c;
    for (let r = c + 1; r < k; r += 1)
      if (Math.abs((m[r] as number[])[c] as number) > Math.abs((m[p] as number[])[c] as number)) p = r;
    [m[c], m[p]] = [m[p] as number[], m[c] as number[]];
    const pivotRow = m[c] as number[];
    const pivot = pivotRow[c] as number;
    if (Math.abs(pivot) < 1e-10 * scale) return null;
    for (let r = c + 1; r < k; r += 1) {
      const row = m[r] as number[];
      const f = (row[c] as number) / pivot;
      for (let j = c; j <= k; j += 1) row[j] = (row[j] as number) - f * (pivotRow[j] as number);
    }
  }
  const x = new Array<number>(k).fill(0);
  for (let r = k - 1; r >= 0; r -= 1) {
    const row = m[r] as number[];
    let s = row[k] as number;
    for (let j = r + 1; j < k; j += 1) s -= (row[j] as number) * (x[j] as number);
    x[r] = s / (row[r] as number);
  }
  return x;
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
