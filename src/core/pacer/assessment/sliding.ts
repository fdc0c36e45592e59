import { breathAmplitudesBpm, cleanBeats, type TimedRr } from '../../hrv/biofeedback';
import type { PacerSchedule } from '../schedule';
import type { AssessmentPoint, AssessmentResult } from './result';

/**
 * The sliding resonance frequency assessment (Fisher & Lehrer 2022): the breath period lengthens linearly, breath
 * by breath, from 6.75 to 4.25 breaths/min over 78 breaths (about 15 minutes), and the resonance frequency is the
 * rate where the smoothed peak-to-trough heart-rate amplitude is greatest. Our choices, tuned on the simulated heart
 * and stated here so they can be argued with:
 * - smoothing is a centred moving average over `smoothBreaths` breaths (breaths without a clean amplitude are
 *   skipped), taken only where the whole window lies inside the sweep, since a cut-off window at either end is
 *   noisier and wins the maximum by chance;
 * - the first `skipBreaths` breaths are left out while the heart settles into paced breathing;
 * - the amplitude of a resonance swept slowly lags the drive by about its time constant 1/(ζ·ω) (15-20 s, about two
 *   breaths, for the damping of the baroreflex model), so the rate is read `lagBreaths` breaths before the peak.
 */
export interface SlidingOptions {
  readonly startBpm: number;
  readonly endBpm: number;
  readonly breaths: number;
  readonly smoothBreaths: number;
  readonly skipBreaths: number;
  readonly lagBreaths: number;
}

export const DEFAULT_SLIDING: SlidingOptions = {
  startBpm: 6.75,
  endBpm: 4.25,
  breaths: 78,
  smoothBreaths: 15,
  skipBreaths: 4,
  lagBreaths: 2,
};

/** The breathing rate of each breath: periods spaced evenly from 60/startBpm to 60/endBpm seconds. */
export function slidingBreathRates(options: SlidingOptions = DEFAULT_SLIDING): number[] {
  const p0 = 60 / options.startBpm;
  const p1 = 60 / options.endBpm;
  const n = options.breaths;
  return Array.from({ length: n }, (_, i) => 60 / (p0 + ((p1 - p0) * i) / Math.max(1, n - 1)));
}

/**
 * Finds the rate of greatest smoothed amplitude from the beats and the schedule breathed with; the sweep's first
 * breath is breath `firstBreathIndex` of the schedule (by default the first one it remembers).
 */
export function scoreSliding(
  beats: readonly TimedRr[],
  schedule: PacerSchedule,
  options: SlidingOptions = DEFAULT_SLIDING,
  firstBreathIndex?: number,
): AssessmentResult {
  const all = schedule.breaths();
  const from = firstBreathIndex ?? all[0]?.index ?? 0;
  const breaths = all.filter((b) => b.index >= from && b.index <= from + options.breaths);
  const spans = breaths.slice(0, -1).map((b, i) => ({
    startS: b.startS,
    endS: (breaths[i + 1] ?? b).startS,
    rateBpm: 60 / ((breaths[i + 1] ?? b).startS - b.startS),
  }));
  const amps = breathAmplitudesBpm(cleanBeats(beats), spans);
  const half = Math.floor(options.smoothBreaths / 2);
  const points: AssessmentPoint[] = spans.map((span, i) => {
    if (i < options.skipBreaths + half || i > spans.length - 1 - half) {
      return { rateBpm: span.rateBpm, amplitudeBpm: null, score: null };
    }
    let sum = 0;
    let n = 0;
    for (let j = i - half; j <= i + half; j += 1) {
      const a = amps[j];
      if (a === null || a === undefined) continue;
      sum += a;
      n += 1;
    }
    return { rateBpm: span.rateBpm, amplitudeBpm: n >= half ? sum / n : null, score: null };
  });
  let bestIndex = -1;
  points.forEach((p, i) => {
    const best = points[bestIndex]?.amplitudeBpm ?? -Infinity;
    if (p.amplitudeBpm !== null && p.amplitudeBpm > best) bestIndex = i;
  });
  const found = bestIndex < 0 ? null : spans[Math.max(0, bestIndex - options.lagBreaths)];
  const missing = amps.filter((a) => a === null).length;
  const notes = found === null || found === undefined ? ['Not enough clean breaths to find a peak.'] : [];
  if (missing > spans.length / 5)
    notes.push(`${missing} of ${spans.length} breaths had too few clean beats.`);
  return { protocol: 'sliding', foundBpm: found?.rateBpm ?? null, points, notes };
}
