/**
 * How many seconds a watch averages its heart rate over, read from the heart-rate series it sent. A watch does not
 * say how it smooths, but its trailing M-point moving average leaves a fingerprint in the series' spectrum: it
 * multiplies the spectrum of the beat-level variation by |H_M(f)|² = (sin(πfM) / (M·sin(πf)))² (smoothing.ts), which
 * falls to zero at f = 1/M, 2/M, ... Hz (a 5 s average has zeros at 0.2 and 0.4 Hz, a 3 s one at 0.33 Hz), while the
 * rounding to whole bpm, done after the average, adds a flat floor. Above the breathing band (>= 0.15 Hz) the
 * variation the watch averages (beat-to-beat noise, ectopic and irregular beats, and the aliasing of reading a
 * beat-to-beat heart rate once a second) is broadband but not quite white, so the series' spectrum there is taken as
 * a·e^(c·f)·|H_M(f)|² + b for the watch's M: a smooth log-linear slope c under the average's zeros, which the slope
 * cannot imitate.
 *
 * The estimate: the series placed on its one-second grid, differenced twice (which damps the breathing wave and
 * slow drift by (2·sin(πf))⁴, so they leak less into the band), its spectrum estimated by Welch's method (Welch
 * 1967: 64 s Hann-windowed segments overlapping by half, averaged), and the model fitted for each M of 1-8 (and each
 * slope c of a grid) by maximum Whittle likelihood (Whittle 1953: each averaged periodogram ordinate is its spectrum
 * times an independent Gamma variate; fitted by Fisher scoring, i.e. least squares reweighted by the model's
 * spectrum), with a and b held >= 0. The
 * M chosen is the likeliest after Akaike's penalty of one parameter (Akaike 1974) for the averages of two seconds
 * or more, whose model has the floor besides, held to a stricter threshold ({@link MIN_EVIDENCE}) unless the series
 * varies above the breathing band too little for an unaveraged one. Without at least four segments, or when
 * nothing above the breathing band tells the averages apart, there is no estimate.
 */
import { smoothingGain, type DeviceSmoothing } from './smoothing';
import { plausibleTrace, secondSlots, type HeartRateTrace } from './trace';

/** Longest average considered, seconds. */
const MAX_WINDOW_S = 8;
/** Welch segment length, samples (seconds). */
const SEGMENT = 64;
/** Lowest frequency fitted, Hz: above the breathing rates the pacer uses (up to 7/min, 0.12 Hz). */
const LOWEST_HZ = 0.15;
/**
 * Slopes of the log spectrum of the averaged variation tried, per Hz (about its value at {@link SLOPE_CENTRE_HZ}):
 * up to a factor of about 3 across the band either way (steeper, a slope would imitate a 2 s average's roll-off).
 */
const SLOPES = [-6, -3, 0, 3, 6];
const SLOPE_CENTRE_HZ = 0.3;
/** Fewest segments for an estimate. */
const MIN_SEGMENTS = 4;
/** A segment with more of its differences missing than this share is left out. */
const MAX_MISSING_SHARE = 0.2;
/** Longest run of missing seconds filled by linear interpolation before differencing. */
const MAX_FILLED_S = 2;
/**
 * How much likelier, as segments × the drop in Whittle deviance (half the log-likelihood ratio), the best average of
 * two seconds or more must make the series than no average. Far above Akaike's 1: neighbouring ordinates of
 * half-overlapping Hann segments are correlated, so the deviance over-counts the evidence, and the best of seven
 * averages is chosen. Set on simulated series (the assessments of 60 model people per physiology model, 0.3-0.6 s
 * jitter, 2-10 % lost): an unaveraged watch then reads as averaged in 1-4 % of them.
 */
const MIN_EVIDENCE = 12;
/** Variance of the rounding to whole bpm, bpm² (uniform over one bpm). */
const ROUNDING_VARIANCE = 1 / 12;
/** An unaveraged series counts as such only when it varies this many times more than its rounding. */
const MIN_VARIANCE_OVER_ROUNDING = 3;

/**
 * The trace's plausible values on its one-second grid ({@link secondSlots}; null where a second's sample is
 * missing, the first of two in one second kept).
 */
export function onSecondGrid(trace: HeartRateTrace): (number | null)[] {
  const { timeS, hrBpm } = plausibleTrace(trace);
  if (timeS.length < 2) return [];
  const slot = secondSlots(timeS);
  const first = slot[0] as number;
  const grid = new Array<number | null>((slot[slot.length - 1] as number) - first + 1).fill(null);
  slot.forEach((k, i) => {
    if (grid[k - first] === null) grid[k - first] = hrBpm[i] as number;
  });
  return grid;
}

/** The device's averaging as read from its series (see the module comment); null when the series cannot say. */
export function estimateSmoothing(trace: HeartRateTrace): DeviceSmoothing | null {
  const spectrum = differencedSpectrum(fillShortGaps(onSecondGrid(trace)));
  if (spectrum === null) return null;
  const { freqHz, power, segments } = spectrum;
  const diff = freqHz.map((f) => 16 * Math.sin(Math.PI * f) ** 4);
  const fits = Array.from({ length: MAX_WINDOW_S }, (_, i) => {
    const windowS = i + 1;
    const tilted = SLOPES.map((slope) => {
      const shaped = freqHz.map(
        (f, k) =>
          (diff[k] as number) * smoothingGain(f, { windowS }) ** 2 * Math.exp(slope * (f - SLOPE_CENTRE_HZ)),
      );
      return whittleFit(power, shaped, windowS === 1 ? null : diff);
    });
    return { windowS, ...tilted.reduce((a, b) => (b.deviance < a.deviance ? b : a)) };
  });
  const none = fits[0] as (typeof fits)[number];
  const averaged = fits.slice(1).reduce((a, b) => (b.deviance < a.deviance ? b : a));
  const evidence = segments * (none.deviance - averaged.deviance);
  if (evidence > MIN_EVIDENCE) return { windowS: averaged.windowS };
  if (none.level >= MIN_VARIANCE_OVER_ROUNDING * ROUNDING_VARIANCE) return { windowS: 1 };
  // Too little variation above breathing for an unaveraged series: the averaged fit if Akaike prefers it.
  return evidence > 1 ? { windowS: averaged.windowS } : null;
}

/** Runs of up to {@link MAX_FILLED_S} missing seconds between two samples filled by linear interpolation. */
function fillShortGaps(grid: readonly (number | null)[]): (number | null)[] {
  const out = [...grid];
  for (let i = 1; i < out.length; i += 1) {
    if (out[i] !== null) continue;
    let j = i;
    while (j < out.length && out[j] === null) j += 1;
    const before = out[i - 1];
    const after = out[j];
    if (
      j - i <= MAX_FILLED_S &&
      before !== null &&
      before !== undefined &&
      after !== null &&
      after !== undefined
    ) {
      for (let k = i; k < j; k += 1) out[k] = before + ((after - before) * (k - i + 1)) / (j - i + 1);
    }
    i = j;
  }
  return out;
}

/**
 * Welch's averaged periodogram of the series' second differences (only across three present seconds; a missing
 * one is the segment's mean), at the frequencies from {@link LOWEST_HZ} to 0.5 Hz; null with fewer than
 * {@link MIN_SEGMENTS} usable segments.
 */
function differencedSpectrum(
  grid: readonly (number | null)[],
): { freqHz: number[]; power: number[]; segments: number } | null {
  const d = grid.map((v, i) => {
    const a = grid[i - 1];
    const b = grid[i - 2];
    return i > 1 && v !== null && a !== null && a !== undefined && b !== null && b !== undefined
      ? v - 2 * a + b
      : null;
  });
  const window = Array.from(
    { length: SEGMENT },
    (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (SEGMENT - 1)),
  );
  const norm = window.reduce((s, w) => s + w * w, 0);
  const first = Math.ceil(LOWEST_HZ * SEGMENT);
  const bins = SEGMENT / 2 - first + 1;
  const power = new Array<number>(bins).fill(0);
  const cos = Array.from({ length: bins }, (_, b) =>
    Array.from({ length: SEGMENT }, (_, i) => Math.cos((2 * Math.PI * (first + b) * i) / SEGMENT)),
  );
  const sin = Array.from({ length: bins }, (_, b) =>
    Array.from({ length: SEGMENT }, (_, i) => Math.sin((2 * Math.PI * (first + b) * i) / SEGMENT)),
  );
  let segments = 0;
  for (let start = 0; start + SEGMENT <= d.length; start += SEGMENT / 2) {
    const part = d.slice(start, start + SEGMENT);
    const present = part.filter((v): v is number => v !== null);
    if (present.length < SEGMENT * (1 - MAX_MISSING_SHARE)) continue;
    const mean = present.reduce((s, v) => s + v, 0) / present.length;
    const x = part.map((v, i) => ((v ?? mean) - mean) * (window[i] as number));
    for (let b = 0; b < bins; b += 1) {
      const c = cos[b] as number[];
      const s = sin[b] as number[];
      let re = 0;
      let im = 0;
      for (let i = 0; i < SEGMENT; i += 1) {
        re += (x[i] as number) * (c[i] as number);
        im -= (x[i] as number) * (s[i] as number);
      }
      power[b] = (power[b] as number) + (re * re + im * im) / norm;
    }
    segments += 1;
  }
  if (segments < MIN_SEGMENTS) return null;
  return {
    freqHz: power.map((_, b) => (first + b) / SEGMENT),
    power: power.map((p) => p / segments),
    segments,
  };
}

/**
 * Maximum Whittle likelihood of the spectrum a·shaped + b·floor (b = 0 without a floor), a, b >= 0, by Fisher
 * scoring: least squares of the periodogram on the two shapes, weighted by the current model spectrum to the −2.
 * Returns the Whittle deviance Σ (I/S − log(I/S) − 1) and the level a.
 */
function whittleFit(
  power: readonly number[],
  shaped: readonly number[],
  floor: readonly number[] | null,
): { deviance: number; level: number } {
  let a = Math.max(
    1e-9,
    power.reduce((s, p) => s + p, 0) /
      Math.max(
        1e-12,
        shaped.reduce((s, g) => s + g, 0),
      ),
  );
  let b = 0;
  const model = (i: number) => Math.max(1e-12, a * (shaped[i] as number) + b * (floor?.[i] ?? 0));
  for (let iteration = 0; iteration < 30; iteration += 1) {
    let s11 = 0;
    let s12 = 0;
    let s22 = 0;
    let t1 = 0;
    let t2 = 0;
    power.forEach((p, i) => {
      const w = 1 / model(i) ** 2;
      const g = shaped[i] as number;
      const h = floor?.[i] ?? 0;
      s11 += w * g * g;
      s12 += w * g * h;
      s22 += w * h * h;
      t1 += w * g * p;
      t2 += w * h * p;
    });
    const det = s11 * s22 - s12 * s12;
    if (floor === null || det <= 1e-12 * s11 * s22) {
      a = t1 / s11;
      b = 0;
      continue;
    }
    a = (t1 * s22 - t2 * s12) / det;
    b = (s11 * t2 - s12 * t1) / det;
    if (a < 0) [a, b] = [0, t2 / s22];
    if (b < 0) [a, b] = [t1 / s11, 0];
  }
  const deviance = power.reduce((s, p, i) => {
    const r = p / model(i);
    return s + r - Math.log(Math.max(1e-12, r)) - 1;
  }, 0);
  return { deviance, level: a };
}
