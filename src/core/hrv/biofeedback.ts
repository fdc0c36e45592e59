import { notDefined, notEnough, ok, type Measure } from './measure';
import { detrend, interpolateLinear } from './resample';
import { isValidRr, median } from './series';
import { hann } from './welch';

/**
 * The measures resonance breathing is judged by, computed from beats and the paced breathing:
 * - per-breath peak-to-trough heart-rate amplitude (maximum minus minimum heart rate within each breath), the
 *   main criterion of resonance frequency assessment (Lehrer, Vaschillo & Vaschillo 2000; Shaffer & Meehan 2020;
 *   Fisher & Lehrer 2022);
 * - the phase between the heart-rate oscillation and breathing at the breathing frequency, near 0° at the
 *   resonance frequency (Vaschillo et al. 2002), from a least-squares sinusoid fit at that one frequency;
 * - LF power (0.04-0.15 Hz) and the height of the LF spectral peak of RR (Task Force of the ESC and NASPE 1996),
 *   from a Hann-windowed periodogram evaluated by a direct DFT on a fine frequency grid.
 * Beats are first cleaned once of ectopic and missed beats (see {@link cleanBeats}).
 */

/** A beat: the RR interval that ends at it and its time on the session clock. */
export interface TimedRr {
  readonly rrMs: number;
  readonly timeS: number;
}

/** A breath of the pacer: start and end on the session clock, seconds. */
export interface BreathSpan {
  readonly startS: number;
  readonly endS: number;
}

/** Cleaned heart-rate samples, one per kept interval, placed at the middle of its interval. */
export interface HeartRateSeries {
  readonly timeS: readonly number[];
  readonly hrBpm: readonly number[];
  readonly rrMs: readonly number[];
  /** Beats rejected as ectopic, missed or out of range. */
  readonly rejected: number;
}

/** Local median window for ectopic rejection, beats (odd). */
const MEDIAN_BEATS = 5;
/** Reject an RR this far (share) from the local median. */
const ECTOPIC_TOLERANCE = 0.2;
/** Sampling rate of evenly resampled series, Hz (Task Force 1996 practice: 4 Hz). */
const RESAMPLE_HZ = 4;
const LF_BAND_HZ = [0.04, 0.15] as const;

/**
 * Drops ectopic, compensatory and missed beats: an RR more than 20 % away from the median of the 5 beats around it
 * (itself and two on each side), or outside 250-3000 ms, is removed. This is the 20 % relative-deviation rule of
 * Malik et al. (1989), measured against a local median rather than the previous beat, as Lipponen & Tarvainen (2019)
 * compare against a median-filtered series, so that one premature beat cannot make its neighbour look abnormal. The
 * window is short (about 4 s) so the median follows the large, smooth swings of resonance breathing. Heart rate is
 * then interpolated across removed beats, never differenced across them.
 */
export function cleanBeats(beats: readonly TimedRr[]): HeartRateSeries {
  const timeS: number[] = [];
  const hrBpm: number[] = [];
  const rrMs: number[] = [];
  const half = (MEDIAN_BEATS - 1) / 2;
  for (let i = 0; i < beats.length; i += 1) {
    const beat = beats[i] as TimedRr;
    const around: number[] = [];
    for (let j = Math.max(0, i - half); j <= Math.min(beats.length - 1, i + half); j += 1) {
      around.push((beats[j] as TimedRr).rrMs);
    }
    const local = median(around);
    if (!isValidRr(beat.rrMs) || Math.abs(beat.rrMs - local) > ECTOPIC_TOLERANCE * local) continue;
    timeS.push(beat.timeS - beat.rrMs / 2000);
    hrBpm.push(60000 / beat.rrMs);
    rrMs.push(beat.rrMs);
  }
  return { timeS, hrBpm, rrMs, rejected: beats.length - rrMs.length };
}

/**
 * The HRV engine's verdicts as a cleaned series: the beats it labelled normal (`isNormal`), at the middle of their
 * intervals; the others counted as rejected. What the app uses wherever beats carry the engine's labels (a live
 * session, a stored one), so there is one artifact definition; {@link cleanBeats} is for beats without labels.
 */
export function labelledSeries<B extends TimedRr>(
  beats: readonly B[],
  isNormal: (beat: B) => boolean,
): HeartRateSeries {
  const timeS: number[] = [];
  const hrBpm: number[] = [];
  const rrMs: number[] = [];
  for (const b of beats) {
    if (!isNormal(b)) continue;
    timeS.push(b.timeS - b.rrMs / 2000);
    hrBpm.push(60000 / b.rrMs);
    rrMs.push(b.rrMs);
  }
  return { timeS, hrBpm, rrMs, rejected: beats.length - rrMs.length };
}

/**
 * Peak-to-trough heart-rate amplitude of each breath, bpm: the highest minus the lowest heart-rate sample within
 * the breath. A breath with fewer than 4 samples (beats lost or rejected) gives null.
 */
export function breathAmplitudesBpm(
  series: HeartRateSeries,
  breaths: readonly BreathSpan[],
): (number | null)[] {
  return breaths.map((b) => {
    let lo = Infinity;
    let hi = -Infinity;
    let n = 0;
    for (let i = 0; i < series.timeS.length; i += 1) {
      const t = series.timeS[i] as number;
      if (t < b.startS || t >= b.endS) continue;
      const hr = series.hrBpm[i] as number;
      lo = Math.min(lo, hr);
      hi = Math.max(hi, hr);
      n += 1;
    }
    return n >= 4 ? hi - lo : null;
  });
}

/** A sinusoid a·cos(ωt) + b·sin(ωt) fitted (with a mean and a linear trend) by least squares. */
export interface SineFit {
  /** Half the peak-to-trough swing of the fitted sinusoid, in the unit of the input. */
  readonly amplitude: number;
  /** Phase φ of A·cos(ωt − φ), radians: the sinusoid peaks at t = φ/ω. */
  readonly phaseRad: number;
}

/** Least-squares fit of mean + trend + sinusoid at `freqHz` to evenly sampled values (t = k / fsHz). */
export function fitSine(values: ArrayLike<number>, fsHz: number, freqHz: number): SineFit {
  const n = values.length;
  const w = 2 * Math.PI * freqHz;
  // Normal equations for columns [1, t, cos, sin]; t centred to keep them well conditioned.
  const ata = [0, 0, 0, 0].map(() => [0, 0, 0, 0]);
  const aty = [0, 0, 0, 0];
  const mid = (n - 1) / (2 * fsHz);
  for (let k = 0; k < n; k += 1) {
    const t = k / fsHz;
    const row = [1, t - mid, Math.cos(w * t), Math.sin(w * t)];
    const y = values[k] as number;
    for (let i = 0; i < 4; i += 1) {
      aty[i] = (aty[i] as number) + (row[i] as number) * y;
      for (let j = 0; j < 4; j += 1)
        (ata[i] as number[])[j] =
          ((ata[i] as number[])[j] as number) + (row[i] as number) * (row[j] as number);
    }
  }
  const [, , a, b] = solve4(ata, aty);
  return { amplitude: Math.hypot(a, b), phaseRad: Math.atan2(b, a) };
}

/** Gaussian elimination with partial pivoting for a 4×4 system. */
function solve4(m: number[][], v: number[]): [number, number, number, number] {
  const a = m.map((row, i) => [...row, v[i] as number]);
  for (let c = 0; c < 4; c += 1) {
    let p = c;
    for (let r = c + 1; r < 4; r += 1) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    const pivot = a[c]![c]! || 1e-12;
    for (let r = c + 1; r < 4; r += 1) {
      const f = a[r]![c]! / pivot;
      for (let k = c; k < 5; k += 1) a[r]![k] = a[r]![k]! - f * a[c]![k]!;
    }
  }
  const x = [0, 0, 0, 0];
  for (let r = 3; r >= 0; r -= 1) {
    let s = a[r]![4]!;
    for (let k = r + 1; k < 4; k += 1) s -= a[r]![k]! * x[k]!;
    x[r] = s / (a[r]![r]! || 1e-12);
  }
  return x as [number, number, number, number];
}

/** Wraps an angle in degrees to (−180, 180]. */
export function wrapDeg(deg: number): number {
  const d = ((deg % 360) + 360) % 360;
  return d > 180 ? d - 360 : d;
}

/** LF figures of an evenly sampled RR series, ms. */
export interface LfSpectrum {
  /** Power integrated over 0.04-0.15 Hz, ms². */
  readonly lfPowerMs2: number;
  /** Height of the highest point of the spectrum in the LF band, ms²/Hz. */
  readonly lfPeakMs2PerHz: number;
  readonly lfPeakHz: number;
}

/**
 * One-sided periodogram of a Hann-windowed, detrended series, evaluated by direct DFT every 0.0025 Hz over the LF
 * band: P(f) = 2·|Σ wₖ xₖ e^(−i2πfk/fs)|² / (fs·Σ wₖ²) (Welch 1967 normalisation, one segment).
 */
export function lfSpectrum(valuesMs: ArrayLike<number>, fsHz: number): LfSpectrum {
  const n = valuesMs.length;
  const detrended = detrend(valuesMs);
  const window = hann(n, 'symmetric');
  let wSq = 0;
  const x: number[] = [];
  for (let k = 0; k < n; k += 1) {
    const w = window[k] as number;
    wSq += w * w;
    x.push(w * (detrended[k] as number));
  }
  const dfHz = 0.0025;
  let lfPowerMs2 = 0;
  let lfPeakMs2PerHz = 0;
  let lfPeakHz: number = LF_BAND_HZ[0];
  for (let f = LF_BAND_HZ[0]; f <= LF_BAND_HZ[1] + 1e-9; f += dfHz) {
    let re = 0;
    let im = 0;
    const w = (2 * Math.PI * f) / fsHz;
    for (let k = 0; k < n; k += 1) {
      re += (x[k] as number) * Math.cos(w * k);
      im -= (x[k] as number) * Math.sin(w * k);
    }
    const p = (2 * (re * re + im * im)) / (fsHz * wSq);
    lfPowerMs2 += p * dfHz;
    if (p > lfPeakMs2PerHz) {
      lfPeakMs2PerHz = p;
      lfPeakHz = f;
    }
  }
  return { lfPowerMs2, lfPeakMs2PerHz, lfPeakHz };
}

/** The biofeedback response over a window of paced breathing. */
export interface BreathingResponse {
  /** Mean per-breath peak-to-trough heart-rate amplitude over the whole breaths in the window, bpm. */
  readonly amplitudeBpm: Measure;
  /** Phase of heart rate relative to lung volume at the breathing frequency, degrees; positive: heart rate leads. */
  readonly phaseDeg: Measure;
  readonly lfPowerMs2: Measure;
  readonly lfPeakMs2PerHz: Measure;
  /**
   * Share of the heart-rate variance in the window carried by the sinusoid at the breathing frequency, 0..1: near 1
   * when heart rate follows the paced breathing, low when it does not (then the phase means little).
   */
  readonly breathLockedShare: Measure;
  /** Share of beats in the window rejected as artifacts, 0..1. */
  readonly artifactShare: number;
}

/** A window needs at least this long, and at least two whole breaths, to be judged. */
const MIN_WINDOW_S = 20;

/**
 * The response over [fromS, toS): amplitude from the whole breaths inside it, phase from sinusoid fits of heart rate
 * and of lung volume (`volumeAt`, 0..1) at `breathHz`, LF figures from RR resampled at 4 Hz. The beats in the window
 * are cleaned by `clean`: {@link cleanBeats} unless the caller has the HRV engine's artifact labels (the live
 * session's worker passes those, so the app has one artifact definition).
 */
export function breathingResponse<B extends TimedRr>(
  beats: readonly B[],
  volumeAt: (timeS: number) => number,
  breaths: readonly BreathSpan[],
  fromS: number,
  toS: number,
  breathHz: number,
  clean: (beats: readonly B[]) => HeartRateSeries = cleanBeats,
): BreathingResponse {
  const inWindow = beats.filter((b) => b.timeS >= fromS && b.timeS < toS);
  const series = clean(inWindow);
  const count = Math.floor((toS - fromS) * RESAMPLE_HZ);
  const whole = breaths.filter((b) => b.startS >= fromS && b.endS <= toS);
  const durationS = toS - fromS;
  if (durationS < MIN_WINDOW_S || series.timeS.length < 10 || whole.length < 2) {
    const missing = notEnough(Math.max(0, durationS), MIN_WINDOW_S, 's');
    return {
      amplitudeBpm: missing,
      phaseDeg: missing,
      lfPowerMs2: missing,
      lfPeakMs2PerHz: missing,
      breathLockedShare: missing,
      artifactShare: inWindow.length ? series.rejected / inWindow.length : 0,
    };
  }
  const amps = breathAmplitudesBpm(series, whole).filter((a): a is number => a !== null);
  const hr = interpolateLinear(series.timeS, series.hrBpm, fromS, 1 / RESAMPLE_HZ, count);
  const rr = interpolateLinear(series.timeS, series.rrMs, fromS, 1 / RESAMPLE_HZ, count);
  const volume = Array.from({ length: count }, (_, k) => volumeAt(fromS + k / RESAMPLE_HZ));
  const hrFit = fitSine(hr, RESAMPLE_HZ, breathHz);
  const volFit = fitSine(volume, RESAMPLE_HZ, breathHz);
  const lf = lfSpectrum(rr, RESAMPLE_HZ);
  const meanHr = hr.reduce((a, b) => a + b, 0) / hr.length;
  const varianceHr = hr.reduce((a, b) => a + (b - meanHr) ** 2, 0) / hr.length;
  return {
    amplitudeBpm: amps.length ? ok(amps.reduce((s, a) => s + a, 0) / amps.length) : notDefined('no-breaths'),
    phaseDeg: ok(wrapDeg(((volFit.phaseRad - hrFit.phaseRad) * 180) / Math.PI)),
    lfPowerMs2: ok(lf.lfPowerMs2),
    lfPeakMs2PerHz: ok(lf.lfPeakMs2PerHz),
    breathLockedShare: ok(varianceHr > 0 ? Math.min(1, hrFit.amplitude ** 2 / 2 / varianceHr) : 0),
    artifactShare: series.rejected / inWindow.length,
  };
}
