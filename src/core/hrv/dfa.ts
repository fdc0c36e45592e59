/**
 * Detrended fluctuation analysis (Peng et al. 1995, Chaos 5:82): the mean-removed series is integrated; for each
 * window size n the integrated series is cut into windows of n beats, a least-squares line is removed from each,
 * and F(n) is the root mean square of the residuals over all windows; alpha is the least-squares slope of
 * log F(n) against log n. Short-term alpha1 over n = 4..16 beats and long-term alpha2 over 16..64 (Kubios,
 * PhysioNet), with windows overlapping by half as NeuroKit2 and nolds (`DFA_alpha1_4_16` in the reference set):
 * windows start at 0, n/2, n, ... while start < N - n, as nolds' `range(0, N - n, n // 2)` (so a window ending
 * exactly at the last beat is left out; this reproduces nolds to 1e-9 on every reference).
 *
 * Each window's residual sum of squares comes from prefix sums of y, y^2 and i*y in O(1), so a whole DFA costs
 * O(N * number of scales) rather than O(N * n) per scale.
 */
import { notDefined, notEnough, ok, type Measure } from './measure';

const DFA_ALPHA1_SCALES = [4, 16] as const;
const DFA_ALPHA2_SCALES = [16, 64] as const;
/** alpha2 is reported only from this many beats on (README of the reference set). */
const DFA_ALPHA2_MIN_BEATS = 256;

/** alpha over integer window sizes lo..hi, or not-enough-data when the series cannot give two windows of hi. */
function dfaAlpha(nnMs: ArrayLike<number>, lo: number, hi: number, minBeats = 2 * hi): Measure {
  const n = nnMs.length;
  if (n < minBeats) return notEnough(n, minBeats, 'beats');
  let mean = 0;
  for (let i = 0; i < n; i += 1) mean += nnMs[i] ?? 0;
  mean /= n;
  // Prefix sums of the profile y (cumulative sum of deviations), y^2 and i*y.
  const py = new Float64Array(n + 1);
  const pyy = new Float64Array(n + 1);
  const piy = new Float64Array(n + 1);
  let y = 0;
  for (let i = 0; i < n; i += 1) {
    y += (nnMs[i] ?? 0) - mean;
    py[i + 1] = (py[i] ?? 0) + y;
    pyy[i + 1] = (pyy[i] ?? 0) + y * y;
    piy[i + 1] = (piy[i] ?? 0) + i * y;
  }
  const logN: number[] = [];
  const logF: number[] = [];
  for (let size = lo; size <= hi; size += 1) {
    const step = Math.max(1, size >> 1);
    const sx = (size * (size - 1)) / 2;
    const sxxC = (size * (size * size - 1)) / 12;
    let rss = 0;
    let windows = 0;
    for (let start = 0; start + size < n; start += step) {
      const end = start + size;
      const sy = (py[end] ?? 0) - (py[start] ?? 0);
      const syy = (pyy[end] ?? 0) - (pyy[start] ?? 0);
      const sxy = (piy[end] ?? 0) - (piy[start] ?? 0) - start * sy;
      const syyC = syy - (sy * sy) / size;
      const sxyC = sxy - (sx * sy) / size;
      rss += Math.max(0, syyC - (sxyC * sxyC) / sxxC) / size;
      windows += 1;
    }
    const f = Math.sqrt(rss / windows);
    if (f > 0) {
      logN.push(Math.log(size));
      logF.push(Math.log(f));
    }
  }
  if (logN.length < 2) return notDefined('zero-spread');
  return ok(slope(logN, logF));
}

function slope(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i += 1) {
    sxy += ((x[i] ?? 0) - mx) * ((y[i] ?? 0) - my);
    sxx += ((x[i] ?? 0) - mx) ** 2;
  }
  return sxy / sxx;
}

export function dfaAlpha1(nnMs: ArrayLike<number>): Measure {
  return dfaAlpha(nnMs, ...DFA_ALPHA1_SCALES);
}

export function dfaAlpha2(nnMs: ArrayLike<number>): Measure {
  return dfaAlpha(nnMs, ...DFA_ALPHA2_SCALES, DFA_ALPHA2_MIN_BEATS);
}
