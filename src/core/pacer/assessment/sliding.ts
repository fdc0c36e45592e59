import { cleanBeats, type TimedRr } from '../../hrv/biofeedback';
import { robustLoess, type BreathSwing, type MeasuredBreath } from '../response';
import type { PacerSchedule } from '../schedule';
import type { AssessmentNote, AssessmentPoint, AssessmentResult } from './result';
import { protocolSwings } from './stepped';

/**
 * The sliding resonance frequency assessment (Fisher & Lehrer 2022): the breath period lengthens linearly, breath
 * by breath, from 6.75 to 4.25 breaths/min over 78 breaths (about 15 minutes), and the resonance frequency is the
 * rate where the heart-rate swing is greatest. Our choices, stated here so they can be argued with:
 * - each breath's swing is the amplitude-led, phase-free figure of src/core/pacer/response.ts;
 * - the swings are smoothed against rate by a robust local quadratic regression (LOESS, Cleveland 1979) over
 *   `spanShare` of the breaths, whose robustness passes down-weight sighs and skipped breaths, and which stays
 *   unbiased at the ends of the sweep, so every rate breathed can be reported, the first and last included;
 * - the first `skipBreaths` breaths are left out while the heart settles into paced breathing;
 * - a swept resonance answers late by about its time constant (a breath or two), so each breath's swing is
 *   credited to the rate `lagBreaths` breaths earlier.
 * When the largest smoothed swing is at an end of the sweep the result says the resonance is at or beyond it.
 */
export interface SlidingOptions {
  readonly startBpm: number;
  readonly endBpm: number;
  readonly breaths: number;
  readonly spanShare: number;
  readonly skipBreaths: number;
  readonly lagBreaths: number;
}

const DEFAULT_SLIDING: SlidingOptions = {
  startBpm: 6.75,
  endBpm: 4.25,
  breaths: 78,
  spanShare: 0.5,
  skipBreaths: 4,
  lagBreaths: 1,
};

/** The breathing rate of each breath: periods spaced evenly from 60/startBpm to 60/endBpm seconds. */
export function slidingBreathRates(options: SlidingOptions = DEFAULT_SLIDING): number[] {
  const p0 = 60 / options.startBpm;
  const p1 = 60 / options.endBpm;
  const n = options.breaths;
  return Array.from({ length: n }, (_, i) => 60 / (p0 + ((p1 - p0) * i) / Math.max(1, n - 1)));
}

/** Scores the sweep from its per-breath swings in the order breathed (fewer than all: stopped early, partial). */
export function slidingFromSwings(
  swings: readonly BreathSwing[],
  options: SlidingOptions = DEFAULT_SLIDING,
): AssessmentResult {
  const rates = slidingBreathRates(options);
  const used = swings
    .map((s, i) => ({
      i,
      swing: s.swingBpm,
      rateBpm: rates[Math.max(0, i - options.lagBreaths)] ?? s.rateBpm,
    }))
    .filter(
      (s): s is { i: number; swing: number; rateBpm: number } =>
        s.i >= options.skipBreaths && s.swing !== null,
    );
  const notes: AssessmentNote[] = [];
  const evaluated =
    used.length >= 8
      ? robustLoess(
          used.map((u) => u.rateBpm),
          used.map((u) => u.swing),
          used.map((u) => u.rateBpm),
          options.spanShare,
        )
      : [];
  const smoothed = new Map(used.map((u, k) => [u.i, evaluated[k] ?? null]));
  const points: AssessmentPoint[] = swings.map((s, i) => ({
    rateBpm: rates[i] ?? s.rateBpm,
    amplitudeBpm: smoothed.get(i) ?? null,
    score: null,
  }));
  let best = -1;
  used.forEach((u, k) => {
    const v = evaluated[k];
    const b = best < 0 ? null : evaluated[best];
    if (v !== null && v !== undefined && (b === null || b === undefined || v > b)) best = k;
  });
  const largest = best < 0 ? null : (evaluated[best] ?? null);
  const scored = points.map((p) => ({
    ...p,
    score: p.amplitudeBpm === null || largest === null ? null : p.amplitudeBpm / largest,
  }));
  const found = best < 0 ? null : (used[best] ?? null);
  if (found === null) notes.push({ kind: 'no-answer' });
  const missing = swings.filter((s) => s.swingBpm === null).length;
  if (missing > swings.length / 5) notes.push({ kind: 'sparse', missing, breaths: swings.length });
  const fastest = used[0]?.rateBpm;
  const slowest = used.at(-1)?.rateBpm;
  const edge =
    found === null ? null : found.rateBpm === fastest ? 'above' : found.rateBpm === slowest ? 'below' : null;
  return {
    protocol: 'sliding',
    foundBpm: found === null ? null : Math.round(found.rateBpm * 100) / 100,
    edge,
    partial: swings.length < rates.length,
    points: scored,
    notes,
  };
}

/**
 * Finds the rate of greatest smoothed swing from the beats and the schedule breathed with; the sweep's first
 * breath is breath `firstBreathIndex` of the schedule (by default the first one it remembers).
 */
export function scoreSliding(
  beats: readonly TimedRr[],
  schedule: PacerSchedule,
  options: SlidingOptions = DEFAULT_SLIDING,
  firstBreathIndex?: number,
  measured?: readonly MeasuredBreath[],
): AssessmentResult {
  return slidingFromSwings(
    protocolSwings(cleanBeats(beats), schedule, options.breaths, firstBreathIndex, 1, measured),
    options,
  );
}
