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
  /** The parabola is refitted within this distance of its first vertex, breaths/min. */
  readonly fitHalfWidthBpm: number;
  /** A peak must stand this share above the fitted swing at both ends of the rates breathed. */
  readonly prominenceShare: number;
  /** A peak needs breaths over at least this range of rates, breaths/min. */
  readonly minPeakSpanBpm: number;
  /**
   * How many standard errors make a slope or a curvature clear. The errors are first widened by √windowBreaths,
   * since overlapping fit windows leave about one independent swing per `windowBreaths` breaths.
   */
  readonly significance: number;
  /** A smoothed swing that varies by less than this share over the rates breathed is flat. */
  readonly flatShare: number;
  /** Each breath's swing is fitted over it and the breaths before it, this many in all. */
  readonly windowBreaths: number;
  /** Below this swing, bpm, there is too little response to steer by. */
  readonly minSwingBpm: number;
}

const DEFAULT_CONTROLLER: ControllerConfig = {
  minBpm: 4,
  maxBpm: 7,
  band: null,
  maxSlewBpmPerMin: 0.2,
  settleS: 45,
  memoryS: 600,
  minSpanBpm: 0.3,
  peakMarginBpm: 0.25,
  minTurnBpm: 0.4,
  overshootBpm: 0.35,
  deadbandBpm: 0.15,
  flatSpanBpm: 1.2,
  fitHalfWidthBpm: 1.2,
  minPeakSpanBpm: 0.8,
  prominenceShare: 0.08,
  significance: 2,
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

/** How far the parabola's vertex stands above the higher of its two ends, in log swing. */
function prominence(
  f: { centre: number; b: number; c: number },
  vertex: number,
  lo: number,
  hi: number,
): number {
  const at = (x: number) => f.b * (x - f.centre) + f.c * (x - f.centre) ** 2;
  return at(vertex) - Math.max(at(lo), at(hi));
}

/** What the fit says about the response over the rates breathed. */
interface FittedResponse {
  /** Where the swing clearly peaks, breaths/min; null while there is no clear peak. */
  readonly peakBpm: number | null;
  /** The best of the rates breathed by the fitted curve. */
  readonly bestBpm: number;
  /** The fitted swing varies by less than `flatShare` over all the rates breathed. */
  readonly flat: boolean;
  /** Which way the swing clearly grows along the current leg of the sweep (0: not clearly). */
  readonly legSlopeSign: -1 | 0 | 1;
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
  /** When the sweep last turned (or started), seconds. */
  #turnedAtS: number;

  constructor(startRateBpm: number, config: Partial<ControllerConfig> = {}, startS = 0) {
    this.config = { ...DEFAULT_CONTROLLER, ...config };
    this.#band = this.config.band;
    this.#startS = startS;
    this.#lastDecisionS = startS;
    this.#rateBpm = this.#clamp(startRateBpm);
    this.#direction = this.#towardMiddle();
    this.#turnedAtBpm = this.#rateBpm;
    this.#turnedAtS = startS;
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
      // Held at a bound (the swing seemed to grow toward it), the best rate of the fitted curve may move it back.
      const atBound = this.#target <= minBpm + 1e-6 || this.#target >= maxBpm - 1e-6;
      const peak = fit?.peakBpm ?? (atBound ? (fit?.bestBpm ?? null) : null);
      if (this.#mode === 'peak' && peak !== null && Math.abs(peak - this.#target) > this.config.deadbandBpm)
        this.#target = this.#clamp(peak);
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
      const { peakBpm } = fit;
      const past =
        peakBpm !== null &&
        (dir > 0
          ? previous >= peakBpm + this.config.overshootBpm
          : previous <= peakBpm - this.config.overshootBpm);
      if (peakBpm !== null && past) {
        this.#mode = 'peak';
        this.#target = this.#clamp(peakBpm);
        return move(this.#target, 'to-peak', this.#target);
      }
      // The swing clearly falls the way this leg of the sweep goes: turn, and sweep past where it started.
      if (fit.legSlopeSign === -dir && Math.abs(previous - this.#turnedAtBpm) >= this.config.minTurnBpm) {
        this.#direction = -dir as 1 | -1;
        this.#turnedAtBpm = previous;
        this.#turnedAtS = timeS;
        return move(previous - dir, 'turning', null);
      }
      if (peakBpm === null && fit.flat && fit.hiBpm - fit.loBpm >= this.config.flatSpanBpm) {
        this.#mode = 'flat';
        this.#target = this.#clamp(fit.bestBpm);
        return move(this.#target, 'to-peak', null);
      }
    }
    const result = move(previous + dir, fit?.legSlopeSign === dir ? 'climbing' : 'exploring', null);
    if (result.action === 'at-limit') {
      // At a bound: stay if the swing grew toward it, otherwise turn.
      if (fit && (fit.legSlopeSign === dir || Math.abs(fit.bestBpm - previous) < this.config.peakMarginBpm)) {
        this.#mode = 'peak';
        this.#target = previous;
        return result;
      }
      this.#direction = -dir as 1 | -1;
      this.#turnedAtBpm = previous;
      this.#turnedAtS = timeS;
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
   * The response over the rates breathed: a robust parabola in log swing against rate over all the breaths
   * (weighted toward the recent), refitted within `fitHalfWidthBpm` of its vertex so a far, asymmetric flank
   * cannot pull it; its vertex counts as the peak when the curvature is clearly negative and the vertex lies well
   * inside the rates breathed. Also the slope along the current leg of the sweep (a straight line over the breaths
   * since the last turn), and whether the whole curve is flat.
   */
  #fit(timeS: number): FittedResponse | null {
    const all = this.#samples;
    if (all.length < 8) return null;
    const xs = all.map((s) => s.rateBpm);
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    if (hi - lo < this.config.minSpanBpm) return null;
    const ys = all.map((s) => s.logSwing);
    const recency = all.map((s) => Math.exp(-(timeS - s.timeS) / this.config.memoryS));
    let fit = robustQuadratic(xs, ys, recency);
    if (!fit) return null;
    const vertexOf = (f: { centre: number; b: number; c: number }) =>
      f.c < 0 ? f.centre - f.b / (2 * f.c) : null;
    const first = vertexOf(fit);
    if (first !== null) {
      const h = this.config.fitHalfWidthBpm;
      const near = robustQuadratic(
        xs,
        ys,
        recency.map((w, i) => (Math.abs((xs[i] as number) - first) <= h ? w : 0)),
      );
      if (near) fit = near;
    }
    const k = this.config.significance * Math.sqrt(this.config.windowBreaths);
    const vertex = vertexOf(fit);
    const margin = this.config.peakMarginBpm;
    const peakBpm =
      vertex !== null &&
      hi - lo >= this.config.minPeakSpanBpm &&
      fit.c < -k * fit.seC &&
      vertex >= lo + margin &&
      vertex <= hi - margin &&
      prominence(fit, vertex, lo, hi) >= -Math.log(1 - this.config.prominenceShare)
        ? vertex
        : null;
    const f = fit;
    const at = (x: number) => f.b * (x - f.centre) + f.c * (x - f.centre) ** 2;
    const bestBpm = vertex !== null && vertex >= lo && vertex <= hi ? vertex : at(lo) > at(hi) ? lo : hi;
    const extremes = [at(lo), at(hi), vertex !== null && vertex >= lo && vertex <= hi ? at(vertex) : at(lo)];
    const flat =
      Math.abs(fit.c) < k * fit.seC &&
      1 - Math.exp(Math.min(...extremes) - Math.max(...extremes)) < this.config.flatShare;
    return { peakBpm, bestBpm, loBpm: lo, hiBpm: hi, flat, legSlopeSign: this.#legSlope(timeS) };
  }

  /** Sign of the straight-line slope of log swing against rate over the breaths since the sweep last turned. */
  #legSlope(timeS: number): -1 | 0 | 1 {
    const leg = this.#samples.filter((s) => s.timeS >= this.#turnedAtS);
    if (leg.length < 6) return 0;
    const xs = leg.map((s) => s.rateBpm);
    if (Math.max(...xs) - Math.min(...xs) < this.config.minTurnBpm / 2) return 0;
    const ys = leg.map((s) => s.logSwing);
    const n = leg.length;
    const mx = xs.reduce((a, b) => a + b, 0) / n;
    const my = ys.reduce((a, b) => a + b, 0) / n;
    let sxx = 0;
    let sxy = 0;
    for (let i = 0; i < n; i += 1) {
      sxx += ((xs[i] as number) - mx) ** 2;
      sxy += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
    }
    const slope = sxy / sxx;
    let rss = 0;
    for (let i = 0; i < n; i += 1) rss += ((ys[i] as number) - my - slope * ((xs[i] as number) - mx)) ** 2;
    const se = Math.sqrt(rss / Math.max(1, n - 2) / sxx);
    void timeS;
    const k = this.config.significance * Math.sqrt(this.config.windowBreaths);
    return slope > k * se ? 1 : slope < -k * se ? -1 : 0;
  }
}
