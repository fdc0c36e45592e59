/**
 * A simulated heart-rate-only watch: turns a heart rate that varies in time (the simulated heart, or a formula in a
 * test) into what a watch broadcasting the Heart Rate service sends. Once a second it reports the trailing moving
 * average of its last `smoothingS` one-second readings, rounded to a whole bpm as the Heart Rate Measurement
 * carries it; each value arrives late by a random radio delay, and some never arrive. Used by the tests and by the
 * heart-rate-only pacer validation.
 */
import type { TimedRr } from '../hrv/biofeedback';
import { Random } from '../random';
import type { HeartRateTrace } from './trace';

export interface WatchOptions {
  readonly durationS: number;
  /** Length of the watch's trailing moving average, seconds (1 = none). */
  readonly smoothingS: number;
  /** Largest extra delay of a sample's arrival, seconds (uniform 0..jitterS). */
  readonly jitterS: number;
  /** Share of samples lost, 0..1. */
  readonly dropShare: number;
  /** Time of the first report, seconds. */
  readonly startS?: number;
  readonly seed?: number;
}

/** The trace a watch would send for heart rate `hrAt(timeS)` (bpm). */
export function watchTrace(hrAt: (timeS: number) => number, options: WatchOptions): HeartRateTrace {
  const random = new Random(options.seed ?? 1);
  const m = Math.max(1, Math.round(options.smoothingS));
  const start = options.startS ?? 0;
  const timeS: number[] = [];
  const hrBpm: number[] = [];
  for (let k = 0; start + k <= options.durationS; k += 1) {
    let sum = 0;
    for (let j = 0; j < m; j += 1) sum += hrAt(start + k - j);
    const arrival = start + k + random.next() * options.jitterS;
    if (random.next() < options.dropShare) continue;
    timeS.push(Math.max(arrival, timeS[timeS.length - 1] ?? -Infinity));
    hrBpm.push(Math.round(sum / m));
  }
  return { timeS, hrBpm };
}

/**
 * The heart rate a watch reads from a heart's beats at time t: the rate of the beat interval t falls in
 * (60 000 / RR), the last beat's before the first and after the last. Beats in time order.
 */
export function heartRateOfBeats(beats: readonly TimedRr[]): (timeS: number) => number {
  let i = 0;
  return (timeS) => {
    if (beats.length === 0) return Number.NaN;
    // Calls mostly move forward in time; step back when one does not.
    while (i > 0 && (beats[i - 1]?.timeS ?? -Infinity) >= timeS) i -= 1;
    while (i < beats.length - 1 && (beats[i]?.timeS ?? Infinity) < timeS) i += 1;
    return 60_000 / (beats[i] as TimedRr).rrMs;
  };
}

/** The trace a watch would send for these beats, up to `untilS` (see {@link watchTrace}). */
export function watchTraceOfBeats(
  beats: readonly TimedRr[],
  options: Omit<WatchOptions, 'durationS'>,
  untilS: number,
): HeartRateTrace {
  return watchTrace(heartRateOfBeats(beats), { ...options, durationS: untilS, startS: options.startS ?? 1 });
}
