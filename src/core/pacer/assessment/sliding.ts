import { cleanBeats, type TimedRr } from '../../hrv/biofeedback';
import { robustLoess, type BreathSwing, type MeasuredBreath } from '../response';
import type { PacerSchedule } from '../schedule';
import { peakOfResponse } from './peak';
import type { AssessmentNote, AssessmentPoint, AssessmentResult } from './result';
import { protocolSwings } from './stepped';

/**
 * The sliding resonance frequency assessment (Fisher & Lehrer 2022): the breath period lengthens linearly, breath
 * by breath, from 6.75 to 4.25 breaths/min over 78 breaths (about 15 minutes), and the resonance frequency is the
 * rate where the heart-rate swing is greatest. Our choices, stated here so they can be argued with:
 * - each breath's swing is the amplitude-led, phase-free figure of src/core/pacer/response.ts;
 * - the answer is the peak of a log-parabola fitted to all the breaths' swings against rate ({@link peakOfResponse}:
 *   weighted toward the larger swings, held to at least a physiological sharpness, with robustness passes that
 *   down-weight sighs and skipped breaths), so it can fall anywhere in the sweep, its ends included, and the noise
 *   of single breaths is outvoted by all the others. Taking the largest of the swings smoothed by a local
 *   regression instead (LOESS, Cleveland 1979; our earlier choice) follows the noise: on 300 simulated people per
 *   model it gave >= 90 % of the maximal response to 85 % / 91 %, the fitted peak to 97 % / 94 %;
 * - the swings shown for each breath (`points`) are that robust LOESS over `spanShare` of the breaths, a smoothed
 *   view of the data rather than of the fitted curve;
 * - the first `skipBreaths` breaths are left out while the heart settles into paced breathing;
 * - a swept resonance answers late by about its time constant 1/(ζω), 7-18 s for damping 0.12-0.2 at 4.5-6.5/min
 *   (Vaschillo et al. 2002), and a baroreflex loop adds its delay of a few seconds (DeBoer et al. 1987): about two
 *   breaths, so each breath's swing is credited to the rate `lagBreaths` (2) breaths earlier (one breath gave
 *   94-96 % instead of 96-97 % on the untuned panels).
 * When the fitted peak lies at or past an end of the sweep the result says the resonance is at or beyond it.
 */
/** Robustness passes of the peak fit over the sweep's breaths. */
const ROBUST_PASSES = 3;

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
  lagBreaths: 2,
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
  const largest = Math.max(0, ...evaluated.map((v) => v ?? 0));
  const scored = points.map((p) => ({
    ...p,
    score: p.amplitudeBpm === null || largest <= 0 ? null : p.amplitudeBpm / largest,
  }));
  const peak =
    used.length >= 8
      ? peakOfResponse(
          used.map((u) => u.rateBpm),
          used.map((u) => u.swing),
          ROBUST_PASSES,
        )
      : null;
  if (peak === null) notes.push({ kind: 'no-answer' });
  const missing = swings.filter((s) => s.swingBpm === null).length;
  if (missing > swings.length / 5) notes.push({ kind: 'sparse', missing, breaths: swings.length });
  return {
    protocol: 'sliding',
    foundBpm: peak === null ? null : Math.round(peak.rateBpm * 100) / 100,
    edge: peak?.edge ?? null,
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
