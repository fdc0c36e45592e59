/**
 * Lomb-Scargle periodogram of the uneven RR series (Lomb 1976; Scargle 1982), in the floating-mean form of
 * Zechmeister & Kürster (2009, A&A 496:577) that astropy's `LombScargle(t, y, normalization='psd')` computes
 * with fit_mean and center_data on and unit weights: power = N/2 * (YC^2/CC + YS^2/SS) with the time shift tau.
 *
 * Frequencies follow astropy's `autopower(minimum_frequency, maximum_frequency)` as hrv-analysis calls it:
 * f0 = 0.003 Hz, step 1/(5 T) for a recording of T seconds, up to 0.4 Hz. To bound the cost on long recordings
 * the step is never finer than 1/(5 * 600 s): recordings up to 10 minutes get astropy's exact grid.
 *
 * Sums run over beats with each frequency's sine and cosine stepped by a rotation (angle addition), so no
 * trigonometric call is made inside the beat-by-frequency loop.
 */
import type { Spectrum } from './spectrum';

export const LOMB_MIN_HZ = 0.003;
export const LOMB_MAX_HZ = 0.4;
const SAMPLES_PER_PEAK = 5;
const LONGEST_EXACT_GRID_S = 600;

export function lombFrequencies(baselineS: number): Float64Array {
  const df = 1 / (SAMPLES_PER_PEAK * Math.min(Math.max(baselineS, 1e-9), LONGEST_EXACT_GRID_S));
  const count = 1 + Math.round((LOMB_MAX_HZ - LOMB_MIN_HZ) / df);
  return Float64Array.from({ length: count }, (_, k) => LOMB_MIN_HZ + k * df);
}

/** Lomb-Scargle PSD of values `yMs` at times `timeS` (s). */
export function lombScargle(timeS: Float64Array, yMs: Float64Array): Spectrum {
  const n = timeS.length;
  const t0 = timeS[0] ?? 0;
  const freqHz = lombFrequencies((timeS[n - 1] ?? 0) - t0);
  const nf = freqHz.length;
  const power = new Float64Array(nf);
  if (n < 3) return { freqHz, power };
  const f0 = freqHz[0] ?? 0;
  const df = nf > 1 ? (freqHz[1] ?? 0) - f0 : 0;
  let yMean = 0;
  for (const v of yMs) yMean += v;
  yMean /= n;
  const w = 1 / n;
  // Weighted sums at each frequency: of y sin, y cos (Sh, Ch), sin, cos (S, C) and sin 2wt, cos 2wt (S2, C2).
  const sh = new Float64Array(nf);
  const ch = new Float64Array(nf);
  const s1 = new Float64Array(nf);
  const c1 = new Float64Array(nf);
  const s2 = new Float64Array(nf);
  const c2 = new Float64Array(nf);
  let yy = 0;
  for (let i = 0; i < n; i += 1) {
    const t = (timeS[i] ?? 0) - t0;
    const y = (yMs[i] ?? 0) - yMean;
    yy += w * y * y;
    let c = Math.cos(2 * Math.PI * f0 * t);
    let s = Math.sin(2 * Math.PI * f0 * t);
    const dc = Math.cos(2 * Math.PI * df * t);
    const ds = Math.sin(2 * Math.PI * df * t);
    const wy = w * y;
    for (let k = 0; k < nf; k += 1) {
      sh[k] = (sh[k] ?? 0) + wy * s;
      ch[k] = (ch[k] ?? 0) + wy * c;
      s1[k] = (s1[k] ?? 0) + w * s;
      c1[k] = (c1[k] ?? 0) + w * c;
      s2[k] = (s2[k] ?? 0) + w * 2 * s * c;
      c2[k] = (c2[k] ?? 0) + w * (c * c - s * s);
      const nc = c * dc - s * ds;
      s = s * dc + c * ds;
      c = nc;
    }
  }
  for (let k = 0; k < nf; k += 1) {
    const S = s1[k] ?? 0;
    const C = c1[k] ?? 0;
    const S2 = s2[k] ?? 0;
    const C2 = c2[k] ?? 0;
    // tan(2 w tau) with the mean floating, then the shifted sums by angle identities.
    const tan2 = (S2 - 2 * S * C) / (C2 - (C * C - S * S));
    const c2w = 1 / Math.sqrt(1 + tan2 * tan2);
    const s2w = tan2 * c2w;
    const cw = Math.sqrt(0.5 * (1 + c2w));
    const sw = Math.sign(s2w) * Math.sqrt(0.5 * (1 - c2w));
    const yc = (ch[k] ?? 0) * cw + (sh[k] ?? 0) * sw;
    const ys = (sh[k] ?? 0) * cw - (ch[k] ?? 0) * sw;
    const cc = 0.5 * (1 + C2 * c2w + S2 * s2w) - (C * cw + S * sw) ** 2;
    const ss = 0.5 * (1 - C2 * c2w - S2 * s2w) - (S * cw - C * sw) ** 2;
    power[k] = yy > 0 ? (0.5 * n * (yc * yc)) / cc + (0.5 * n * (ys * ys)) / ss : 0;
  }
  return { freqHz, power };
}
