/**
 * Welch's averaged periodogram (Welch 1967, IEEE Trans. Audio Electroacoust. 15:70-73) exactly as hrv-analysis
 * 1.0.5 calls scipy.signal.welch (`hrvanalysis_welch_default` in the reference README): beats at cumulative
 * times from 0, NN linearly interpolated at 4 Hz on arange(0, t_end, 0.25), global mean removed; periodic Hann
 * segments of 256 samples (64 s) with 50 % overlap, each segment's own mean removed, zero-padded FFT of 4096,
 * density scaling 1/(fs * sum(w^2)), one-sided (doubled except DC and Nyquist), averaged by the mean.
 */
import { addPowerSpectra } from './fft';
import { interpolateLinear, removeMean } from './resample';
import type { Spectrum } from './spectrum';

export interface WelchOptions {
  readonly fsHz: number;
  readonly segment: number;
  readonly nfft: number;
}

export const HRVANALYSIS_WELCH: WelchOptions = { fsHz: 4, segment: 256, nfft: 4096 };

/** The evenly resampled, mean-removed tachogram: beat times shifted so the first beat is at 0. */
export function resampleTachogram(timeS: Float64Array, nnMs: Float64Array, fsHz: number): Float64Array {
  const t0 = timeS[0] ?? 0;
  const shifted = timeS.map((t) => t - t0);
  const tEnd = shifted[shifted.length - 1] ?? 0;
  const count = Math.max(0, Math.ceil(tEnd * fsHz - 1e-9));
  return removeMean(interpolateLinear(shifted, nnMs, 0, 1 / fsHz, count));
}

/** Welch PSD of an evenly sampled signal, ms^2/Hz. Shorter than one segment: a single segment of all of it. */
export function welchPsd(x: Float64Array, options: WelchOptions = HRVANALYSIS_WELCH): Spectrum {
  const { fsHz, nfft } = options;
  const segment = Math.min(options.segment, x.length);
  const bins = (nfft >> 1) + 1;
  const power = new Float64Array(bins);
  const freqHz = Float64Array.from({ length: bins }, (_, k) => (k * fsHz) / nfft);
  if (segment < 2) return { freqHz, power };
  const window = hann(segment);
  let windowEnergy = 0;
  for (const w of window) windowEnergy += w * w;
  const step = segment - (segment >> 1);
  const segments = Math.floor((x.length - segment) / step) + 1;
  const work = { re: new Float64Array(nfft), im: new Float64Array(nfft) };
  const a = new Float64Array(segment);
  const b = new Float64Array(segment);
  const none = new Float64Array(0);
  // Two segments per complex FFT (addPowerSpectra); an odd last segment goes alone.
  for (let s = 0; s < segments; s += 2) {
    taperedSegment(x, s * step, window, a);
    const paired = s + 1 < segments;
    if (paired) taperedSegment(x, (s + 1) * step, window, b);
    addPowerSpectra(a, paired ? b : none, nfft, work, power);
  }
  const scale = 1 / (fsHz * windowEnergy * segments);
  for (let k = 0; k < bins; k += 1) {
    const oneSided = k === 0 || (k === bins - 1 && nfft % 2 === 0) ? 1 : 2;
    power[k] = (power[k] ?? 0) * scale * oneSided;
  }
  return { freqHz, power };
}

/** One segment starting at `from`: its own mean removed (constant detrend), times the window, into `out`. */
function taperedSegment(x: Float64Array, from: number, window: Float64Array, out: Float64Array): void {
  const n = out.length;
  let m = 0;
  for (let i = 0; i < n; i += 1) m += x[from + i]!;
  m /= n;
  for (let i = 0; i < n; i += 1) out[i] = (x[from + i]! - m) * window[i]!;
}

/**
 * Hann window of n points (Blackman & Tukey 1958). Periodic, for segments of a spectral average
 * (scipy.signal.get_window('hann', n)): w(i) = 0.5 - 0.5 cos(2 pi i / n). Symmetric, for one whole series, zero at
 * both ends (scipy.signal.windows.hann(n, sym=True)): the same with n - 1 for n.
 */
export function hann(n: number, shape: 'periodic' | 'symmetric' = 'periodic'): Float64Array {
  const period = shape === 'periodic' ? n : Math.max(1, n - 1);
  return Float64Array.from({ length: n }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / period));
}
