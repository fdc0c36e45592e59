/**
 * A resonance indicator from a heart-rate trace (no RR intervals), over a window of paced breathing.
 *
 * At the resonance frequency heart rate follows the paced breathing as one large, smooth wave (Vaschillo, Vaschillo
 * & Lehrer 2006, "Characteristics of resonance in heart rate variability stimulated by biofeedback", Applied
 * Psychophysiology and Biofeedback 31:129-142): the swing of each breath is at its largest and most of the heart
 * rate's variation sits at the breathing frequency. The indicator is that share: the variance of the sinusoid at the
 * breathing frequency fitted to the trace (with a mean and a trend, at the samples' arrival times; trace.ts) over
 * the variance of the trace about its trend, 0..1. It is the heart-rate counterpart of the coherence ratio, the
 * power in the spectral peak over the total (McCraty, Atkinson, Tomasino & Bradley 2009, "The coherent heart",
 * Integral Review 5:10-115), read at the one frequency the pacer sets rather than searched for. With the swing
 * (swing.ts) beside it, the person sees both how much and how cleanly heart rate follows the breath.
 *
 * The phase of heart rate against breathing, 0° at resonance for beat-to-beat heart rate (Vaschillo, Lehrer, Rishe &
 * Konstantinov 2002), is reported but left out of the indicator: a watch's heart rate lags the beats by its own
 * averaging and processing, about 1-2 s (36-72° at 6/min) and unknown for a given watch, so the phase cannot be
 * trusted without knowing the device. A known trailing average is corrected for (its delay, smoothing.ts).
 *
 * A watch's averaging also takes away more of the faster, irregular variation than of the breathing wave, so on a
 * smoothed trace the share reads somewhat higher than it would from beats. It is not corrected: the size of that
 * effect depends on the spectrum of what was removed, which the trace no longer holds.
 */
import { wrapDeg } from '../hrv/biofeedback';
import { NO_SMOOTHING, smoothingDelayS, type DeviceSmoothing } from './smoothing';
import { breathSwings, meanSwing, type BreathSpan } from './swing';
import { fitSinusoid, traceWindow, type HeartRateTrace } from './trace';

export interface HeartRateResponse {
  /** Mean peak-to-trough heart rate of the whole breaths in the window, bpm; null when none could be judged. */
  readonly swingBpm: number | null;
  /** Breaths that gave a swing. */
  readonly breaths: number;
  /** Share of the trace's variance at the breathing frequency, 0..1: the resonance indicator. Null: not enough data. */
  readonly breathLockedShare: number | null;
  /** Phase of heart rate against lung volume at the breathing frequency, degrees, positive when heart rate leads. */
  readonly phaseDeg: number | null;
}

/** A window needs at least this long and two whole breaths. */
export const MIN_RESPONSE_WINDOW_S = 20;
/** ...and samples over this share of it. */
const MIN_WINDOW_COVERAGE = 0.6;
/** Lung volume is sampled this often for its phase, Hz. */
const VOLUME_HZ = 4;

export const NO_RESPONSE: HeartRateResponse = {
  swingBpm: null,
  breaths: 0,
  breathLockedShare: null,
  phaseDeg: null,
};

/**
 * The response over [fromS, toS) to breathing at `breathHz`: swing of the whole breaths inside the window,
 * breath-locked share and phase over the whole window. `volumeAt` is the pacer's lung volume 0..1 at a session time.
 */
export function heartRateResponse(
  trace: HeartRateTrace,
  breaths: readonly BreathSpan[],
  volumeAt: (timeS: number) => number,
  fromS: number,
  toS: number,
  breathHz: number,
  smoothing: DeviceSmoothing = NO_SMOOTHING,
): HeartRateResponse {
  const whole = breaths.filter((b) => b.startS >= fromS && b.endS <= toS);
  const { t, y } = traceWindow(trace, fromS, toS);
  const durationS = toS - fromS;
  if (durationS < MIN_RESPONSE_WINDOW_S || whole.length < 2 || t.length < MIN_WINDOW_COVERAGE * durationS)
    return NO_RESPONSE;
  const { swingBpm, breaths: judged } = meanSwing(breathSwings(trace, whole, smoothing));
  const hrFit = fitSinusoid(t, y, breathHz, fromS);
  const volumeTimes = Array.from(
    { length: Math.floor(durationS * VOLUME_HZ) },
    (_, k) => fromS + k / VOLUME_HZ,
  );
  const volFit = fitSinusoid(volumeTimes, volumeTimes.map(volumeAt), breathHz, fromS);
  if (!hrFit || !volFit) return { ...NO_RESPONSE, swingBpm, breaths: judged };
  const share =
    hrFit.detrendedVariance > 0 ? Math.min(1, hrFit.amplitude ** 2 / 2 / hrFit.detrendedVariance) : 0;
  // The device's average delays heart rate by d seconds, adding 2πf·d to its measured phase.
  const hrPhaseRad = hrFit.phaseRad - 2 * Math.PI * breathHz * smoothingDelayS(smoothing);
  return {
    swingBpm,
    breaths: judged,
    breathLockedShare: share,
    phaseDeg: wrapDeg(((volFit.phaseRad - hrPhaseRad) * 180) / Math.PI),
  };
}
