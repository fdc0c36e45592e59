import { cleanBeats, type TimedRr } from '../hrv/biofeedback';
import { breathSwings, robustMean, robustQuadratic, type BreathSwing } from './response';
import type { PacerSchedule } from './schedule';

/**
 * The adaptive controller: a maximum-seeker of the heart-rate swing over breathing rate. At each breath boundary it
 * takes the swing of the breath just finished (the amplitude-led, phase-free figure of ./response.ts), and fits a
 * parabola to log swing against the rate each breath was taken at, over the breaths of the session weighted toward
 * the recent (`memoryS`) and made robust to sighs and skipped breaths ({@link robustQuadratic}). It then:
 * - explores: moves at the largest allowed pace (`maxSlewBpmPerMin`) in one direction, first toward the middle of
 *   the allowed band (resonance in adults clusters around 5.5 breaths/min: Vaschillo, Vaschillo & Lehrer 2006), and
 *   turns when the fitted swing clearly falls the way it is going;
 * - once the fit shows a peak (a significantly negative curvature, with the vertex inside the rates breathed) and
 *   the rate has gone past it, goes back to the vertex and holds, moving again only when the vertex estimate moves
 *   more than `deadbandBpm` (so it does not wander or oscillate at the top);
 * - when a wide sweep (`flatSpanBpm`) shows no peak and no slope, holds at the best rate seen: a flat response
 *   never walks it to a limit.
 * This is a bracketing line search on a noisy objective, the sampled form of extremum seeking (Ariyur & Krstić
 * 2003) with the sweep itself as the perturbation. Phase against the pacer is not used: it moves tens of degrees
 * when a person breathes late. It always stays inside the hard bounds and the person's band, never moves faster
 * than `maxSlewBpmPerMin` per minute, and does not move at all when locked. Each decision carries a typed reason;
 * the words are the UI's (src/ui/pacer/reason-text.ts).
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
  /** The best rate counts as found only this far inside the rates breathed (or at a band limit), breaths/min. */
  readonly peakMarginBpm: number;
  /** The sweep turns only after going at least this far since it last turned, breaths/min. */
  readonly minTurnBpm: number;
  /** How far past the fitted peak the sweep goes before turning back to it, breaths/min. */
  readonly overshootBpm: number;
  /** At the peak, a vertex estimate nearer than this does not move the rate, breaths/min. */
  readonly deadbandBpm: number;
  /** A sweep this wide with no peak and no slope means the response is flat, breaths/min. */
  readonly flatSpanBpm: number;
  /** Bandwidth of the smoothing over rate, breaths/min. */
  readonly bandwidthBpm: number;
  /** Past the best rate, the smoothed swing must have fallen by this share before turning back to it. */
  readonly dropShare: number;
  /** A smoothed swing that varies by less than this share over the rates breathed is flat. */
  readonly flatShare: number;
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
  minSpanBpm: 0.3,
  peakMarginBpm: 0.35,
  minTurnBpm: 0.4,
  overshootBpm: 0.35,
  deadbandBpm: 0.15,
  flatSpanBpm: 1.2,
  bandwidthBpm: 0.4,
  dropShare: 0.2,
  flatShare: 0.1,
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
export interface ControllerResponse {
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

/** What the fit says about the response over the rates breathed. */
interface FittedResponse {
  /** Where the smoothed swing is largest among the rates breathed. */
  readonly bestBpm: number;
  /** How far the smoothed swing at the current rate is below the largest, 0..1. */
  readonly dropShare: number;
  /** The smoothed swing varies by less than `flatShare` over all the rates breathed. */
  readonly flat: boolean;
  readonly loBpm: number;
  readonly hiBpm: number;
}

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
   * beats and the schedule, and decides the rate for the next breath.
   */
  decide(timeS: number, beats: readonly TimedRr[], schedule: PacerSchedule): ControllerDecision {
    const breaths = schedule.breaths();
    const spans: { startS: number; endS: number }[] = [];
    for (let i = 0; i + 1 < breaths.length; i += 1) {
      const b = breaths[i];
      const next = breaths[i + 1];
      if (!b || !next || next.startS > timeS + 1e-9 || b.startS < this.#takenToS - 1e-9) continue;
      spans.push({ startS: b.startS, endS: next.startS });
    }
    const fromS = spans[0]?.startS ?? timeS;
    // Only the beats around the new breaths need cleaning (the 20 % rule looks two beats either side).
    let first = beats.length;
    while (first > 0 && (beats[first - 1]?.timeS ?? 0) >= fromS - 10) first -= 1;
    const swings = spans.length ? breathSwings(cleanBeats(beats.slice(first)), spans) : [];
    return this.decideFromSwings(timeS, swings);
  }

  /** The same decision from per-breath swings measured elsewhere (the HRV worker), oldest first. */
  decideFromSwings(timeS: number, swings: readonly BreathSwing[]): ControllerDecision {
    for (const s of swings) this.#take(s);
    const previous = this.#rateBpm;
    // Decisions come once a breath; a longer gap (the first call, a pause) allows no more than one breath's worth.
    const elapsedMin = Math.min(Math.max(0, timeS - this.#lastDecisionS), 60 / previous) / 60;
    this.#lastDecisionS = timeS;
    const swingBpm = robustMean(this.#recent);
    const response = (peakBpm: number | null): ControllerResponse => ({
      swingBpm,
      peakBpm,
      breaths: this.#samples.length,
    });
    const stay = (action: ControllerAction, reason: ControllerReason, peak: number | null = null) => ({
      timeS,
      previousRateBpm: previous,
      rateBpm: previous,
      action,
      reason,
      response: response(peak),
    });
    if (this.#locked) return stay('locked', { kind: 'locked', rateBpm: previous });
    if (timeS - this.#startS < this.config.settleS)
      return stay('waiting', { kind: 'settling', settleS: this.config.settleS });
    if (swingBpm === null) return stay('waiting', { kind: 'no-beats' });
    if (swingBpm < this.config.minSwingBpm)
      return stay('waiting', { kind: 'weak', rateBpm: previous, swingBpm });

    const cap = this.config.maxSlewBpmPerMin * elapsedMin;
    const fit = this.#fit(timeS);
    const { minBpm, maxBpm } = this.bounds();
    const move = (
      toward: number,
      kind: 'exploring' | 'climbing' | 'turning' | 'to-peak',
      peak: number | null,
    ) => {
      const step = Math.max(-cap, Math.min(cap, toward - previous));
      const next = this.#clamp(previous + step);
      if (Math.abs(next - previous) < 1e-9) {
        const limit = step > 0 ? 'top' : 'bottom';
        const reason: ControllerReason = {
          kind: 'at-limit',
          rateBpm: previous,
          limit,
          minBpm,
          maxBpm,
          swingBpm,
        };
        return { ...stay('at-limit', reason, peak) };
      }
      this.#rateBpm = next;
      const reason: ControllerReason =
        kind === 'to-peak'
          ? { kind, fromBpm: previous, toBpm: next, peakBpm: peak ?? next, swingBpm }
          : { kind, fromBpm: previous, toBpm: next, swingBpm };
      return {
        timeS,
        previousRateBpm: previous,
        rateBpm: next,
        action: (next > previous ? 'faster' : 'slower') as ControllerAction,
        reason,
        response: response(peak),
      };
    };

    if (this.#mode !== 'explore' && this.#target !== null) {
      // At the peak (or the best of a flat response): follow the best rate only when it moves past the dead band.
      if (this.#mode === 'peak' && fit && Math.abs(fit.bestBpm - this.#target) > this.config.deadbandBpm)
        this.#target = this.#clamp(fit.bestBpm);
      if (Math.abs(this.#target - previous) > 1e-6) return move(this.#target, 'to-peak', this.#target);
      return stay(
        'hold',
        this.#mode === 'peak'
          ? { kind: 'at-peak', rateBpm: previous, swingBpm }
          : { kind: 'flat', rateBpm: previous, swingBpm },
        this.#mode === 'peak' ? this.#target : null,
      );
    }

    const dir = this.#direction;
    if (fit) {
      const { bestBpm, loBpm, hiBpm } = fit;
      // The best rate is inside the rates tried when both sides of it were breathed and fell away; a best at an end
      // of what was tried means the response still rises that way (or it is a band limit).
      const inner = this.config.peakMarginBpm;
      const interior =
        (bestBpm >= loBpm + inner || loBpm <= minBpm + 1e-6) &&
        (bestBpm <= hiBpm - inner || hiBpm >= maxBpm - 1e-6);
      const beyond = Math.abs(previous - bestBpm) >= this.config.overshootBpm;
      if (interior && beyond && fit.dropShare >= this.config.dropShare) {
        this.#mode = fit.flat ? 'flat' : 'peak';
        this.#target = this.#clamp(bestBpm);
        return move(this.#target, 'to-peak', this.#target);
      }
      if (
        !interior &&
        Math.sign(bestBpm - previous) === -dir &&
        fit.dropShare >= this.config.dropShare &&
        Math.abs(previous - this.#turnedAtBpm) >= this.config.minTurnBpm
      ) {
        // Going away from where the response is largest: turn toward it and past it.
        this.#direction = -dir as 1 | -1;
        this.#turnedAtBpm = previous;
        return move(previous - dir, 'turning', null);
      }
      if (fit.flat && hiBpm - loBpm >= this.config.flatSpanBpm) {
        this.#mode = 'flat';
        this.#target = this.#clamp(bestBpm);
        return move(this.#target, 'to-peak', null);
      }
    }
    const result = move(
      previous + dir,
      fit && Math.sign(fit.bestBpm - previous) === dir ? 'climbing' : 'exploring',
      null,
    );
    if (result.action === 'at-limit') {
      // At a bound: stay if the response is largest there, otherwise turn.
      if (fit && Math.abs(fit.bestBpm - previous) < this.config.peakMarginBpm) {
        this.#mode = 'peak';
        this.#target = previous;
        return result;
      }
      this.#direction = -dir as 1 | -1;
      this.#turnedAtBpm = previous;
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
    if (s.startS < this.#startS + this.config.settleS) return;
    this.#samples.push({ timeS: s.endS, rateBpm: s.rateBpm, logSwing: Math.log(s.swingBpm) });
    if (this.#samples.length > KEEP_SAMPLES) this.#samples.shift();
  }

  /**
   * The response over the rates breathed, smoothed by a robust local quadratic regression with a fixed bandwidth
   * (`bandwidthBpm`, tricube weights; Cleveland 1979) on a 0.05 breaths/min grid: where it is largest, how far the
   * current rate's smoothed swing has fallen below that, and whether the whole curve is flat.
   */
  #fit(timeS: number): FittedResponse | null {
    const xs = this.#samples.map((s) => s.rateBpm);
    if (xs.length < 8) return null;
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    if (hi - lo < this.config.minSpanBpm) return null;
    const ys = this.#samples.map((s) => s.logSwing);
    const recency = this.#samples.map((s) => Math.exp(-(timeS - s.timeS) / this.config.memoryS));
    const h = this.config.bandwidthBpm;
    const at = (x0: number): number | null => {
      const w = xs.map((x, i) => {
        const u = Math.abs(x - x0) / h;
        return u < 1 ? (1 - u * u * u) ** 3 * (recency[i] as number) : 0;
      });
      const f = robustQuadratic(xs, ys, w);
      if (!f) return null;
      const d = x0 - f.centre;
      return f.a + f.b * d + f.c * d * d;
    };
    let bestBpm = lo;
    let best = -Infinity;
    let worst = Infinity;
    for (let x = lo; x <= hi + 1e-9; x += 0.05) {
      const v = at(Math.min(hi, x));
      if (v === null) continue;
      if (v > best) {
        best = v;
        bestBpm = Math.min(hi, x);
      }
      worst = Math.min(worst, v);
    }
    if (!Number.isFinite(best)) return null;
    const here = at(Math.min(hi, Math.max(lo, this.#rateBpm))) ?? best;
    return {
      bestBpm,
      loBpm: lo,
      hiBpm: hi,
      dropShare: 1 - Math.exp(here - best),
      flat: 1 - Math.exp(worst - best) < this.config.flatShare,
    };
  }
}
