import { Random } from '../random';

/**
 * A simulated person's heart, beat by beat, for demos, tests and protocol validation.
 *
 * The physiology it rests on:
 * - Heart rate is the sum of a slowly drifting mean, respiratory sinus arrhythmia (RSA), Mayer waves and
 *   beat-to-beat noise (Task Force of the ESC and NASPE 1996; Berntson et al. 1997).
 * - The baroreflex loop behaves as a resonant system near 0.1 Hz: breathing at the resonance frequency (about
 *   4.5-6.5 breaths/min in adults) makes the heart-rate oscillation largest, and away from it the amplitude falls
 *   (Vaschillo, Lehrer et al. 2002; Vaschillo, Vaschillo & Lehrer 2006; Lehrer & Gevirtz 2014). It is modelled as a
 *   second-order band-pass resonator (centre = the configured resonance frequency, damping ratio `damping`) driven
 *   by lung volume; its output is in phase with breathing at resonance, leads it below resonance and lags above,
 *   as the phase relation reported at resonance (Vaschillo et al. 2002: heart rate and breathing in phase, 0°).
 * - A smaller direct vagal RSA follows breathing at every rate (Eckberg 2003).
 * - Mayer waves are the same resonator excited by noise, so spontaneous oscillations sit at the resonance
 *   frequency too (Julien 2006).
 * - Beats fire by integral pulse frequency modulation: a beat occurs each time the integral of the instantaneous
 *   rate reaches one (Hyndman & Mohn 1975).
 * - Ectopic beats are premature (about 65 % of the RR) with a compensatory pause keeping the sum (Lipponen &
 *   Tarvainen 2019 describe the pattern); missed beats are two RR merged, as when a detector drops an R peak.
 */
export interface SimulatedHeartConfig {
  readonly seed: number;
  /** Mean heart rate, beats per minute. */
  readonly meanHrBpm: number;
  /** Breathing rate at which the oscillation peaks, breaths per minute. */
  readonly resonanceBpm: number;
  /** Peak-to-trough heart-rate swing, bpm, when breathing at resonance. */
  readonly rsaAtResonanceBpm: number;
  /** Peak-to-trough swing of the direct (non-resonant) vagal RSA, bpm. */
  readonly directRsaBpm: number;
  /** Damping ratio of the baroreflex resonator; smaller is a sharper resonance. */
  readonly damping: number;
  /** Strength of the noise exciting Mayer waves (bpm of resonator drive per sqrt(s)). */
  readonly mayerDrive: number;
  /** Standard deviation of the beat-to-beat timing jitter added to each RR, ms. */
  readonly beatNoiseMs: number;
  /** Standard deviation of the slow heart-rate drift, bpm (Ornstein-Uhlenbeck, 120 s time constant). */
  readonly driftBpm: number;
  /** Share of beats that are ectopic (premature with a compensatory pause), 0..1. */
  readonly ectopicRate: number;
  /** Share of beats a detector misses (two RR merged), 0..1. */
  readonly missedRate: number;
}

const DEFAULT_SIMULATED_HEART: SimulatedHeartConfig = {
  seed: 1,
  meanHrBpm: 66,
  resonanceBpm: 5.5,
  rsaAtResonanceBpm: 16,
  directRsaBpm: 3,
  damping: 0.12,
  mayerDrive: 0.25,
  beatNoiseMs: 6,
  driftBpm: 1.5,
  ectopicRate: 0,
  missedRate: 0,
};

export type SimulatedBeatKind = 'normal' | 'ectopic' | 'compensatory' | 'missed';

export interface SimulatedBeat {
  /** Interval ending at this beat, ms. */
  readonly rrMs: number;
  /** Time of the beat since the simulation began, seconds. */
  readonly timeS: number;
  /** Instantaneous heart rate of the model at the beat, bpm (what a device would report). */
  readonly heartRateBpm: number;
  readonly kind: SimulatedBeatKind;
}

/** Lung volume the simulated person breathes with at a time, 0 (empty) .. 1 (full). */
export type BreathingAt = (timeS: number) => number;

/** Spontaneous breathing at 12 breaths/min, for when no pacer leads. */
export const spontaneousBreathing: BreathingAt = (t) => 0.5 - 0.5 * Math.cos((2 * Math.PI * t * 12) / 60);

const STEP_S = 0.02;
const DRIFT_TAU_S = 120;

export class SimulatedHeart {
  readonly config: SimulatedHeartConfig;
  #rng: Random;
  #timeS = 0;
  /** Resonator state: position and velocity. */
  #x = 0;
  #v = 0;
  #driftBpm = 0;
  /** Phase accumulated toward the next beat (IPFM integral). */
  #phase = 0;
  #lastBeatS = 0;
  #hrBpm: number;
  #pendingCompensatoryMs = 0;
  /** Time of the last beat handed out, seconds (the sum of emitted RR). */
  #emittedS = 0;

  constructor(config: Partial<SimulatedHeartConfig> = {}) {
    this.config = { ...DEFAULT_SIMULATED_HEART, ...config };
    this.#rng = new Random(this.config.seed);
    this.#hrBpm = this.config.meanHrBpm;
  }

  /** Simulation time, seconds. */
  get timeS(): number {
    return this.#timeS;
  }

  /** Instantaneous heart rate from the model (before beat noise), bpm. */
  instantaneousHr(): number {
    return this.#hrBpm;
  }

  /**
   * Advance by one small step with the person's lung volume at that time.
   * Returns true when a beat fires during the step.
   */
  #step(breathing: BreathingAt): boolean {
    const c = this.config;
    const w0 = (2 * Math.PI * c.resonanceBpm) / 60;
    const dt = STEP_S;
    const u = breathing(this.#timeS) - 0.5 + (c.mayerDrive * this.#rng.normal()) / Math.sqrt(dt) / w0;
    // x'' + 2ζω0 x' + ω0² x = ω0² u (semi-implicit Euler, stable for ω0·dt << 1).
    const a = w0 * w0 * (u - this.#x) - 2 * c.damping * w0 * this.#v;
    this.#v += a * dt;
    this.#x += this.#v * dt;
    // Band-pass output with unit gain at resonance: y = (2ζ/ω0) x'.
    const y = ((2 * c.damping) / w0) * this.#v;
    this.#driftBpm +=
      (-this.#driftBpm / DRIFT_TAU_S) * dt +
      c.driftBpm * Math.sqrt((2 * dt) / DRIFT_TAU_S) * this.#rng.normal();
    const direct = c.directRsaBpm * (breathing(this.#timeS) - 0.5);
    this.#hrBpm = Math.max(
      30,
      c.meanHrBpm + this.#driftBpm + (c.rsaAtResonanceBpm - c.directRsaBpm) * y + direct,
    );
    this.#phase += (this.#hrBpm / 60) * dt;
    this.#timeS += dt;
    return this.#phase >= 1;
  }

  /** The next detected beat, advancing the simulation to it. */
  nextBeat(breathing: BreathingAt = spontaneousBreathing): SimulatedBeat {
    if (this.#pendingCompensatoryMs > 0) {
      const rrMs = this.#pendingCompensatoryMs;
      this.#pendingCompensatoryMs = 0;
      return this.#emit(rrMs, 'compensatory');
    }
    const rrMs = this.#nextTrueRr(breathing);
    const c = this.config;
    const roll = this.#rng.next();
    if (roll < c.ectopicRate) {
      // A premature beat, then a compensatory pause that keeps the pair's sum.
      const early = Math.round(rrMs * 6.5) / 10;
      this.#pendingCompensatoryMs = Math.round((rrMs + this.#nextTrueRr(breathing) - early) * 10) / 10;
      return this.#emit(early, 'ectopic');
    }
    if (roll < c.ectopicRate + c.missedRate) {
      return this.#emit(Math.round((rrMs + this.#nextTrueRr(breathing)) * 10) / 10, 'missed');
    }
    return this.#emit(rrMs, 'normal');
  }

  #emit(rrMs: number, kind: SimulatedBeatKind): SimulatedBeat {
    this.#emittedS += rrMs / 1000;
    return { rrMs, timeS: this.#emittedS, heartRateBpm: this.#hrBpm, kind };
  }

  /** Integrate to the next true (sinus) beat; returns its RR in ms with beat-to-beat noise. */
  #nextTrueRr(breathing: BreathingAt): number {
    while (!this.#step(breathing)) {
      /* integrate */
    }
    this.#phase -= 1;
    // Place the beat inside the step by the overshoot, for sub-step timing, then add timing jitter.
    const beatS = this.#timeS - this.#phase / (this.#hrBpm / 60);
    const jitterMs = this.config.beatNoiseMs * this.#rng.normal();
    const rrMs = Math.round(Math.max(250, (beatS - this.#lastBeatS) * 1000 + jitterMs) * 10) / 10;
    this.#lastBeatS += rrMs / 1000;
    return rrMs;
  }
}
