import { createModelPerson, type ModelName } from '../physiology/models';
import type { ModelPerson, PersonOptions, SimulatedPerson } from '../physiology/person';
import { SimulatedChestStrap } from '../respiration/breath-log';
import { assessmentSwings, steeringSwings } from '../hr-only/swing';
import { watchTraceOfBeats, type WatchOptions } from '../hr-only/watch';
import type { MeasuredBreath } from './response';
import {
  scoreSliding,
  slidingBreathRates,
  slidingFromSwings,
  type SlidingOptions,
} from './assessment/sliding';
import {
  QUICK_STEPPED,
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
export type ProtocolName = 'stepped' | 'quick' | 'sliding' | 'adaptive';
export const PROTOCOLS: readonly ProtocolName[] = ['stepped', 'quick', 'sliding', 'adaptive'];

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
   * Measure the person's actual breath with a simulated chest strap (their lung volume, lag, sighs and skipped
   * breaths as chest acceleration, read as the live session reads an H10) and give the protocols those breaths.
   * Needs a model person (or a subject with `breathVolume`).
   */
  readonly measuredBreathing?: boolean;
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

const DEFAULT_ADAPTIVE_START_BPM = 6;
const DEFAULT_ADAPTIVE_DURATION_S = 1200;

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
  let schedule: PacerSchedule | null = null;
  const strap =
    options.measuredBreathing && 'breathVolume' in heart
      ? new SimulatedChestStrap(
          (t) => (heart as ModelPerson).breathVolume(t),
          (t) => ({
            volumeAt: (u) => schedule?.at(u).volume ?? 0,
            periodS: 60 / (schedule?.at(t).rateBpm ?? 6),
          }),
          // The app measures every 2 s. The adaptive controller reads breaths as they come, and every 10 s gives it
          // the same breaths a few seconds later at a fifth of the cost; the assessments score all their breaths at
          // the end, and every 30 s is enough.
          { seed: options.seed, everyS: options.protocol === 'adaptive' ? 10 : 30 },
        )
      : null;
  /** The measured breaths so far (the strap sampled up to a second before the person's clock). */
  const measured = (): readonly MeasuredBreath[] | undefined => {
    if (!strap) return undefined;
    strap.advanceTo(heart.timeS - 1);
    return strap.breaths;
  };
  if (options.protocol === 'adaptive') {
    const controller = new AdaptiveController(
      options.startBpm ?? DEFAULT_ADAPTIVE_START_BPM,
      options.controller,
    );
    const adaptive = new PacerSchedule(patternFromRate(controller.rateBpm));
    schedule = adaptive;
    const decisions: ControllerDecision[] = [];
    const rateTrace: [number, number][] = [traceRow(adaptive.breaths()[0])];
    const watch = options.watch;
    fastForward(heart, adaptive, options.durationS ?? DEFAULT_ADAPTIVE_DURATION_S, ({ breath, beats }) => {
      rateTrace.push(traceRow(breath));
      let decision: ControllerDecision;
      if (watch) {
        const trace = watchTraceOfBeats(beats, watch, breath.startS);
        decision = controller.decideWith(breath.startS, adaptive, (spans, window) =>
          steeringSwings(trace, spans, window),
        );
      } else decision = controller.decide(breath.startS, beats, adaptive, measured());
      decisions.push(decision);
      adaptive.setPattern(patternFromRate(decision.rateBpm));
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
  const stepped = options.protocol === 'quick' ? QUICK_STEPPED : options.stepped;
  const rates =
    options.protocol === 'sliding' ? slidingBreathRates(options.sliding) : steppedBreathRates(stepped);
  const protocol = new PacerSchedule(patternFromRate(rates[0] ?? 6));
  schedule = protocol;
  if (rates[1] !== undefined) protocol.setPattern(patternFromRate(rates[1]));
  const totalS = rates.reduce((s, r) => s + 60 / r, 0);
  const beats = fastForward(heart, protocol, totalS + 1, ({ breath }) => {
    const next = rates[breath.index + 1];
    if (next !== undefined) protocol.setPattern(patternFromRate(next));
    measured();
  });
  const breaths = measured();
  const assessment = options.watch
    ? watchAssessment(
        options,
        stepped,
        rates.length,
        protocol,
        watchTraceOfBeats(beats, options.watch, totalS + 1),
      )
    : options.protocol === 'sliding'
      ? scoreSliding(beats, protocol, options.sliding, undefined, breaths)
      : scoreStepped(beats, protocol, stepped, undefined, breaths);
  return {
    ...base,
    foundBpm: assessment.foundBpm,
    finalBpm: null,
    rateTrace: protocol.breaths().slice(0, rates.length).map(traceRow),
    assessment,
    decisions: [],
  };
}

/** The protocol scored from a watch's heart-rate trace, marked as from heart rate only. */
function watchAssessment(
  options: SimulationOptions,
  stepped: SteppedOptions | undefined,
  breaths: number,
  schedule: PacerSchedule,
  trace: ReturnType<typeof watchTraceOfBeats>,
): AssessmentResult {
  const window = options.protocol === 'sliding' ? 1 : (stepped?.windowBreaths ?? 1);
  const swings = assessmentSwings(trace, protocolBreaths(schedule, breaths), window);
  const result =
    options.protocol !== 'sliding'
      ? steppedFromSwings(swings, stepped)
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
