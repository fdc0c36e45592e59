/**
 * Lomb-Scargle periodogram of the uneven RR series (Lomb 1976; Scargle 1982), in the floating-mean form of
 * Zechmeister & Kürster (2009, A&A 496:577) that astropy's `LombScargle(t, y, normalization='psd')` computes
 * with fit_mean and center_data on and unit weights: power = N/2 * (YC^2/CC + YS^2/SS) at the time shift tau.
 *
 * The trigonometric sums over beats come from Press & Rybicki's (1989, ApJ 338:277) fast method, as astropy's
 * default 'fast' implementation: each beat's weight is spread onto a regular grid by 4-point Lagrange
 * extirpolation, and one FFT of 5x the frequency count (rounded up to a power of two) gives the sums at every
 * frequency, O(N log N) instead of O(N * frequencies).
 *
 * Frequencies follow astropy's `autopower(minimum_frequency, maximum_frequency)` as hrv-analysis calls it:
 * f0 = 0.003 Hz, step 1/(5 T) for a recording of T seconds, up to 0.4 Hz. To bound the cost on long recordings
 * the step is never finer than 1/(5 * 1200 s): recordings up to 20 minutes get astropy's exact grid.
 */
import { fft } from './fft';
import type { Spectrum } from './spectrum';

const LOMB_MIN_HZ = 0.003;
const LOMB_MAX_HZ = 0.4;
const SAMPLES_PER_PEAK = 5;
const LONGEST_EXACT_GRID_S = 1200;
const OVERSAMPLING = 5;
const LAGRANGE_POINTS = 4;

function lombFrequencies(baselineS: number): Float64Array {
  const df = 1 / (SAMPLES_PER_PEAK * Math.min(Math.max(baselineS, 1e-9), LONGEST_EXACT_GRID_S));
  const count = 1 + Math.round((LOMB_MAX_HZ - LOMB_MIN_HZ) / df);
  return Float64Array.from({ length: count }, (_, k) => LOMB_MIN_HZ + k * df);
}

/**
 * C_k = sum_i h_i cos(2 pi f_k t_i) and S_k = sum_i h_i sin(2 pi f_k t_i) for f_k = f0 + k df, k < nf
 * (times from 0), by extirpolation onto a grid and an FFT (Press & Rybicki 1989).
 */
function trigSums(
  t: Float64Array,
  h: Float64Array,
  f0: number,
  df: number,
  nf: number,
): { c: Float64Array; s: Float64Array } {
  let size = 1;
  while (size < nf * OVERSAMPLING) size <<= 1;
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  for (let i = 0; i < t.length; i += 1) {
    // The f0 part of the phase goes into a complex weight; the k df part is the grid position.
    const phase = 2 * Math.PI * f0 * t[i]!;
    const gRe = h[i]! * Math.cos(phase);
    const gIm = h[i]! * Math.sin(phase);
    const x = (t[i]! * size * df) % size;
    if (x % 1 === 0) {
      re[x] = re[x]! + gRe;
      im[x] = im[x]! + gIm;
      continue;
    }
    const lo = Math.min(Math.max(Math.trunc(x - LAGRANGE_POINTS / 2), 0), size - LAGRANGE_POINTS);
    let product = 1;
    for (let m = 0; m < LAGRANGE_POINTS; m += 1) product *= x - lo - m;
    // Lagrange basis weights for the nodes lo + 3, lo + 2, lo + 1, lo: denominators 6, -2, 2, -6.
    let denominator = 6;
    for (let j = 0; j < LAGRANGE_POINTS; j += 1) {
      if (j > 0) denominator *= j / (j - LAGRANGE_POINTS);
      const node = lo + (LAGRANGE_POINTS - 1 - j);
      const weight = product / (denominator * (x - node));
      re[node] = re[node]! + gRe * weight;
      im[node] = im[node]! + gIm * weight;
    }
  }
  // sum_m G[m] e^{+2 pi i k m / size} = conj(FFT(conj(G))).
  for (let m = 0; m < size; m += 1) im[m] = -im[m]!;
  fft(re, im);
  return { c: re.subarray(0, nf), s: im.subarray(0, nf).map((v) => -v) };
}

/** Lomb-Scargle PSD of values `yMs` at times `timeS` (s). */
export function lombScargle(timeS: Float64Array, yMs: Float64Array): Spectrum {
  const n = timeS.length;
  const t0 = timeS[0] ?? 0;
  const freqHz = lombFrequencies((timeS[n - 1] ?? 0) - t0);
  const nf = freqHz.length;
  const power = new Float64Array(nf);
  if (n < 3) return { freqHz, power };
  const f0 = freqHz[0]!;
  const df = nf > 1 ? freqHz[1]! - f0 : 0;
  let yMean = 0;
  for (const v of yMs) yMean += v;
  yMean /= n;
  const w = 1 / n;
  const t = new Float64Array(n);
  const wy = new Float64Array(n);
  const ww = new Float64Array(n).fill(w);
  for (let i = 0; i < n; i += 1) {
    t[i] = timeS[i]! - t0;
    wy[i] = w * (yMs[i]! - yMean);
  }
  const { c: ch, s: sh } = trigSums(t, wy, f0, df, nf);
  const { c: c2, s: s2 } = trigSums(t, ww, 2 * f0, 2 * df, nf);
  const { c: c1, s: s1 } = trigSums(t, ww, f0, df, nf);
  for (let k = 0; k < nf; k += 1) {
    const S = s1[k]!;
    const C = c1[k]!;
    const S2 = s2[k]!;
    const C2 = c2[k]!;
    // tan(2 w tau) with the mean floating, then the shifted sums by angle identities.
    const tan2 = (S2 - 2 * S * C) / (C2 - (C * C - S * S));
    const c2w = 1 / Math.sqrt(1 + tan2 * tan2);
    const s2w = tan2 * c2w;
    const cw = Math.sqrt(0.5 * (1 + c2w));
    const sw = Math.sign(s2w) * Math.sqrt(0.5 * (1 - c2w));
    const yc = ch[k]! * cw + sh[k]! * sw;
    const ys = sh[k]! * cw - ch[k]! * sw;
    const cc = 0.5 * (1 + C2 * c2w + S2 * s2w) - (C * cw + S * sw) ** 2;
    const ss = 0.5 * (1 - C2 * c2w - S2 * s2w) - (S * cw - C * sw) ** 2;
    power[k] = 0.5 * n * ((yc * yc) / cc + (ys * ys) / ss);
  }
  return { freqHz, power };
}
