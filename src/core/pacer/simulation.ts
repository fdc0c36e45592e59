import { createModelPerson, type ModelName } from '../physiology/models';
import type { PersonOptions, SimulatedPerson } from '../physiology/person';
import { NO_SMOOTHING } from '../hr-only/smoothing';
import { traceSwings } from '../hr-only/swing';
import { watchTraceOfBeats, type WatchOptions } from '../hr-only/watch';
import {
  scoreSliding,
  slidingBreathRates,
  slidingFromSwings,
  type SlidingOptions,
} from './assessment/sliding';
import {
  protocolBreaths,
  scoreStepped,
  steppedBreathRates,
  steppedFromSwings,
  type SteppedOptions,
} from './assessment/stepped';
import type { AssessmentResult } from './assessment/result';
import { AdaptiveController, type ControllerConfig, type ControllerDecision } from './controller';
import { fastForward } from './fast-forward';
import { breathRateBpm, patternFromRate } from './pattern';
import { PacerSchedule, type ScheduledBreath } from './schedule';

/**
 * A simulated person (one of the physiology models, by default the resonator breathing exactly with the pacer with
 * 1 % ectopic beats, or any {@link SimulatedPerson} handed in) run through an assessment protocol or an adaptive
 * session in fast-forward: what `npm run simulate` prints and what the validation tests check. The protocols see
 * only the beats and the pacer, never the model.
 */
export type ProtocolName = 'stepped' | 'sliding' | 'adaptive';
export const PROTOCOLS: readonly ProtocolName[] = ['stepped', 'sliding', 'adaptive'];

export interface SimulationOptions {
  readonly protocol: ProtocolName;
  readonly resonanceBpm: number;
  readonly seed: number;
  /** Adaptive only: the rate the session starts at, breaths/min (default 6). */
  readonly startBpm?: number;
  /** Adaptive only: session length, seconds (default 20 minutes). */
  readonly durationS?: number;
  readonly ectopicRate?: number;
  readonly controller?: Partial<ControllerConfig>;
  /** The physiology model (default `resonator`). */
  readonly model?: ModelName;
  /** Which session of this person (the resonance shifts a little between sessions). */
  readonly session?: number;
  /** Person-level options (lag, sighs, depth jitter, ...); `ectopicRate` above overrides theirs. */
  readonly person?: Partial<PersonOptions>;
  /** Stepped only: protocol options (default {@link DEFAULT_STEPPED}). */
  readonly stepped?: SteppedOptions;
  /** Sliding only: protocol options (default {@link DEFAULT_SLIDING}). */
  readonly sliding?: SlidingOptions;
  /** Run this person instead of a model (the `--person FILE.mjs` surface). */
  readonly subject?: SimulatedPerson;
  /**
   * Measure through a heart-rate-only watch (hr-only/watch.ts) instead of beats: the protocols then see only its
   * 1 Hz, averaged, jittered, gappy heart rate, read by the same criteria (hr-only/swing.ts), as the app does.
   */
  readonly watch?: Omit<WatchOptions, 'durationS'>;
}

export interface SimulationResult {
  readonly protocol: ProtocolName;
  readonly seed: number;
  readonly trueResonanceBpm: number;
  /** The assessment's answer; null for adaptive. */
  readonly foundBpm: number | null;
  /** The adaptive session's last rate; null for assessments. */
  readonly finalBpm: number | null;
  /** [seconds, breaths/min] at the start of each breath. */
  readonly rateTrace: [number, number][];
  readonly assessment: AssessmentResult | null;
  readonly decisions: readonly ControllerDecision[];
}

export const DEFAULT_ADAPTIVE_START_BPM = 6;
export const DEFAULT_ADAPTIVE_DURATION_S = 1200;

export function simulateProtocol(options: SimulationOptions): SimulationResult {
  const heart =
    options.subject ??
    createModelPerson({
      model: options.model ?? 'resonator',
      seed: options.seed,
      resonanceBpm: options.resonanceBpm,
      session: options.session ?? 0,
      options: {
        ...options.person,
        ectopicRate: options.ectopicRate ?? options.person?.ectopicRate ?? 0.01,
      },
    });
  const base = { protocol: options.protocol, seed: options.seed, trueResonanceBpm: options.resonanceBpm };
  if (options.protocol === 'adaptive') {
    const controller = new AdaptiveController(
      options.startBpm ?? DEFAULT_ADAPTIVE_START_BPM,
      options.controller,
    );
    const schedule = new PacerSchedule(patternFromRate(controller.rateBpm));
    const decisions: ControllerDecision[] = [];
    const rateTrace: [number, number][] = [traceRow(schedule.breaths()[0])];
    const watch = options.watch;
    fastForward(heart, schedule, options.durationS ?? DEFAULT_ADAPTIVE_DURATION_S, ({ breath, beats }) => {
      rateTrace.push(traceRow(breath));
      let decision: ControllerDecision;
      if (watch) {
        const trace = watchTraceOfBeats(beats, watch, breath.startS);
        decision = controller.decideWith(breath.startS, schedule, (spans, window) =>
          traceSwings(trace, spans, NO_SMOOTHING, window),
        );
      } else decision = controller.decide(breath.startS, beats, schedule);
      decisions.push(decision);
      schedule.setPattern(patternFromRate(decision.rateBpm));
    });
    return {
      ...base,
      foundBpm: null,
      finalBpm: rateTrace.at(-1)?.[1] ?? controller.rateBpm,
      rateTrace,
      assessment: null,
      decisions,
    };
  }
  const rates =
    options.protocol === 'stepped'
      ? steppedBreathRates(options.stepped)
      : slidingBreathRates(options.sliding);
  const schedule = new PacerSchedule(patternFromRate(rates[0] ?? 6));
  if (rates[1] !== undefined) schedule.setPattern(patternFromRate(rates[1]));
  const totalS = rates.reduce((s, r) => s + 60 / r, 0);
  const beats = fastForward(heart, schedule, totalS + 1, ({ breath }) => {
    const next = rates[breath.index + 1];
    if (next !== undefined) schedule.setPattern(patternFromRate(next));
  });
  const assessment = options.watch
    ? watchAssessment(options, rates.length, schedule, watchTraceOfBeats(beats, options.watch, totalS + 1))
    : options.protocol === 'stepped'
      ? scoreStepped(beats, schedule, options.stepped)
      : scoreSliding(beats, schedule, options.sliding);
  return {
    ...base,
    foundBpm: assessment.foundBpm,
    finalBpm: null,
    rateTrace: schedule.breaths().slice(0, rates.length).map(traceRow),
    assessment,
    decisions: [],
  };
}

/** The protocol scored from a watch's heart-rate trace, marked as from heart rate only. */
function watchAssessment(
  options: SimulationOptions,
  breaths: number,
  schedule: PacerSchedule,
  trace: ReturnType<typeof watchTraceOfBeats>,
): AssessmentResult {
  const window = options.protocol === 'stepped' ? (options.stepped?.windowBreaths ?? 1) : 1;
  const swings = traceSwings(trace, protocolBreaths(schedule, breaths), NO_SMOOTHING, window);
  const result =
    options.protocol === 'stepped'
      ? steppedFromSwings(swings, options.stepped)
      : slidingFromSwings(swings, options.sliding);
  return { ...result, signal: 'heart-rate' };
}

function traceRow(breath: ScheduledBreath | undefined): [number, number] {
  return breath ? [round(breath.startS, 2), round(breathRateBpm(breath.pattern), 3)] : [0, 0];
}

function round(x: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}
