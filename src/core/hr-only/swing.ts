/**
 * The heart-rate swing of each paced breath from a heart-rate trace (no RR intervals).
 *
 * Resonance breathing is judged first by the peak-to-trough heart-rate amplitude of each breath, the highest minus
 * the lowest heart rate within the breath, averaged over breaths (Lehrer, Vaschillo & Vaschillo 2000, "Resonant
 * frequency biofeedback training to increase cardiac variability", Applied Psychophysiology and Biofeedback
 * 25:177-191; Shaffer & Meehan 2020). With beats that maximum and minimum are read off the beat-by-beat heart rate.
 * A watch gives one averaged value a second instead, and the plain maximum minus minimum of those values is biased
 * both ways: up by noise and the 1 bpm rounding (a maximum of noisy values overshoots) and down because 1 Hz
 * samples straddle the true peak and trough. So each breath's swing here is the peak-to-trough of the sinusoid at
 * the breath's own frequency fitted, with a mean and a trend, by least squares to the samples inside the breath at
 * their arrival times (the single-frequency Lomb-Scargle model, Zechmeister & Kürster 2009): 2·amplitude. For the
 * near-sinusoidal heart-rate wave of slow paced breathing (Vaschillo, Vaschillo & Lehrer 2006) this is the same
 * quantity as Lehrer's maximum minus minimum, it uses every sample rather than two, and uneven or missing samples
 * need no resampling. A sample far off the fit (more than 3.5 robust standard deviations, the modified z-score
 * rule of Iglewicz & Hoaglin 1993) is dropped once and the fit repeated, so one bad reading cannot make a swing.
 *
 * The watch's own averaging shrinks the swing (smoothing.ts); when the averaging is known the swing is divided by
 * the average's gain at the breath's frequency, otherwise it is reported as sent and reads low, by up to a third at
 * 6/min for a 5 s average.
 */
import { notEnough, ok, type Measure } from '../hrv/measure';
import { NO_SMOOTHING, smoothingGain, type DeviceSmoothing } from './smoothing';
import { fitSinusoid, longestHoleS, median, traceWindow, type HeartRateTrace } from './trace';

/** A breath of the pacer: start and end on the session clock, seconds. */
export interface BreathSpan {
  readonly startS: number;
  readonly endS: number;
}

export interface BreathSwing extends BreathSpan {
  /** Peak-to-trough heart rate of the breath, bpm; not-enough-data when too few samples fall inside it. */
  readonly swingBpm: Measure;
}

/** A breath needs samples over this share of its length (one a second expected) to be judged. */
export const MIN_COVERAGE = 0.6;
/** ...and no hole longer than this share of the breath (the peak or the trough could hide in it). */
export const MAX_HOLE_SHARE = 0.3;
/** Modified z-score beyond which a sample is an outlier (Iglewicz & Hoaglin 1993). */
const OUTLIER_Z = 3.5;

/** The swing of one breath; see the module comment. */
export function breathSwing(
  trace: HeartRateTrace,
  breath: BreathSpan,
  smoothing: DeviceSmoothing = NO_SMOOTHING,
): BreathSwing {
  const periodS = breath.endS - breath.startS;
  const { t, y } = traceWindow(trace, breath.startS, breath.endS);
  const need = Math.max(5, Math.ceil(MIN_COVERAGE * periodS));
  if (
    !(periodS > 0) ||
    t.length < need ||
    longestHoleS(t, breath.startS, breath.endS) > MAX_HOLE_SHARE * periodS
  )
    return { ...breath, swingBpm: notEnough(t.length, need, 's') };
  const freqHz = 1 / periodS;
  let fit = fitSinusoid(t, y, freqHz, breath.startS);
  if (fit) {
    const deviations = fit.residuals.map(Math.abs);
    const mad = median(deviations);
    const keep = deviations.map((d) => mad === 0 || (0.6745 * d) / mad <= OUTLIER_Z);
    if (keep.some((k) => !k) && keep.filter(Boolean).length >= need) {
      fit = fitSinusoid(
        t.filter((_, i) => keep[i]),
        y.filter((_, i) => keep[i]),
        freqHz,
        breath.startS,
      );
    }
  }
  if (!fit) return { ...breath, swingBpm: notEnough(t.length, need, 's') };
  return { ...breath, swingBpm: ok((2 * fit.amplitude) / smoothingGain(freqHz, smoothing)) };
}

/** The swing of each breath, in order. */
export function breathSwings(
  trace: HeartRateTrace,
  breaths: readonly BreathSpan[],
  smoothing: DeviceSmoothing = NO_SMOOTHING,
): BreathSwing[] {
  return breaths.map((b) => breathSwing(trace, b, smoothing));
}

/**
 * The mean swing over the breaths that could be judged (Lehrer et al. 2000 average the breaths of a step), bpm, with
 * the number of breaths used; null when none could be judged.
 */
export function meanSwing(swings: readonly BreathSwing[]): { swingBpm: number | null; breaths: number } {
  const values = swings.flatMap((s) => (s.swingBpm.status === 'ok' ? [s.swingBpm.value] : []));
  if (values.length === 0) return { swingBpm: null, breaths: 0 };
  return { swingBpm: values.reduce((a, b) => a + b, 0) / values.length, breaths: values.length };
}
