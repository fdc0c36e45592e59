import { cleanBeats, type TimedRr } from '../hrv/biofeedback';
import {
  measuredBreathSwings,
  robustMean,
  robustQuadratic,
  type BreathSwing,
  type HeartRateSamples,
  type MeasuredBreath,
  type PacedBreath,
} from './response';
import type { PacerSchedule } from './schedule';

/**
 * The adaptive controller: a maximum-seeker of the heart-rate swing over breathing rate. At each breath boundary it
 * takes the swing of the breath just finished (the amplitude-led, phase-free figure of ./response.ts) and keeps a
 * model of the response: a parabola in log swing against the rate each breath was taken at (a Gaussian-shaped
 * resonance curve, as the stepped score assumes), fitted over all the breaths of the session, made robust to sighs
 * and skipped breaths by bisquare re-weighting ({@link robustQuadratic}), and given two priors: one on its curvature
 * (how sharp resonance curves are: log response falls by 0.2-1.2 per (breath/min)² on both simulated physiologies)
 * and one on where its peak lies (resonance in adults clusters around 5.5 breaths/min, most people between 4.5 and
 * 6.5: Lehrer, Vaschillo & Vaschillo 2000; Vaschillo, Vaschillo & Lehrer 2006; taken as a normal prior with a
 * standard deviation of 0.8 breaths/min on the middle of the allowed band), so that the parabola's vertex, the
 * estimated best rate, exists from the first minutes and sharpens as breaths come in; the data outweigh the
 * location prior as they accumulate (a precision-weighted mean: Gelman et al. 2013, ch. 2). Then:
 * - a sweep: from the first breath it sweeps at the largest allowed pace (`maxSlewBpmPerMin`) toward the middle of
 *   the band, and on past the vertex: it stops only when breaths span at least `stopSpanBpm` and it has gone
 *   `overshootBpm` past the vertex, and by more than `vertexZ` of the vertex's standard errors. The wide span is what makes the answer
 *   robust: near resonance the person's own slow oscillation beats against the paced one for minutes, and a short
 *   sweep reads that beat as the peak (on the validation panels, a probe that stopped at its first confident vertex
 *   and then confirmed it with an excursion gave >= 90 % of the maximal response after 20 minutes to 83-98 % of
 *   the people; this sweep, to 97-100 %: docs/pacer-validation.md);
 * - it looked the wrong way first when the vertex lies clearly (`turnZ` standard errors) behind where the sweep
 *   started, or when, where the sweep would stop, the fitted swing hardly fell (`minDropLog`) toward where it
 *   started (the peak may lie behind the start): it turns, at most `maxTurns` times. A sweep that has
 *   turned is after a peak near the edge of the band, where the priors pull the fitted vertex in from the edge, so it
 *   also waits until the fitted swing has fallen `turnedDropLog` ahead of the vertex;
 * - with the person's measured breath (a chest strap), the phase of heart rate against it picks the sweep's
 *   direction early: heart rate leads the breath below resonance and trails it above, the phase growing with the
 *   rate (Vaschillo, Lehrer et al. 2002; Shaffer & Meehan 2020 read it against a respirometer). Once `phaseBreaths`
 *   breaths have one (windows from `phaseFromS`), the rate it points to is the breaths' mean rate plus
 *   (`phaseAtPeakDeg` − their circular mean phase) / `phaseSlopeDegPerBpm`; when that lies more than
 *   `phaseMarginBpm` the other way, the sweep turns there and then, 2-3 minutes in, rather than after a wide
 *   sweep the wrong way. The two constants are measured on the two simulated physiologies at a fixed rate (at
 *   resonance 16° and 29°, 35-40° per breath/min on either side); in people heart rate is close to in phase with
 *   the breath at resonance (Vaschillo et al. 2002). Only the direction is taken from the phase, with a wide
 *   margin: its value at resonance depends on the loop's structure, the size of the response does not, and a loop
 *   whose phase at resonance lies up to 45° from `phaseAtPeakDeg` is never turned away from its peak (a 60° one
 *   started near its peak can be);
 * - then it goes to the vertex and holds there, following it only when it moves more than `deadbandBpm`, so it
 *   neither wanders nor oscillates at the top; a vertex beyond the rates breathed is approached at most `reachBpm`
 *   past them at a time (each step brings breaths that check it);
 * - when the response is flat over a wide sweep (`flatSpanBpm`), it holds at the best rate breathed: a flat
 *   response never walks it to a limit (with the priors, the best rate of a flat fit lies inside the sweep).
 * This is a bracketing line search followed by a model-based hold: the sampled, model-based form of extremum
 * seeking (Ariyur & Krstić 2003: perturb the input, estimate the gradient of the objective, climb it; here the
 * sweep is the perturbation and the fitted parabola the gradient estimate). Phase against the pacer is not used: it
 * moves tens of degrees when a person breathes late. It always stays inside the hard bounds and the person's band,
 * never moves faster than `maxSlewBpmPerMin` per minute, and does not move at all when locked. Each decision carries
 * a typed reason; the words are the UI's (src/ui/pacer/reason-text.ts).
 */
export interface ControllerConfig {
  /** Hard bounds, breaths/min. */
  readonly minBpm: number;
  readonly maxBpm: number;
  /** The band the person chose inside the hard bounds, or null. */
  readonly band: { readonly minBpm: number; readonly maxBpm: number } | null;
  readonly maxSlewBpmPerMin: number;
  /** The rate does not change for this long after the session starts, seconds. */
  readonly holdFirstS: number;
  /** Breaths whose fit window starts this soon after the session starts are the heart finding the rhythm, seconds. */
  readonly settleS: number;
  /** A fit needs breaths over at least this range of rates, breaths/min. */
  readonly minSpanBpm: number;
  /**
   * The prior on where the peak lies: `priorPeakBpm` (null: the middle of the bounds in force), with this standard
   * deviation, breaths/min.
   */
  readonly priorPeakBpm: number | null;
  readonly priorPeakSdBpm: number;
  /** The prior curvature of log swing against rate, per (breaths/min)², and its standard deviation. */
  readonly priorCurvature: number;
  readonly priorCurvatureSd: number;
  /** The sweep stops only once breaths span this range of rates, breaths/min. */
  readonly stopSpanBpm: number;
  /** The sweep goes at least this far past the vertex before going back to it, breaths/min. */
  readonly overshootBpm: number;
  /** ... and by at least this many of the vertex's standard errors. */
  readonly vertexZ: number;
  /**
   * Where the sweep would stop, the fitted log swing must have fallen by at least this much toward where it started;
   * otherwise the peak may lie behind the start and the sweep turns.
   */
  readonly minDropLog: number;
  /** After a turn, the sweep stops only once the fitted log swing has also fallen this much ahead of the vertex. */
  readonly turnedDropLog: number;
  /** Turning the sweep back past where it started needs this many standard errors. */
  readonly turnZ: number;
  /** The sweep turns back at most this often. */
  readonly maxTurns: number;
  /**
   * Consecutive breaths' swings are correlated (overlapping fit windows, and a spontaneous oscillation beating
   * against the paced one): standard errors are widened by √ of this many breaths.
   */
  readonly correlationBreaths: number;
  /** A vertex outside the rates breathed is approached at most this far past them at a time, breaths/min. */
  readonly reachBpm: number;
  /** At the peak, a vertex estimate nearer than this does not move the rate, breaths/min. */
  readonly deadbandBpm: number;
  /** A sweep this wide with a flat fitted swing means the response is flat, breaths/min. */
  readonly flatSpanBpm: number;
  /** A fitted swing that varies by less than this share over the rates breathed is flat. */
  readonly flatShare: number;
  /** Each breath's swing is fitted over it and the breaths before it, this many in all. */
  readonly windowBreaths: number;
  /** Below this swing, bpm, there is too little response to steer by. */
  readonly minSwingBpm: number;
  /**
   * With the person's measured breath: the phase of heart rate against it at resonance, degrees, and how fast it
   * grows with the breathing rate, degrees per breath/min (see {@link AdaptiveController}).
   */
  readonly phaseAtPeakDeg: number;
  readonly phaseSlopeDegPerBpm: number;
  /** The phase turns the sweep only when it points at least this far the other way, breaths/min. */
  readonly phaseMarginBpm: number;
  /** The sweep's direction is checked against the phase once this many breaths have one... */
  readonly phaseBreaths: number;
  /** ... each fitted over a window starting at least this long after the session starts, seconds. */
  readonly phaseFromS: number;
}

export const DEFAULT_CONTROLLER: ControllerConfig = {
  minBpm: 4,
  maxBpm: 7,
  band: null,
  maxSlewBpmPerMin: 0.2,
  holdFirstS: 10,
  settleS: 45,
  minSpanBpm: 0.2,
  priorPeakBpm: null,
  priorPeakSdBpm: 0.8,
  priorCurvature: -0.5,
  priorCurvatureSd: 0.35,
  stopSpanBpm: 1.1,
  overshootBpm: 0.25,
  vertexZ: 0.5,
  minDropLog: 0.1,
  turnedDropLog: 0.15,
  turnZ: 1.5,
  maxTurns: 2,
  correlationBreaths: 8,
  reachBpm: 0.5,
  deadbandBpm: 0.15,
  flatSpanBpm: 1.2,
  flatShare: 0.1,
  windowBreaths: 4,
  minSwingBpm: 1,
  phaseAtPeakDeg: 22,
  phaseSlopeDegPerBpm: 40,
  phaseMarginBpm: 0.6,
  phaseBreaths: 6,
  phaseFromS: 15,
};

/**
 * The settings for a session that starts from a rate known to suit the person (an assessment's answer, or the rate
 * their last adaptive session settled at): the location prior sits on that rate, tighter (SD 0.5/min), and the
 * sweep checks it over a narrower span (0.5/min) before holding there. Started at their resonance, 98 % / 98 % of
 * the validation people (resonator / baroreflex-delay, 40 each) get >= 90 % of their maximal response after
 * 20 minutes (with the settings for an unknown start, which sweep 1.1/min away first, 70 % / 50 %); started
 * 0.4/min from it, 100 % / 95 %.
 */
export function knownRateController(rateBpm: number): Partial<ControllerConfig> {
  return { priorPeakBpm: rateBpm, priorPeakSdBpm: 0.5, stopSpanBpm: 0.5 };
}

export type ControllerAction = 'waiting' | 'hold' | 'faster' | 'slower' | 'locked' | 'at-limit';

/** Why the controller did what it did, as values; src/ui/pacer/reason-text.ts puts it in words. */
export type ControllerReason =
  | { readonly kind: 'locked'; readonly rateBpm: number }
  | { readonly kind: 'settling'; readonly settleS: number }
  | { readonly kind: 'no-beats' }
  | { readonly kind: 'weak'; readonly rateBpm: number; readonly swingBpm: number }
  /** Trying rates this way to find where the swing is largest. */
  | {
      readonly kind: 'exploring';
      readonly fromBpm: number;
      readonly toBpm: number;
      readonly swingBpm: number;
    }
  /** The swing grows this way. */
  | { readonly kind: 'climbing'; readonly fromBpm: number; readonly toBpm: number; readonly swingBpm: number }
  /** The swing fell this way: turning back. */
  | { readonly kind: 'turning'; readonly fromBpm: number; readonly toBpm: number; readonly swingBpm: number }
  /** The heart's timing against the person's measured breath says their resonance lies the other way. */
  | {
      readonly kind: 'phase-turn';
      readonly fromBpm: number;
      readonly toBpm: number;
      readonly swingBpm: number;
    }
  /** Going to (or following) the rate where the swing peaked. */
  | {
      readonly kind: 'to-peak';
      readonly fromBpm: number;
      readonly toBpm: number;
      readonly peakBpm: number;
      readonly swingBpm: number;
    }
  | { readonly kind: 'at-peak'; readonly rateBpm: number; readonly swingBpm: number }
  | { readonly kind: 'flat'; readonly rateBpm: number; readonly swingBpm: number }
  | {
      readonly kind: 'at-limit';
      readonly rateBpm: number;
      readonly limit: 'top' | 'bottom';
      readonly minBpm: number;
      readonly maxBpm: number;
      readonly swingBpm: number;
    };

/** What the controller measured at a decision. */
interface ControllerResponse {
  /** Interquartile mean of the last breaths' swings, bpm. */
  readonly swingBpm: number | null;
  /** The fitted peak, breaths/min, once there is one. */
  readonly peakBpm: number | null;
  /** Breaths in the fit. */
  readonly breaths: number;
}

export interface ControllerDecision {
  readonly timeS: number;
  readonly previousRateBpm: number;
  readonly rateBpm: number;
  readonly action: ControllerAction;
  readonly reason: ControllerReason;
  readonly response: ControllerResponse;
}

interface Sample {
  readonly rateBpm: number;
  readonly logSwing: number;
}

interface PhaseSample {
  readonly rateBpm: number;
  readonly phaseDeg: number;
}

/** What the fitted response says over the rates breathed. */
interface Estimate {
  /** The fitted best rate (the parabola's vertex), breaths/min; null when the fit has no maximum. */
  readonly vertexBpm: number | null;
  /** Its standard error, widened for overlapping fit windows, breaths/min. */
  readonly vertexSeBpm: number;
  /** Slope of log swing against rate at the rate now, and its widened standard error. */
  readonly slope: number;
  readonly slopeSe: number;
  /** The best of the rates breathed by the fitted curve. */
  readonly bestBpm: number;
  /** The fitted swing varies by less than `flatShare` over all the rates breathed. */
  readonly flat: boolean;
  readonly loBpm: number;
  readonly hiBpm: number;
  /** How far the fitted log swing falls from the vertex (inside the rates breathed) to their lowest and highest. */
  readonly dropLo: number;
  readonly dropHi: number;
}

/** Residuals in log swing below this (2 %) are never outliers (a response without noise is not all outliers). */
const LOG_SWING_NOISE_FLOOR = 0.02;

/** Breaths whose swings are kept, at most (more than the fit's memory at any rate). */
const KEEP_SAMPLES = 400;

export class AdaptiveController {
  readonly config: ControllerConfig;
  #rateBpm: number;
  #locked = false;
  #startS: number;
  #lastDecisionS: number;
  #band: { minBpm: number; maxBpm: number } | null;
  #samples: Sample[] = [];
  #recent: number[] = [];
  /** End of the last breath whose swing was taken, seconds. */
  #takenToS = -Infinity;
  #direction: 1 | -1;
  #mode: 'sweep' | 'peak' | 'flat' = 'sweep';
  #target: number | null = null;
  /** Where the sweep last turned (or started), breaths/min. */
  #turnedAtBpm: number;
  #turns = 0;
  /** Phases of heart rate against the person's measured breath, until the sweep's direction is checked. */
  #phases = new Map<number, PhaseSample>();
  #phaseChecked = false;

  constructor(startRateBpm: number, config: Partial<ControllerConfig> = {}, startS = 0) {
    this.config = { ...DEFAULT_CONTROLLER, ...config };
    this.#band = this.config.band;
    this.#startS = startS;
    this.#lastDecisionS = startS;
    this.#rateBpm = this.#clamp(startRateBpm);
    this.#direction = this.#towardMiddle();
    this.#turnedAtBpm = this.#rateBpm;
  }

  get rateBpm(): number {
    return this.#rateBpm;
  }

  get locked(): boolean {
    return this.#locked;
  }

  /** The rate stays where it is until unlocked. */
  lock(): void {
    this.#locked = true;
  }

  unlock(): void {
    this.#locked = false;
  }

  /** The person's own band inside 4-7 breaths/min (null clears it); the rate moves into it at once if outside. */
  setBand(band: { minBpm: number; maxBpm: number } | null): void {
    if (band && !(band.minBpm <= band.maxBpm))
      throw new RangeError('band minimum must not exceed its maximum');
    this.#band = band;
    this.#rateBpm = this.#clamp(this.#rateBpm);
    if (this.#target !== null) this.#target = this.#clamp(this.#target);
  }

  /** The bounds in force: the hard bounds narrowed by the person's band. */
  bounds(): { minBpm: number; maxBpm: number } {
    const { minBpm, maxBpm } = this.config;
    if (!this.#band) return { minBpm, maxBpm };
    const lo = Math.min(maxBpm, Math.max(minBpm, this.#band.minBpm));
    return { minBpm: lo, maxBpm: Math.max(lo, Math.min(maxBpm, this.#band.maxBpm)) };
  }

  #clamp(rateBpm: number): number {
    const { minBpm, maxBpm } = this.bounds();
    return Math.min(maxBpm, Math.max(minBpm, rateBpm));
  }

  #towardMiddle(): 1 | -1 {
    const { minBpm, maxBpm } = this.bounds();
    return this.#rateBpm < (minBpm + maxBpm) / 2 ? 1 : -1;
  }

  /**
   * Called as a breath begins at `timeS`: takes the swings of the breaths finished since the last call from the
   * beats and the schedule, and decides the rate for the next breath. With the person's measured breaths
   * (`measured`, from a chest sensor) a breath they did not take with the pacer is left out
   * ({@link measuredBreathSwings}); the swings stay fitted over the pacer's breaths, since the four-breath fit
   * windows need breaths that join end to start (on the validation panels, fitting over the person's own breaths
   * did worse: 80 % / 77 % against 83 % / 80 %, docs/pacer-validation.md).
   */
  decide(
    timeS: number,
    beats: readonly TimedRr[],
    schedule: PacerSchedule,
    measured?: readonly MeasuredBreath[],
  ): ControllerDecision {
    // Only the beats around the breaths needed must be cleaned (the 20 % rule looks two beats either side).
    const fromS = this.#neededBreaths(timeS, schedule).spans[0]?.startS ?? timeS;
    let first = beats.length;
    while (first > 0 && (beats[first - 1]?.timeS ?? 0) >= fromS - 10) first -= 1;
    return this.decideFromSeries(timeS, cleanBeats(beats.slice(first)), schedule, measured);
  }

  /**
   * The same decision from a heart-rate series already cleaned of artifacts (the live pacer passes the beats the
   * HRV engine labelled normal, so the app has one artifact definition).
   */
  decideFromSeries(
    timeS: number,
    series: HeartRateSamples,
    schedule: PacerSchedule,
    measured?: readonly MeasuredBreath[],
  ): ControllerDecision {
    const { spans, fresh } = this.#neededBreaths(timeS, schedule);
    const swings = fresh
      ? measuredBreathSwings(
          series,
          spans,
          this.config.windowBreaths,
          measured,
          false,
          (t) => schedule.at(t).volume,
        )
      : [];
    // The breaths before the fresh ones were measured again: their phases may have come since.
    this.#takePhases(swings);
    return this.decideFromSwings(timeS, swings.slice(-fresh));
  }

  /**
   * The same decision with the swings measured by `swingsOf` (spans of the breaths needed, the fit window in
   * breaths), as from a watch's heart rate when there are no beats (hr-only/swing.ts).
   */
  decideWith(
    timeS: number,
    schedule: PacerSchedule,
    swingsOf: (spans: readonly { startS: number; endS: number }[], windowBreaths: number) => BreathSwing[],
  ): ControllerDecision {
    const { spans, fresh } = this.#neededBreaths(timeS, schedule);
    const swings = fresh ? swingsOf(spans, this.config.windowBreaths) : [];
    // The breaths before the fresh ones were measured again: their phases may have come since.
    this.#takePhases(swings);
    return this.decideFromSwings(timeS, swings.slice(-fresh));
  }

  /** The breaths finished since the last decision, and the few before them that their fit windows reach into. */
  #neededBreaths(timeS: number, schedule: PacerSchedule): { spans: PacedBreath[]; fresh: number } {
    const breaths = schedule.breaths();
    const spans: PacedBreath[] = [];
    let fresh = 0;
    for (let i = 0; i + 1 < breaths.length; i += 1) {
      const b = breaths[i];
      const next = breaths[i + 1];
      if (!b || !next || next.startS > timeS + 1e-9) continue;
      spans.push({ startS: b.startS, endS: next.startS });
      if (b.startS >= this.#takenToS - 1e-9) fresh += 1;
    }
    return { spans: spans.slice(Math.max(0, spans.length - fresh - this.config.windowBreaths + 1)), fresh };
  }

  /** The same decision from per-breath swings measured elsewhere (the HRV worker), oldest first. */
  decideFromSwings(timeS: number, swings: readonly BreathSwing[]): ControllerDecision {
    this.#takePhases(swings);
    for (const s of swings) this.#take(s);
    const previous = this.#rateBpm;
    // Decisions come once a breath; a longer gap (the first call, a pause) allows no more than one breath's worth.
    const elapsedMin = Math.min(Math.max(0, timeS - this.#lastDecisionS), 60 / previous) / 60;
    this.#lastDecisionS = timeS;
    const swingBpm = robustMean(this.#recent);
    let peakBpm: number | null = null;
    const stay = (action: ControllerAction, reason: ControllerReason): ControllerDecision => ({
      timeS,
      previousRateBpm: previous,
      rateBpm: previous,
      action,
      reason,
      response: { swingBpm, peakBpm, breaths: this.#samples.length },
    });
    if (this.#locked) return stay('locked', { kind: 'locked', rateBpm: previous });
    if (timeS - this.#startS < this.config.holdFirstS)
      return stay('waiting', { kind: 'settling', settleS: this.config.holdFirstS });
    if (swingBpm === null) return stay('waiting', { kind: 'no-beats' });
    if (swingBpm < this.config.minSwingBpm)
      return stay('waiting', { kind: 'weak', rateBpm: previous, swingBpm });

    const cap = this.config.maxSlewBpmPerMin * elapsedMin;
    const est = this.#estimate(previous);
    const { minBpm, maxBpm } = this.bounds();
    const move = (
      toward: number,
      kind: 'exploring' | 'climbing' | 'turning' | 'phase-turn' | 'to-peak',
    ): ControllerDecision => {
      const step = Math.max(-cap, Math.min(cap, toward - previous));
      const next = this.#clamp(previous + step);
      if (Math.abs(next - previous) < 1e-9) {
        return stay('at-limit', {
          kind: 'at-limit',
          rateBpm: previous,
          limit: step > 0 ? 'top' : 'bottom',
          minBpm,
          maxBpm,
          swingBpm,
        });
      }
      this.#rateBpm = next;
      const reason: ControllerReason =
        kind === 'to-peak'
          ? { kind, fromBpm: previous, toBpm: next, peakBpm: peakBpm ?? toward, swingBpm }
          : { kind, fromBpm: previous, toBpm: next, swingBpm };
      return {
        timeS,
        previousRateBpm: previous,
        rateBpm: next,
        action: next > previous ? 'faster' : 'slower',
        reason,
        response: { swingBpm, peakBpm, breaths: this.#samples.length },
      };
    };
    /** A vertex outside the rates breathed is approached at most `reachBpm` past them at a time. */
    const reachable = (x: number, e: Estimate) =>
      this.#clamp(Math.min(e.hiBpm + this.config.reachBpm, Math.max(e.loBpm - this.config.reachBpm, x)));

    if (this.#mode !== 'sweep' && this.#target !== null) {
      if (est) {
        if (this.#mode === 'flat' && !est.flat && est.vertexBpm !== null) this.#mode = 'peak';
        const v = est.vertexBpm;
        // Follow the vertex only when it has clearly moved (past the dead band).
        if (this.#mode === 'peak' && v !== null) {
          const to = reachable(v, est);
          if (Math.abs(to - this.#target) > this.config.deadbandBpm) this.#target = to;
        }
        if (this.#mode === 'peak') peakBpm = this.#target;
      }
      if (Math.abs(this.#target - previous) > 1e-6) return move(this.#target, 'to-peak');
      const atBound = this.#target <= minBpm + 1e-6 || this.#target >= maxBpm - 1e-6;
      const beyond = est?.vertexBpm ?? null;
      if (atBound && beyond !== null && (beyond > maxBpm || beyond < minBpm))
        return stay('at-limit', {
          kind: 'at-limit',
          rateBpm: previous,
          limit: beyond > maxBpm ? 'top' : 'bottom',
          minBpm,
          maxBpm,
          swingBpm,
        });
      return stay(
        'hold',
        this.#mode === 'peak'
          ? { kind: 'at-peak', rateBpm: previous, swingBpm }
          : { kind: 'flat', rateBpm: previous, swingBpm },
      );
    }

    // The sweep.
    const fromPhase = this.#checkPhase(previous);
    if (fromPhase !== null && fromPhase !== this.#direction) {
      // The phase says the resonance lies the other way: turn, as when the swing says so.
      this.#direction = fromPhase;
      this.#turnedAtBpm = previous;
      this.#turns += 1;
      return move(previous + fromPhase, 'phase-turn');
    }
    const dir = this.#direction;
    if (!est) return move(previous + dir, 'exploring');
    const span = est.hiBpm - est.loBpm;
    if (est.flat && span >= this.config.flatSpanBpm) {
      this.#mode = 'flat';
      this.#target = this.#clamp(est.bestBpm);
      return move(this.#target, 'to-peak');
    }
    const v = est.vertexBpm;
    const canTurn = this.#turns < this.config.maxTurns;
    const turn = (): ControllerDecision => {
      this.#turns += 1;
      this.#direction = -dir as 1 | -1;
      this.#turnedAtBpm = previous;
      return move(previous - dir, 'turning');
    };
    if (v !== null) {
      // It looked the wrong way first: the best rate lies clearly behind where the sweep started.
      if (canTurn && dir * (v - this.#turnedAtBpm) + this.config.turnZ * est.vertexSeBpm < 0) return turn();
      // Far enough past the best rate, over a wide enough sweep: go back to it. A sweep that has turned is looking
      // for a peak toward the edge of the band, beyond the people's usual range, where the priors pull the fitted
      // vertex in from the edge: it goes on until the fitted swing has clearly fallen ahead of it too.
      const past = dir * (previous - v);
      const behind = dir > 0 ? est.dropLo : est.dropHi;
      const ahead = dir > 0 ? est.dropHi : est.dropLo;
      if (
        span >= this.config.stopSpanBpm &&
        past >= this.config.overshootBpm &&
        past >= this.config.vertexZ * est.vertexSeBpm &&
        (this.#turns === 0 || ahead >= this.config.turnedDropLog)
      ) {
        // The swing hardly fell toward where the sweep started: the peak may lie behind it.
        if (canTurn && behind < this.config.minDropLog) return turn();
        this.#mode = 'peak';
        this.#target = reachable(v, est);
        peakBpm = this.#target;
        return move(this.#target, 'to-peak');
      }
    }
    const climbing = dir * est.slope - est.slopeSe > 0;
    const result = move(previous + dir, climbing ? 'climbing' : 'exploring');
    if (result.action === 'at-limit') {
      // At a bound: stay if the swing grows toward it, otherwise go to the best rate found.
      this.#mode = 'peak';
      this.#target =
        dir * est.slope >= 0 || v === null || dir * (v - previous) >= 0 ? previous : reachable(v, est);
      return this.#target === previous ? result : move(this.#target, 'to-peak');
    }
    return result;
  }

  /**
   * Once, when `phaseBreaths` breaths carry a phase of heart rate against the person's breath: the direction in
   * which the phase points (null before then, after, or without a measured breath). See the class comment.
   */
  #checkPhase(rateBpm: number): 1 | -1 | null {
    const c = this.config;
    if (this.#phaseChecked || this.#phases.size < c.phaseBreaths) return null;
    this.#phaseChecked = true;
    const phases = [...this.#phases.values()];
    this.#phases.clear();
    if (this.#turns > 0) return null;
    let x = 0;
    let y = 0;
    for (const p of phases) {
      x += Math.cos((p.phaseDeg * Math.PI) / 180);
      y += Math.sin((p.phaseDeg * Math.PI) / 180);
    }
    const meanDeg = (Math.atan2(y, x) * 180) / Math.PI;
    const meanRate = phases.reduce((sum, p) => sum + p.rateBpm, 0) / phases.length;
    const pointed = meanRate + (c.phaseAtPeakDeg - meanDeg) / c.phaseSlopeDegPerBpm;
    if (Math.abs(pointed - rateBpm) < c.phaseMarginBpm) return null;
    return pointed > rateBpm ? 1 : -1;
  }

  /**
   * The phases of the breaths measured now, until the direction is checked: a breath's phase may come a breath or
   * two after its swing (the chest's breaths are measured a few seconds late), so the breaths before the fresh ones
   * count too, each once, the latest measurement kept.
   */
  #takePhases(swings: readonly BreathSwing[]): void {
    if (this.#phaseChecked) return;
    for (const s of swings) {
      const phase = s.breathPhaseDeg;
      const windowFromS = s.startS - (this.config.windowBreaths - 1) * (s.endS - s.startS);
      if (typeof phase !== 'number' || !Number.isFinite(phase)) continue;
      if (windowFromS < this.#startS + this.config.phaseFromS) continue;
      this.#phases.set(s.startS, { rateBpm: s.rateBpm, phaseDeg: phase });
    }
  }

  #take(s: BreathSwing): void {
    if (s.endS <= this.#takenToS + 1e-9) return;
    this.#takenToS = s.endS;
    if (s.swingBpm === null || s.swingBpm <= 0) return;
    this.#recent.push(s.swingBpm);
    if (this.#recent.length > 5) this.#recent.shift();
    // Breaths in the settling time are the heart finding the rhythm, not its answer to it.
    // Its fit window reaches back windowBreaths − 1 breaths: that, too, must be past the settling time.
    const windowStartS = s.startS - (this.config.windowBreaths - 1) * (s.endS - s.startS);
    if (windowStartS < this.#startS + this.config.settleS) return;
    this.#samples.push({ rateBpm: s.rateBpm, logSwing: Math.log(s.swingBpm) });
    if (this.#samples.length > KEEP_SAMPLES) this.#samples.shift();
  }

  /**
   * The response over the rates breathed: a robust parabola in log swing against rate over all the breaths of the
   * session (the resonance of one session moves little: the sweep's far flank stays as informative as the breaths
   * just taken), with the prior curvature; its vertex and the vertex's standard error (delta method), combined with
   * the location prior, the slope at the rate now, how far the fitted swing falls from the vertex to either end of
   * the rates breathed, and whether the fitted curve is flat over them. Standard errors
   * are widened by √windowBreaths, since overlapping fit windows leave about one independent swing per
   * `windowBreaths` breaths.
   */
  #estimate(rateBpm: number): Estimate | null {
    const all = this.#samples;
    if (all.length < 8) return null;
    const xs = all.map((s) => s.rateBpm);
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    if (hi - lo < this.config.minSpanBpm) return null;
    const ys = all.map((s) => s.logSwing);
    const weights = all.map(() => 1);
    const m = this.config.correlationBreaths;
    const fit = robustQuadratic(
      xs,
      ys,
      weights,
      {
        c: this.config.priorCurvature,
        sd: this.config.priorCurvatureSd,
        inflation: m,
      },
      LOG_SWING_NOISE_FLOOR,
    );
    if (!fit) return null;
    const k = Math.sqrt(m);
    const { centre, b, c } = fit;
    const at = (x: number) => b * (x - centre) + c * (x - centre) ** 2;
    const d = rateBpm - centre;
    const slope = b + 2 * c * d;
    const slopeSe = k * Math.sqrt(Math.max(0, fit.seB ** 2 + 4 * d * d * fit.seC ** 2 + 4 * d * fit.covBC));
    let vertexBpm: number | null = null;
    let vertexSeBpm = Infinity;
    if (c < 0) {
      vertexBpm = centre - b / (2 * c);
      // v = centre − b/(2c): ∂v/∂b = −1/(2c), ∂v/∂c = b/(2c²).
      const gb = -1 / (2 * c);
      const gc = b / (2 * c * c);
      vertexSeBpm =
        k * Math.sqrt(Math.max(0, gb * gb * fit.seB ** 2 + gc * gc * fit.seC ** 2 + 2 * gb * gc * fit.covBC));
      // The location prior: a precision-weighted mean of the fitted vertex and the middle of the band.
      const { minBpm, maxBpm } = this.bounds();
      const w = vertexSeBpm > 0 ? 1 / vertexSeBpm ** 2 : Infinity;
      const w0 = 1 / this.config.priorPeakSdBpm ** 2;
      if (Number.isFinite(w)) {
        const centre = this.config.priorPeakBpm ?? (minBpm + maxBpm) / 2;
        vertexBpm = (w * vertexBpm + w0 * centre) / (w + w0);
        vertexSeBpm = 1 / Math.sqrt(w + w0);
      }
    }
    const inside = vertexBpm !== null && vertexBpm >= lo && vertexBpm <= hi;
    const bestBpm = inside ? (vertexBpm as number) : at(lo) > at(hi) ? lo : hi;
    const values = [at(lo), at(hi), inside ? at(vertexBpm as number) : at(lo)];
    const flat = 1 - Math.exp(Math.min(...values) - Math.max(...values)) < this.config.flatShare;
    const top = vertexBpm === null ? null : at(Math.min(hi, Math.max(lo, vertexBpm)));
    const dropLo = top === null ? 0 : top - at(lo);
    const dropHi = top === null ? 0 : top - at(hi);
    return {
      vertexBpm,
      vertexSeBpm,
      slope,
      slopeSe,
      bestBpm,
      flat,
      loBpm: lo,
      hiBpm: hi,
      dropLo,
      dropHi,
    };
  }
}
