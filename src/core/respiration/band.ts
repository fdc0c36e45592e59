/**
 * Signal tools shared by the breathing estimators: a zero-phase band-pass by FFT masking (after the linear detrend
 * of hrv/resample.ts), the dominant spectral peak of a band with its share of the band's power, and breath cycles
 * counted from extrema.
 */
import { fft } from '../hrv/fft';
import { detrend } from '../hrv/resample';
import { bandPower, type Spectrum } from '../hrv/spectrum';
import { welchPsd } from '../hrv/welch';

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p <<= 1;
  return p;
}

/**
 * Zero-phase band-pass of an evenly sampled signal: detrended, mirrored at both ends (so the edges do not ring),
 * transformed, multiplied by a mask that is 1 inside [loHz, hiHz] with raised-cosine skirts `edgeHz` wide, and
 * transformed back (the ideal-filter approach with tapered edges; Oppenheim & Schafer, Discrete-Time Signal
 * Processing, 3rd ed., 7.2).
 */
export function bandPass(x: ArrayLike<number>, fsHz: number, loHz: number, hiHz: number, edgeHz = 0.03) {
  const n = x.length;
  const d = detrend(x);
  if (n < 4) return d.fill(0);
  const size = nextPowerOfTwo(3 * n);
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  // [mirror of the start | signal | mirror of the end], zeros after.
  for (let i = 0; i < n; i += 1) {
    re[n + i] = d[i]!;
    re[n - 1 - i] = d[Math.min(n - 1, i + 1)]!;
    re[2 * n + i] = d[Math.max(0, n - 2 - i)]!;
  }
  fft(re, im);
  for (let k = 0; k <= size >> 1; k += 1) {
    const f = (k * fsHz) / size;
    const gain = maskGain(f, loHz, hiHz, edgeHz);
    re[k] = re[k]! * gain;
    im[k] = im[k]! * gain;
    if (k > 0 && k < size >> 1) {
      re[size - k] = re[size - k]! * gain;
      im[size - k] = im[size - k]! * gain;
    }
  }
  // Inverse by conjugation: ifft(X) = conj(fft(conj(X))) / N.
  for (let k = 0; k < size; k += 1) im[k] = -im[k]!;
  fft(re, im);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 1) out[i] = re[n + i]! / size;
  return out;
}

function maskGain(f: number, lo: number, hi: number, edge: number): number {
  if (f >= lo && f <= hi) return 1;
  const away = f < lo ? lo - f : f - hi;
  return away >= edge ? 0 : 0.5 + 0.5 * Math.cos((Math.PI * away) / edge);
}

export interface SpectralPeak {
  /** Frequency of the highest local maximum inside the band, parabolic-interpolated between bins, Hz. */
  readonly freqHz: number;
  /** Share of the band's power within `halfWidthHz` of the peak, 0..1: how much the band is one rhythm. */
  readonly purity: number;
}

/**
 * The dominant rhythm of a band: Welch PSD (Welch 1967) of the signal in segments of at most `segmentS`, its
 * highest local maximum strictly inside [loHz, hiHz] (a maximum at the edge is leakage from outside, not a rhythm
 * of the band), and the spectral purity of that peak. Null when the band holds no local maximum.
 */
export function spectralPeak(
  x: Float64Array,
  fsHz: number,
  loHz: number,
  hiHz: number,
  options: { segmentS?: number; halfWidthHz?: number } = {},
): SpectralPeak | null {
  const segment = Math.min(x.length, Math.round((options.segmentS ?? 64) * fsHz));
  if (segment < 8) return null;
  const nfft = Math.max(2048, nextPowerOfTwo(segment * 4));
  const s = welchPsd(x, { fsHz, segment, nfft });
  const best = highestLocalMax(s, loHz, hiHz);
  if (best === null) return null;
  const p0 = s.power[best - 1]!;
  const p1 = s.power[best]!;
  const p2 = s.power[best + 1]!;
  const denominator = p0 - 2 * p1 + p2;
  const shift = denominator < 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (p0 - p2)) / denominator)) : 0;
  const freqHz = ((best + shift) * fsHz) / nfft;
  const h = options.halfWidthHz ?? 0.03;
  const total = bandPower(s, loHz, hiHz);
  const near = bandPower(s, Math.max(loHz, freqHz - h), Math.min(hiHz, freqHz + h));
  return { freqHz, purity: total > 0 ? near / total : 0 };
}

function highestLocalMax(s: Spectrum, loHz: number, hiHz: number): number | null {
  let best: number | null = null;
  for (let k = 1; k < s.freqHz.length - 1; k += 1) {
    const f = s.freqHz[k]!;
    if (f <= loHz || f >= hiHz) continue;
    const p = s.power[k]!;
    if (p > s.power[k - 1]! && p >= s.power[k + 1]! && (best === null || p > s.power[best]!)) best = k;
  }
  return best;
}

/** One breath cycle found in a band-passed signal: from one maximum to the next, with the minimum between. */
export interface Cycle {
  /** Sample index of the maximum that starts the cycle, of the minimum inside it, and of the maximum ending it. */
  readonly startMax: number;
  readonly min: number;
  readonly endMax: number;
}

/**
 * Breath cycles by the "advanced counting" method of Schäfer & Kratky (2008, "Estimation of breathing rate from
 * respiratory sinus arrhythmia: comparison of various methods", Ann. Biomed. Eng. 36:476-485): the local extrema of
 * the band-passed signal; the vertical distances between successive extrema; while the smallest distance is below
 * 0.3 times their third quartile, that pair of extrema is removed; the cycles are then maximum-to-maximum.
 */
export function countCycles(x: Float64Array): Cycle[] {
  const extrema: number[] = [];
  for (let i = 1; i < x.length - 1; i += 1) {
    const rising = x[i]! > x[i - 1]! && x[i]! >= x[i + 1]!;
    const falling = x[i]! < x[i - 1]! && x[i]! <= x[i + 1]!;
    if (rising || falling) extrema.push(i);
  }
  if (extrema.length < 3) return [];
  const gaps = () => extrema.slice(1).map((e, k) => Math.abs(x[e]! - x[extrema[k]!]!));
  const q3 = quantile(gaps(), 0.75);
  const threshold = 0.3 * q3;
  for (;;) {
    const g = gaps();
    let smallest = -1;
    for (let k = 0; k < g.length; k += 1) if (smallest < 0 || g[k]! < g[smallest]!) smallest = k;
    if (smallest < 0 || g[smallest]! >= threshold || extrema.length < 3) break;
    extrema.splice(smallest, 2);
  }
  const cycles: Cycle[] = [];
  for (let k = 0; k + 2 < extrema.length; k += 1) {
    const a = extrema[k]!;
    const b = extrema[k + 1]!;
    const c = extrema[k + 2]!;
    if (x[a]! > x[b]! && x[c]! > x[b]!) cycles.push({ startMax: a, min: b, endMax: c });
  }
  return cycles;
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}
