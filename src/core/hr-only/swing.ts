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
 * averaging, which shrinks the swing (smoothing.ts), when it is known or read from the series
 * (smoothing-estimate.ts), each at the breath's own frequency. Uncorrected, the swing reads low, by up to a third
 * at 6/min for a 5 s average.
 */
import { robustMean, type BreathSwing, type PacedBreath } from '../pacer/response';
import { fitBreaths } from './breath-fit';
import { NO_SMOOTHING, smoothingGain, type DeviceSmoothing } from './smoothing';
import { estimateSmoothing } from './smoothing-estimate';
import { plausibleTrace, type HeartRateTrace } from './trace';

export type { BreathSwing, PacedBreath };

/**
 * The swing of each breath, in order, corrected for a known device average (`swingBpm` null: too few samples);
 * `windowBreaths` as for the pacer's swings (each fitted over it and the breaths just before it). Each breath is
 * fitted with its artefacts taken out (breath-fit.ts), as boxes as long as the watch's averaging: `smoothing` when
 * known, else as read from the trace (smoothing-estimate.ts), else one second (a single reading: a box longer than
 * the watch's averaging would take real swing for an artefact, a shorter one only misses some artefacts).
 */
export function traceSwings(
  trace: HeartRateTrace,
  breaths: readonly PacedBreath[],
  smoothing: DeviceSmoothing = NO_SMOOTHING,
  windowBreaths = 1,
): BreathSwing[] {
  const clean = plausibleTrace(trace);
  const averagingS = smoothing.windowS > 1 ? smoothing.windowS : (estimateSmoothing(clean)?.windowS ?? 1);
  return fittedSwings(clean, breaths, smoothing, averagingS, windowBreaths);
}

/** {@link traceSwings} of a trace already made plausible, with the artefacts' box width given. */
function fittedSwings(
  clean: HeartRateTrace,
  breaths: readonly PacedBreath[],
  smoothing: DeviceSmoothing,
  averagingS: number,
  windowBreaths: number,
): BreathSwing[] {
  return fitBreaths(clean, breaths, windowBreaths, averagingS).map((s) =>
    s.swingBpm === null ? s : { ...s, swingBpm: s.swingBpm / smoothingGain(s.rateBpm / 60, smoothing) },
  );
}

/**
 * The averaging an assessment assumes of a heart-rate-only watch when its series cannot say how the watch averages
 * (smoothing-estimate.ts: too short, or too little variation above the breathing band): a trailing 3 s average. The
 * averaging shrinks the swing more at faster breathing (smoothing.ts: a 5 s average keeps 79 % at 4.5/min but 59 %
 * at 6.5/min), which tilts a comparison of rates toward the slowest one tried; dividing out a 3 s average takes a
 * third of that tilt away for a 5 s watch and about all of it for a 3 s one, while over-correcting a watch that does
 * not average by only 9 % across 4.5-6.5/min. It is an assumption, not a measurement of any watch.
 */
const ASSUMED_WATCH_AVERAGE: DeviceSmoothing = { windowS: 3 };

/**
 * The longest watch average divided out of swings compared across rates, seconds. Dividing out a filter's gain (an
 * inverse filter) amplifies any error in the filter as much as it restores the signal, so it is trusted only where
 * the average keeps at least half of the swing at every rate the pacer may use (up to 7/min; Oppenheim & Schafer on
 * inverse filtering near a filter's zeros): a 5 s average keeps 54 % at 7/min, a 6 s one 38 %, an 8 s one 7 %. The
 * averaging is read from the series and can be misread (a 3 s watch of a heart with few ectopic beats was read as
 * 8 s for four minutes of the live pacer's test: divided out, that tilted the controller's swings threefold across
 * 4.5-6.5/min and sent it to 5.5/min for a resonance at 5). Longer averages, which the watches (3-5 s) do
 * not use, are divided out as 5 s.
 */
const MAX_DIVIDED_AVERAGE_S = 5;

/**
 * The watch's averaging that swings compared across rates divide out: as read from the trace
 * ({@link estimateSmoothing}; null when it cannot say), else {@link ASSUMED_WATCH_AVERAGE}, at most
 * {@link MAX_DIVIDED_AVERAGE_S}.
 */
function dividedAverage(read: DeviceSmoothing | null): DeviceSmoothing {
  return { windowS: Math.min((read ?? ASSUMED_WATCH_AVERAGE).windowS, MAX_DIVIDED_AVERAGE_S) };
}

/**
 * The swings a stepped, quick or sliding assessment compares across rates on heart rate only: {@link traceSwings}
 * corrected for the watch's averaging ({@link dividedAverage}). The swing shown to the person and the session summary read the swing as sent;
 * the adaptive controller reads {@link steeringSwings}.
 */
export function assessmentSwings(
  trace: HeartRateTrace,
  breaths: readonly PacedBreath[],
  windowBreaths = 1,
): BreathSwing[] {
  const clean = plausibleTrace(trace);
  const divided = dividedAverage(estimateSmoothing(clean));
  return fittedSwings(clean, breaths, divided, Math.max(1, divided.windowS), windowBreaths);
}

/**
 * The breathing rate the adaptive controller's swings on heart rate only are levelled at, breaths/min (see
 * {@link steeringSwings}): the rate a session starts at by default.
 */
const STEERING_LEVEL_BPM = 6;

/**
 * The swings the adaptive controller steers by on heart rate only: {@link traceSwings} (artefacts taken out),
 * divided by the watch's averaging's gain at each breath's rate relative to its gain at {@link STEERING_LEVEL_BPM},
 * the averaging as read from the trace so far ({@link dividedAverage}).
 *
 * The controller looks for the rate of the largest swing. A watch's moving average keeps less of the swing the
 * faster the breathing (smoothing.ts: a 5 s average 79 % at 4.5/min, 59 % at 6.5/min), a tilt of about 0.15 in log
 * swing per breath/min that the controller's parabola in log swing (curvature about −0.5) reads as a peak some
 * 0.15/min slower than the person's; dividing the averaging's frequency response out (the inverse filter of a known
 * linear filter, Oppenheim & Schafer) removes the tilt. Only the tilt, not the level: the controller takes each
 * breath's swing once, as the breath ends, and the averaging can be read only after about three minutes of
 * series, so a correction of the level would jump when the estimate arrives (from the assumed 3 s to a 5 s watch's
 * 5 s, a third at 6/min) and the controller would read the jump as a change of response. Relative to the gain at
 * one rate, the same change of estimate moves a swing by 14 % at most across 4.5-6.5/min, and not at all at 6/min,
 * where the swings stay as the watch sends them.
 */
export function steeringSwings(
  trace: HeartRateTrace,
  breaths: readonly PacedBreath[],
  windowBreaths: number,
): BreathSwing[] {
  const clean = plausibleTrace(trace);
  // The series is read once a breath (the estimate is most of a breath's cost on a long session).
  const read = estimateSmoothing(clean);
  const smoothing = dividedAverage(read);
  const level = smoothingGain(STEERING_LEVEL_BPM / 60, smoothing);
  return fittedSwings(clean, breaths, NO_SMOOTHING, read?.windowS ?? 1, windowBreaths).map((s) =>
    s.swingBpm === null
      ? s
      : { ...s, swingBpm: (s.swingBpm * level) / smoothingGain(s.rateBpm / 60, smoothing) },
  );
}

/**
 * The average swing over the breaths that could be judged (the interquartile mean), bpm, with the number of
 * breaths used; null when none could be judged.
 */
export function meanSwing(swings: readonly BreathSwing[]): { swingBpm: number | null; breaths: number } {
  const judged = swings.filter((s) => s.swingBpm !== null).length;
  return { swingBpm: robustMean(swings.map((s) => s.swingBpm)), breaths: judged };
}
