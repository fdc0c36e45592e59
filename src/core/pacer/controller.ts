import { breathingResponse, type BreathingResponse, type TimedRr } from '../hrv/biofeedback';
import { valueOf } from '../hrv/measure';
import type { PacerSchedule } from './schedule';

/**
 * The adaptive controller: at each breath boundary it nudges the breathing rate toward this person's resonance
 * frequency, the rate at which the heart-rate oscillation is strongest.
 *
 * It steers by the phase between heart rate and breathing at the breathing frequency: at resonance they are in
 * phase (Vaschillo et al. 2002); below it heart rate leads breathing and above it lags, as for any resonant system
 * driven off its natural frequency. So the phase gives the direction and, near resonance, roughly the distance,
 * without having to wander off the best rate to compare (unlike peak-seeking on amplitude alone). The step is
 * proportional to the phase, capped at `maxSlewBpmPerMin` per minute of time since the last decision, and the rate
 * holds while the phase is within `holdDeg` of zero, where the amplitude is at its peak. Peak-to-trough amplitude and
 * LF peak power are reported in each reason so the person sees what the change is for; a response too weak to read
 * a phase from (smaller than `minAmplitudeBpm`, or with less than `minLockedShare` of the heart-rate variance at the
 * breathing frequency, as when the person is not following the pacer) makes the controller wait rather than guess.
 */
export interface ControllerConfig {
  /** Hard bounds, breaths/min. */
  readonly minBpm: number;
  readonly maxBpm: number;
  /** The band the person chose inside the hard bounds, or null. */
  readonly band: { readonly minBpm: number; readonly maxBpm: number } | null;
  readonly maxSlewBpmPerMin: number;
  /** Rate change per minute for each degree of phase, breaths/min per minute per degree. */
  readonly gainBpmPerMinPerDeg: number;
  readonly holdDeg: number;
  /** Analysis window ending at the boundary, seconds. */
  readonly windowS: number;
  /** Time after the session starts before the first change, seconds. */
  readonly settleS: number;
  readonly minAmplitudeBpm: number;
  /** Least share of heart-rate variance at the breathing frequency for the phase to be trusted, 0..1. */
  readonly minLockedShare: number;
}

export const DEFAULT_CONTROLLER: ControllerConfig = {
  minBpm: 4,
  maxBpm: 7,
  band: null,
  maxSlewBpmPerMin: 0.2,
  gainBpmPerMinPerDeg: 0.006,
  holdDeg: 8,
  windowS: 60,
  settleS: 45,
  minAmplitudeBpm: 2,
  minLockedShare: 0.3,
};

export type ControllerAction = 'waiting' | 'hold' | 'faster' | 'slower' | 'locked' | 'at-limit';

export interface ControllerDecision {
  readonly timeS: number;
  readonly previousRateBpm: number;
  readonly rateBpm: number;
  readonly action: ControllerAction;
  /** What happened and why, in words for the screen. */
  readonly reason: string;
  readonly response: BreathingResponse | null;
}

const fmt = (x: number): string => x.toFixed(2);

export class AdaptiveController {
  readonly config: ControllerConfig;
  #rateBpm: number;
  #locked = false;
  #startS: number;
  #lastDecisionS: number;
  #band: { minBpm: number; maxBpm: number } | null;

  constructor(startRateBpm: number, config: Partial<ControllerConfig> = {}, startS = 0) {
    this.config = { ...DEFAULT_CONTROLLER, ...config };
    this.#band = this.config.band;
    this.#startS = startS;
    this.#lastDecisionS = startS;
    this.#rateBpm = this.#clamp(startRateBpm);
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

  /**
   * Called as a breath begins at `timeS`: judges the last `windowS` of beats against the breathing the schedule
   * led, and returns the rate for the next breath with the reason.
   */
  decide(timeS: number, beats: readonly TimedRr[], schedule: PacerSchedule): ControllerDecision {
    const previous = this.#rateBpm;
    // Decisions come once a breath; a longer gap (the first call, a pause) allows no more than one breath's worth.
    const elapsedMin = Math.min(Math.max(0, timeS - this.#lastDecisionS), 60 / previous) / 60;
    this.#lastDecisionS = timeS;
    const base = { timeS, previousRateBpm: previous };
    if (this.#locked) {
      return {
        ...base,
        rateBpm: previous,
        action: 'locked',
        reason: `Locked at ${fmt(previous)}/min.`,
        response: null,
      };
    }
    if (timeS - this.#startS < this.config.settleS) {
      const reason = `Settling in: the first change comes after ${this.config.settleS} s of paced breathing.`;
      return { ...base, rateBpm: previous, action: 'waiting', reason, response: null };
    }
    const fromS = Math.max(this.#startS, timeS - this.config.windowS);
    const spans = schedule
      .breaths()
      .slice(0, -1)
      .map((b, i, all) => ({
        startS: b.startS,
        endS: (all[i + 1] ?? schedule.breaths().at(-1) ?? b).startS,
      }));
    const response = breathingResponse(
      beats,
      (t) => schedule.at(t).volume,
      spans,
      fromS,
      timeS,
      previous / 60,
    );
    const phase = valueOf(response.phaseDeg);
    const amplitude = valueOf(response.amplitudeBpm);
    if (phase === null || amplitude === null) {
      const reason = 'Waiting for enough clean beats to read the heart-rate rhythm.';
      return { ...base, rateBpm: previous, action: 'waiting', reason, response };
    }
    const swing = `heart-rate swing ${amplitude.toFixed(1)} bpm`;
    if (amplitude < this.config.minAmplitudeBpm) {
      const reason = `Holding at ${fmt(previous)}/min: the ${swing} is too small to steer by.`;
      return { ...base, rateBpm: previous, action: 'waiting', reason, response };
    }
    const locked = valueOf(response.breathLockedShare) ?? 0;
    if (locked < this.config.minLockedShare) {
      const reason = `Holding at ${fmt(previous)}/min: heart rate is not yet following your breathing (${Math.round(locked * 100)} % of its swing is at the breathing rhythm).`;
      return { ...base, rateBpm: previous, action: 'waiting', reason, response };
    }
    if (Math.abs(phase) <= this.config.holdDeg) {
      const reason = `Holding at ${fmt(previous)}/min: heart rate rises and falls with your breath (${Math.round(phase)}°), ${swing}. This looks like your resonance rate.`;
      return { ...base, rateBpm: previous, action: 'hold', reason, response };
    }
    const cap = this.config.maxSlewBpmPerMin * elapsedMin;
    const wanted =
      Math.sign(phase) * Math.min(cap, this.config.gainBpmPerMinPerDeg * Math.abs(phase) * elapsedMin);
    const next = this.#clamp(previous + wanted);
    const lead = phase > 0 ? 'leads' : 'lags';
    const because = `heart rate ${lead} your breath by ${Math.abs(Math.round(phase))}° (${swing})`;
    if (Math.abs(next - previous) < 1e-9) {
      const { minBpm, maxBpm } = this.bounds();
      const reason = `Holding at ${fmt(previous)}/min, the ${phase > 0 ? 'top' : 'bottom'} of the allowed ${fmt(minBpm)}-${fmt(maxBpm)}: ${because}.`;
      return { ...base, rateBpm: previous, action: 'at-limit', reason, response };
    }
    this.#rateBpm = next;
    const action = next > previous ? 'faster' : 'slower';
    const reason = `${action === 'faster' ? 'Faster' : 'Slower'}: ${fmt(previous)} → ${fmt(next)}/min because ${because}; resonance is likely ${action === 'faster' ? 'above' : 'below'} this rate.`;
    return { ...base, rateBpm: next, action, reason, response };
  }
}
