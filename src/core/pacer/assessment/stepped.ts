import { cleanBeats, type TimedRr } from '../../hrv/biofeedback';
import {
  measuredBreathSwings,
  robustMean,
  type BreathSwing,
  type HeartRateSamples,
  type MeasuredBreath,
} from '../response';
import type { PacerSchedule } from '../schedule';
import { peakOfResponse } from './peak';
import type { AssessmentNote, AssessmentPoint, AssessmentResult } from './result';

/**
 * The stepped resonance frequency assessment (Lehrer, Vaschillo & Vaschillo 2000; Shaffer & Meehan 2020): the
 * person breathes at 6.5, 6.0, 5.5, 5.0 and 4.5 breaths/min for 2 minutes each. Each rate is judged by its
 * heart-rate swing, the criterion those protocols put first and the one that does not depend on the person breathing
 * exactly in step with the pacer (src/core/pacer/response.ts): the interquartile mean of the per-breath swings
 * after the first `settleS` of the step (20 s, about two breaths and more than the baroreflex resonance's time
 * constant 1/(ζω) of 10-15 s), so a sigh or a skipped breath cannot carry a step. The answer is the peak
 * of a Gaussian-shaped curve fitted through all five steps ({@link peakOfResponse}), so it can fall between steps
 * and one noisy step is outvoted; when the response still rises at 6.5 or at 4.5 the result says the resonance is at
 * or beyond that end. Phase against the pacer is not used: a person breathing 0.7 s late shifts it by 25-30°.
 */
export const STEPPED_RATES_BPM = [6.5, 6.0, 5.5, 5.0, 4.5] as const;

export interface SteppedOptions {
  /** Which protocol this is: the published five steps, or the quick three. */
  readonly name: 'stepped' | 'quick';
  readonly ratesBpm: readonly number[];
  /** Time at each rate, seconds (rounded to whole breaths). */
  readonly stepS: number;
  /** Time at the start of each step left out of its score while the heart settles to the new rate, seconds. */
  readonly settleS: number;
  /** Each breath's swing is fitted over it and the breaths before it in the step, this many in all. */
  readonly windowBreaths: number;
}

export const DEFAULT_STEPPED: SteppedOptions = {
  name: 'stepped',
  ratesBpm: STEPPED_RATES_BPM,
  stepS: 120,
  settleS: 20,
  windowBreaths: 1,
};

/**
 * The quick assessment, ours: 6.5, 5.5 and 4.5 breaths/min for 2 minutes each (6 minutes), scored the same way.
 * Because the answer is the peak of a curve fitted through the steps rather than the best step, three steps a
 * whole breath/min apart carry about what five carry: on 200 untuned simulated people per model it gave >= 90 % of
 * the maximal response to 93.5-94.5 % of people, the 10-minute protocol to 93.5-96 % (docs/pacer-validation.md).
 */
export const QUICK_STEPPED: SteppedOptions = { ...DEFAULT_STEPPED, name: 'quick', ratesBpm: [6.5, 5.5, 4.5] };

/** The breathing rate of each breath of the protocol, in order. */
export function steppedBreathRates(options: SteppedOptions = DEFAULT_STEPPED): number[] {
  return options.ratesBpm.flatMap((rate) =>
    Array.from({ length: stepBreaths(rate, options.stepS) }, () => rate),
  );
}

function stepBreaths(rateBpm: number, stepS: number): number {
  return Math.max(2, Math.round((stepS * rateBpm) / 60));
}

/**
 * Scores the protocol from its per-breath swings, in the order breathed (the protocol's first breath first; fewer
 * than all when it was stopped early, which marks the result partial).
 */
export function steppedFromSwings(
  swings: readonly BreathSwing[],
  options: SteppedOptions = DEFAULT_STEPPED,
): AssessmentResult {
  const points: AssessmentPoint[] = [];
  const notes: AssessmentNote[] = [];
  let first = 0;
  let complete = true;
  for (const rateBpm of options.ratesBpm) {
    const n = stepBreaths(rateBpm, options.stepS);
    const own = swings.slice(first, first + n);
    first += n;
    if (own.length < n) complete = false;
    const startS = own[0]?.startS ?? 0;
    // A swing counts once its whole fit window is past the step's settling time.
    const reach = (s: BreathSwing) => (options.windowBreaths - 1) * (s.endS - s.startS);
    const settled = own.filter((s) => s.startS - reach(s) >= startS + options.settleS - 1e-6);
    // A step stopped before two settled breaths says nothing.
    const amplitudeBpm = settled.length >= 2 ? robustMean(settled.map((s) => s.swingBpm)) : null;
    if (own.length === 0) break;
    points.push({ rateBpm, amplitudeBpm, score: null });
  }
  const peak = peakOfResponse(
    points.map((p) => p.rateBpm),
    points.map((p) => p.amplitudeBpm),
  );
  const largest = Math.max(1e-9, ...points.map((p) => p.amplitudeBpm ?? 0));
  const scored = points.map((p) => ({
    ...p,
    score: p.amplitudeBpm === null ? null : p.amplitudeBpm / largest,
  }));
  if (peak === null) notes.push({ kind: 'no-answer' });
  const missing = swings.filter((s) => s.swingBpm === null).length;
  if (missing > swings.length / 5) notes.push({ kind: 'sparse', missing, breaths: swings.length });
  return {
    protocol: options.name,
    foundBpm: peak === null ? null : Math.round(peak.rateBpm * 100) / 100,
    edge: peak?.edge ?? null,
    partial: !complete,
    points: scored,
    notes,
  };
}

/**
 * Scores each step from the beats and the schedule the person breathed with. The protocol's first breath is breath
 * `firstBreathIndex` of the schedule (by default the first one it remembers); beats are cleaned by the 20 % rule
 * ({@link cleanBeats}) unless a cleaned heart-rate series is given.
 */
export function scoreStepped(
  beats: readonly TimedRr[],
  schedule: PacerSchedule,
  options: SteppedOptions = DEFAULT_STEPPED,
  firstBreathIndex?: number,
  measured?: readonly MeasuredBreath[],
): AssessmentResult {
  const total = steppedBreathRates(options).length;
  return steppedFromSwings(
    protocolSwings(cleanBeats(beats), schedule, total, firstBreathIndex, options.windowBreaths, measured),
    options,
  );
}

/**
 * The per-breath swings of the protocol's completed breaths (at most `count`) from its first breath on, from a
 * heart-rate series already cleaned of artifacts (the live pacer passes the beats the HRV engine labelled normal).
 * Over the person's own breaths where a chest sensor measured them (`measured`, see {@link measuredBreathSwings}).
 */
export function protocolSwings(
  series: HeartRateSamples,
  schedule: PacerSchedule,
  count: number,
  firstBreathIndex?: number,
  windowBreaths = 1,
  measured?: readonly MeasuredBreath[],
): BreathSwing[] {
  return measuredBreathSwings(
    series,
    protocolBreaths(schedule, count, firstBreathIndex),
    windowBreaths,
    measured,
  );
}

/** The protocol's completed breaths (at most `count`) from its first breath on, as spans. */
export function protocolBreaths(
  schedule: PacerSchedule,
  count: number,
  firstBreathIndex?: number,
): { startS: number; endS: number }[] {
  const all = schedule.breaths();
  const from = firstBreathIndex ?? all[0]?.index ?? 0;
  const breaths = all.filter((b) => b.index >= from && b.index <= from + count);
  return breaths.slice(0, -1).map((b, i) => ({ startS: b.startS, endS: (breaths[i + 1] ?? b).startS }));
}
