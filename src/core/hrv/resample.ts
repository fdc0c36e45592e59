/**
 * Even resampling of the uneven RR series for spectral analysis: linear interpolation of NN (ms) against beat
 * time (s), as scipy's `interp1d(kind='linear')` does in hrv-analysis and as the coherence specification asks.
 */

/**
 * Values of the piecewise-linear function through (timeS[i], valueMs[i]) at `count` times start + k * stepS.
 * Times outside the data take the nearest end value. Beat times must increase.
 */
export function interpolateLinear(
  timeS: ArrayLike<number>,
  valueMs: ArrayLike<number>,
  startS: number,
  stepS: number,
  count: number,
): Float64Array {
  const out = new Float64Array(Math.max(0, count));
  const n = timeS.length;
  if (n === 0) return out;
  let j = 0;
  for (let k = 0; k < out.length; k += 1) {
    const t = startS + k * stepS;
    while (j < n - 2 && (timeS[j + 1] ?? 0) < t) j += 1;
    const t0 = timeS[j] ?? 0;
    const t1 = timeS[Math.min(j + 1, n - 1)] ?? t0;
    const v0 = valueMs[j] ?? 0;
    const v1 = valueMs[Math.min(j + 1, n - 1)] ?? v0;
    if (t <= t0 || t1 === t0) out[k] = v0;
    else if (t >= t1) out[k] = v1;
    else out[k] = v0 + ((v1 - v0) * (t - t0)) / (t1 - t0);
  }
  return out;
}

/** Subtract the least-squares line from an evenly sampled signal (a copy). */
export function detrend(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const out = Float64Array.from(x);
  if (n < 2) return out.fill(0);
  const mt = (n - 1) / 2;
  let mx = 0;
  for (let i = 0; i < n; i += 1) mx += out[i]!;
  mx /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i += 1) {
    sxy += (i - mt) * (out[i]! - mx);
    sxx += (i - mt) ** 2;
  }
  const slope = sxy / sxx;
  for (let i = 0; i < n; i += 1) out[i] = out[i]! - mx - slope * (i - mt);
  return out;
}

/** Subtract the mean in place; returns the array. */
export function removeMean(x: Float64Array): Float64Array {
  let s = 0;
  for (const v of x) s += v;
  const m = x.length > 0 ? s / x.length : 0;
  for (let i = 0; i < x.length; i += 1) x[i] = (x[i] ?? 0) - m;
  return x;
}
