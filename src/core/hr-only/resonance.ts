/**
 * A resonance indicator from a heart-rate trace (no RR intervals), over a window of paced breathing.
 *
 * At the resonance frequency heart rate follows the paced breathing as one large, smooth wave (Vaschillo, Vaschillo
 * & Lehrer 2006, "Characteristics of resonance in heart rate variability stimulated by biofeedback", Applied
 * Psychophysiology and Biofeedback 31:129-142): the swing of each breath is at its largest and most of the heart
 * rate's variation sits at the breathing frequency. The indicator is that share: the power of the sinusoid at the
 * breathing rate fitted to the trace (the pacer's `fitAtRate`, pacer/response.ts) over the variance of the trace
 * about its linear trend on the same 4 Hz grid, 0..1. It is the heart-rate counterpart of the coherence ratio, the
 * power in the spectral peak over the total (McCraty, Atkinson, Tomasino & Bradley 2009, "The coherent heart",
 * Integral Review 5:10-115), read at the one frequency the pacer sets rather than searched for. With the swing
 * (swing.ts) beside it the person sees both how much and how cleanly heart rate follows the breath.
 *
 * No phase: a watch's heart rate lags the beats by its own averaging and processing, about 1-2 s (36-72° at 6/min,
 * smoothing.ts) and unknown for a given watch, and the pacer's criteria leave phase out for their own reasons.
 *
 * A watch's averaging takes away more of the faster, irregular variation than of the breathing wave, so on a
 * smoothed trace the share reads somewhat higher than it would from beats. It is not corrected: the size of that
 * effect depends on the spectrum of what was removed, which the trace no longer holds.
 */
import { interpolateLinear } from '../hrv/resample';
import { fitAtRate, type PacedBreath } from '../pacer/response';
import { NO_SMOOTHING, type DeviceSmoothing } from './smoothing';
import { meanSwing, traceSwings } from './swing';
import { plausibleTrace, type HeartRateTrace } from './trace';

export interface HeartRateResponse {
  /** Average peak-to-trough heart rate of the whole breaths in the window, bpm; null when none could be judged. */
  readonly swingBpm: number | null;
  /** Breaths that gave a swing. */
  readonly breaths: number;
  /** Share of the trace's variance at the breathing rate, 0..1: the resonance indicator. Null: not enough data. */
  readonly breathLockedShare: number | null;
}

/** A window needs at least this long and two whole breaths... */
const MIN_RESPONSE_WINDOW_S = 20;
/** ...and samples over this share of it (one a second expected). */
const MIN_WINDOW_COVERAGE = 0.6;
/** The grid the share is computed on, Hz (the pacer's fitting grid). */
const GRID_HZ = 4;

export const NO_RESPONSE: HeartRateResponse = { swingBpm: null, breaths: 0, breathLockedShare: null };

/** The response over [fromS, toS) to breathing at `rateBpm`: the swing of its whole breaths and the share. */
export function heartRateResponse(
  trace: HeartRateTrace,
  breaths: readonly PacedBreath[],
  fromS: number,
  toS: number,
  rateBpm: number,
  smoothing: DeviceSmoothing = NO_SMOOTHING,
): HeartRateResponse {
  const clean = plausibleTrace(trace);
  const whole = breaths.filter((b) => b.startS >= fromS && b.endS <= toS);
  const inside = clean.timeS.filter((t) => t >= fromS && t < toS).length;
  const durationS = toS - fromS;
  if (durationS < MIN_RESPONSE_WINDOW_S || whole.length < 2 || inside < MIN_WINDOW_COVERAGE * durationS)
    return NO_RESPONSE;
  const { swingBpm, breaths: judged } = meanSwing(traceSwings(clean, whole, smoothing));
  const fit = fitAtRate(clean.timeS, clean.hrBpm, fromS, toS, rateBpm);
  const variance = detrendedVariance(
    interpolateLinear(clean.timeS, clean.hrBpm, fromS, 1 / GRID_HZ, Math.floor(durationS * GRID_HZ)),
  );
  if (!fit) return { ...NO_RESPONSE, swingBpm, breaths: judged };
  return {
    swingBpm,
    breaths: judged,
    breathLockedShare: variance > 0 ? Math.min(1, fit.power / variance) : 0,
  };
}

/** Variance of evenly spaced values about their least-squares line. */
function detrendedVariance(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return 0;
  const mx = (n - 1) / 2;
  let my = 0;
  for (let k = 0; k < n; k += 1) my += values[k] as number;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  for (let k = 0; k < n; k += 1) {
    sxy += (k - mx) * ((values[k] as number) - my);
    sxx += (k - mx) ** 2;
  }
  const slope = sxy / sxx;
  let sum = 0;
  for (let k = 0; k < n; k += 1) sum += ((values[k] as number) - my - slope * (k - mx)) ** 2;
  return sum / n;
}
