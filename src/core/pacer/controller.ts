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
 * resonance curve, as the stepped score assumes), fitted over the breaths of the session weighted toward the recent
 * (`memoryS`), made robust to sighs and skipped breaths by bisquare re-weighting ({@link robustQuadratic}), and
 * given a prior on its curvature (how sharp resonance curves are: log response falls by 0.2-1.2 per (breath/min)²
 * on both simulated physiologies), so that the parabola's vertex, the estimated best rate, exists from the first
 * minutes and sharpens as breaths come in. Then:
 * - a bracketing probe: it sweeps at the largest allowed pace (`maxSlewBpmPerMin`), first toward the middle of the
 *   allowed band (resonance in adults clusters around 5.5 breaths/min: Vaschillo, Vaschillo & Lehrer 2006), until
 *   the vertex lies behind it with confidence (`vertexZ` standard errors, widened for the overlapping fit windows),
 *   which happens a little past the peak; it turns instead when the vertex lies clearly behind where it started
 *   (it looked the wrong way first);
 * - then it goes to the vertex and holds there, moving again only when the vertex estimate moves clearly (more
 *   than `deadbandBpm` and more than its own uncertainty), so it neither wanders nor oscillates at the top; a vertex
 *   beyond the rates breathed is approached at most `reachBpm` past them at a time;
 * - once at the first peak, while the vertex is still uncertain (`confirmSeBpm`), one confirming excursion goes
 *   `confirmBpm` past it on the side least explored and comes back to the refitted vertex, so the fit has breaths
 *   well down both flanks (a single probe stops too near the peak to place it well: fitted offline, one sweep that
 *   went 0.4/min past the peak places it within 90 % of the maximal response for 83-87 % of the simulated people,
 *   one that went 0.7/min past for 92-97 %); this is the one-off form of extremum seeking's dither;
 * - when the response is flat over a wide sweep (`flatSpanBpm`), it holds at the best rate breathed: a flat
 *   response never walks it to a limit (with the prior curvature, the best rate of a flat fit is its middle).
 * This is a bracketing line search followed by a model-based hold: the sampled, model-based form of extremum
 * seeking (Ariyur & Krstić 2003: perturb the input, estimate the gradient of the objective, climb it; here the probe
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
  /** Time after the session starts before the first change, seconds. */
  readonly settleS: number;
  /** Breaths older than this weigh e^−1 in the fit, seconds. */
  readonly memoryS: number;
  /** A fit needs breaths over at least this range of rates, breaths/min. */
  readonly minSpanBpm: number;
  /** The prior curvature of log swing against rate, per (breaths/min)², and its standard deviation. */
  readonly priorCurvature: number;
  readonly priorCurvatureSd: number;
  /** The vertex counts as behind (or as moved) when this many of its standard errors are. */
  readonly vertexZ: number;
  /** Turning the probe back past where it started needs this many standard errors. */
  readonly turnZ: number;
  /** The probe goes at least this far past the vertex before going back to it, breaths/min. */
  readonly overshootBpm: number;
  /**
   * Consecutive breaths' swings are correlated (overlapping fit windows, and a spontaneous oscillation beating
   * against the paced one): standard errors are widened by √ of this many breaths.
   */
  readonly correlationBreaths: number;
  /** A vertex outside the rates breathed is approached at most this far past them at a time, breaths/min. */
  readonly reachBpm: number;
  /**
   * The peak counts as bracketed when breaths were taken at least this far beyond the vertex on both sides (or
   * up to a bound); until then the probe goes on past it, breaths/min.
   */
  readonly bracketBpm: number;
  /**
   * Once at the first peak, one excursion goes this far past the vertex on the side least explored (if breaths
   * there do not reach so far), and back: the fit then has breaths on both flanks, breaths/min.
   */
  readonly confirmBpm: number;
  /** The excursion is made only while the vertex's standard error is above this, breaths/min. */
  readonly confirmSeBpm: number;
  /** The sweep turns only after going at least this far since it last turned, breaths/min. */
  readonly minTurnBpm: number;
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
}

export const DEFAULT_CONTROLLER: ControllerConfig = {
  minBpm: 4,
  maxBpm: 7,
  band: null,
  maxSlewBpmPerMin: 0.2,
  settleS: 45,
  memoryS: 600,
  minSpanBpm: 0.2,
  priorCurvature: -0.5,
  priorCurvatureSd: 0.35,
  vertexZ: 1,
  turnZ: 1.5,
  overshootBpm: 0.2,
  correlationBreaths: 8,
  reachBpm: 0.5,
  bracketBpm: 0.3,
  confirmBpm: 0.7,
  confirmSeBpm: 0.1,
  minTurnBpm: 0.3,
  deadbandBpm: 0.15,
  flatSpanBpm: 1.2,
  flatShare: 0.1,
  windowBreaths: 4,
  minSwingBpm: 1,
};

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
  readonly timeS: number;
  readonly rateBpm: number;
  readonly logSwing: number;
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
  #mode: 'explore' | 'peak' | 'flat' = 'explore';
  #target: number | null = null;
  /** The rate of the confirming excursion under way, or null. */
  #excursion: number | null = null;
  /** Whether the confirming excursion has been made (it is made once). */
  #confirmed = false;
  /** Where the sweep last turned (or started), breaths/min. */
  #turnedAtBpm: number;

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
    if (this.#excursion !== null) this.#excursion = this.#clamp(this.#excursion);
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
      ? measuredBreathSwings(series, spans, this.config.windowBreaths, measured, false).slice(-fresh)
      : [];
    return this.decideFromSwings(timeS, swings);
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
    const swings = fresh ? swingsOf(spans, this.config.windowBreaths).slice(-fresh) : [];
    return this.decideFromSwings(timeS, swings);
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
    if (timeS - this.#startS < this.config.settleS)
      return stay('waiting', { kind: 'settling', settleS: this.config.settleS });
    if (swingBpm === null) return stay('waiting', { kind: 'no-beats' });
    if (swingBpm < this.config.minSwingBpm)
      return stay('waiting', { kind: 'weak', rateBpm: previous, swingBpm });

    const cap = this.config.maxSlewBpmPerMin * elapsedMin;
    const est = this.#estimate(timeS, previous);
    const { minBpm, maxBpm } = this.bounds();
    const move = (
      toward: number,
      kind: 'exploring' | 'climbing' | 'turning' | 'to-peak',
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
    const turn = () => {
      this.#direction = -this.#direction as 1 | -1;
      this.#turnedAtBpm = previous;
      return move(previous + this.#direction, 'turning');
    };

    if (this.#mode !== 'explore' && this.#target !== null) {
      if (est) {
        if (this.#mode === 'flat' && !est.flat && est.vertexBpm !== null) this.#mode = 'peak';
        const v = est.vertexBpm;
        // Follow the vertex only when it has clearly moved: past the dead band and past its own uncertainty.
        if (
          this.#mode === 'peak' &&
          v !== null &&
          Math.abs(v - this.#target) >
            Math.max(this.config.deadbandBpm, this.config.vertexZ * est.vertexSeBpm)
        )
          this.#target = reachable(v, est);
        if (this.#mode === 'peak') peakBpm = this.#target;
      }
      // The confirming excursion: once, from the first hold, out to `confirmBpm` past the vertex on the side
      // least explored, then back to the vertex refitted with those breaths.
      if (this.#excursion !== null) {
        if (Math.abs(this.#excursion - previous) > 1e-6) return move(this.#excursion, 'exploring');
        this.#excursion = null;
        if (est?.vertexBpm != null) this.#target = reachable(est.vertexBpm, est);
        peakBpm = this.#target;
      } else if (
        !this.#confirmed &&
        this.#mode === 'peak' &&
        est?.vertexBpm != null &&
        Math.abs(this.#target - previous) < 1e-6
      ) {
        this.#confirmed = true;
        const v = est.vertexBpm;
        const side = est.hiBpm - v <= v - est.loBpm ? 1 : -1;
        const extent = side > 0 ? est.hiBpm - v : v - est.loBpm;
        const to = this.#clamp(v + side * this.config.confirmBpm);
        if (
          est.vertexSeBpm > this.config.confirmSeBpm &&
          extent < this.config.confirmBpm &&
          Math.abs(to - previous) > this.config.deadbandBpm
        ) {
          this.#excursion = to;
          return move(to, 'exploring');
        }
      }
      // A vertex too near the edge of the rates breathed is not bracketed yet: probe on past it.
      const open = est && this.#mode === 'peak' ? this.#unbracketed(est, 0.5) : 0;
      if (open !== 0 && est) {
        this.#mode = 'explore';
        this.#target = null;
        this.#direction = open;
        this.#turnedAtBpm = previous;
        return move(previous + open, 'exploring');
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

    // The bracketing probe.
    const dir = this.#direction;
    if (!est) return move(previous + dir, 'exploring');
    if (est.flat && est.hiBpm - est.loBpm >= this.config.flatSpanBpm) {
      this.#mode = 'flat';
      this.#target = this.#clamp(est.bestBpm);
      return move(this.#target, 'to-peak');
    }
    const z = this.config.vertexZ;
    const v = est.vertexBpm;
    const far = Math.abs(previous - this.#turnedAtBpm) >= this.config.minTurnBpm;
    const zt = this.config.turnZ;
    if (v !== null && far) {
      // The best rate lies behind: inside the rates breathed, go to it; beyond where the sweep started, turn.
      const inside = dir * (v - this.#turnedAtBpm) >= -this.config.minTurnBpm / 2;
      if (
        inside &&
        dir * (v - previous) + z * est.vertexSeBpm < 0 &&
        dir * (previous - v) >= this.config.overshootBpm &&
        this.#unbracketed(est) === 0
      ) {
        this.#mode = 'peak';
        this.#target = reachable(v, est);
        peakBpm = this.#target;
        return move(this.#target, 'to-peak');
      }
      if (!inside && dir * (v - this.#turnedAtBpm) + zt * est.vertexSeBpm < 0) return turn();
    }
    if (v === null && dir * est.slope + zt * est.slopeSe < 0 && far) return turn();
    const climbing = dir * est.slope - z * est.slopeSe > 0;
    const result = move(previous + dir, climbing ? 'climbing' : 'exploring');
    if (result.action === 'at-limit') {
      // At a bound: stay if the swing grows toward it, otherwise turn.
      if (dir * est.slope >= 0 || (v !== null && dir * (v - previous) >= 0)) {
        this.#mode = 'peak';
        this.#target = previous;
        return result;
      }
      return turn();
    }
    return result;
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
    this.#samples.push({ timeS: s.endS, rateBpm: s.rateBpm, logSwing: Math.log(s.swingBpm) });
    if (this.#samples.length > KEEP_SAMPLES) this.#samples.shift();
  }

  /**
   * The side on which the vertex is not bracketed by the rates breathed (0: bracketed, or at a bound); `share` of
   * `bracketBpm` (held at the peak, half: a vertex that moves a little does not restart the probe).
   */
  #unbracketed(est: Estimate, share = 1): -1 | 0 | 1 {
    const v = est.vertexBpm;
    if (v === null) return 0;
    const { minBpm, maxBpm } = this.bounds();
    const b = this.config.bracketBpm * share;
    if (est.hiBpm - v < b && est.hiBpm < maxBpm - 1e-6) return 1;
    if (v - est.loBpm < b && est.loBpm > minBpm + 1e-6) return -1;
    return 0;
  }

  /**
   * The response over the rates breathed: a robust parabola in log swing against rate over all the breaths
   * (weighted toward the recent), with the prior curvature; its vertex and the vertex's standard error (delta
   * method), the slope at the rate now, and whether the fitted curve is flat over the rates breathed. Standard errors
   * are widened by √windowBreaths, since overlapping fit windows leave about one independent swing per
   * `windowBreaths` breaths.
   */
  #estimate(timeS: number, rateBpm: number): Estimate | null {
    const all = this.#samples;
    if (all.length < 8) return null;
    const xs = all.map((s) => s.rateBpm);
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    if (hi - lo < this.config.minSpanBpm) return null;
    const ys = all.map((s) => s.logSwing);
    const recency = all.map((s) => Math.exp(-(timeS - s.timeS) / this.config.memoryS));
    const m = this.config.correlationBreaths;
    const fit = robustQuadratic(
      xs,
      ys,
      recency,
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
    }
    const inside = vertexBpm !== null && vertexBpm >= lo && vertexBpm <= hi;
    const bestBpm = inside ? (vertexBpm as number) : at(lo) > at(hi) ? lo : hi;
    const values = [at(lo), at(hi), inside ? at(vertexBpm as number) : at(lo)];
    const flat = 1 - Math.exp(Math.min(...values) - Math.max(...values)) < this.config.flatShare;
    return { vertexBpm, vertexSeBpm, slope, slopeSe, bestBpm, flat, loBpm: lo, hiBpm: hi };
  }
}
