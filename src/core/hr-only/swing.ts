/**
 * The heart-rate swing of each paced breath from a heart-rate trace (no RR intervals).
 *
 * Resonance breathing is judged first by the peak-to-trough heart-rate amplitude of each breath, the highest minus
 * the lowest heart rate within the breath, averaged over breaths (Lehrer, Vaschillo & Vaschillo 2000, "Resonant
 * frequency biofeedback training to increase cardiac variability", Applied Psychophysiology and Biofeedback
 * 25:177-191; Shaffer & Meehan 2020). With beats that maximum and minimum are read off the beat-by-beat heart rate.
 * A watch gives one averaged value a second instead, and the plain maximum minus minimum of those values is biased
 * both ways: up by noise and the 1 bpm rounding (a maximum of noisy values overshoots) and down because 1 Hz
 * samples straddle the true peak and trough. So the swing is the pacer's per-breath swing (pacer/response.ts): the
 * peak-to-trough of the sinusoid at the breath's own frequency fitted, with a mean and a trend, to the samples of
 * the breath, which for the near-sinusoidal heart-rate wave of slow paced breathing (Vaschillo, Vaschillo & Lehrer
 * 2006) is Lehrer's maximum minus minimum read through its fundamental. Breaths are averaged with the pacer's
 * interquartile mean, so one bad reading or a sigh moves the average no more than an ordinary breath.
 *
 * What this module adds for watches: impossible values are dropped first; the fit's linear interpolation between
 * samples a second apart, which shaves the peaks (3 % at 6/min), is divided out; and so is the watch's own
 * averaging, which shrinks the swing (smoothing.ts), when it is known, each at the breath's own frequency. When the
 * averaging is not known the swing is reported as sent and reads low, by up to a third at 6/min for a 5 s average.
 */
import { breathSwings, robustMean, type BreathSwing, type PacedBreath } from '../pacer/response';
import { interpolationGain, NO_SMOOTHING, smoothingGain, type DeviceSmoothing } from './smoothing';
import { plausibleTrace, type HeartRateTrace } from './trace';

export type { BreathSwing, PacedBreath };

/**
 * The swing of each breath, in order, corrected for a known device average (`swingBpm` null: too few samples);
 * `windowBreaths` as for the pacer's swings (each fitted over it and the breaths just before it).
 */
export function traceSwings(
  trace: HeartRateTrace,
  breaths: readonly PacedBreath[],
  smoothing: DeviceSmoothing = NO_SMOOTHING,
  windowBreaths = 1,
): BreathSwing[] {
  return breathSwings(plausibleTrace(trace), breaths, windowBreaths).map((s) => {
    if (s.swingBpm === null) return s;
    const freqHz = s.rateBpm / 60;
    return { ...s, swingBpm: s.swingBpm / (smoothingGain(freqHz, smoothing) * interpolationGain(freqHz)) };
  });
}

/**
 * The average swing over the breaths that could be judged (the interquartile mean), bpm, with the number of
 * breaths used; null when none could be judged.
 */
export function meanSwing(swings: readonly BreathSwing[]): { swingBpm: number | null; breaths: number } {
  const judged = swings.filter((s) => s.swingBpm !== null).length;
  return { swingBpm: robustMean(swings.map((s) => s.swingBpm)), breaths: judged };
}
