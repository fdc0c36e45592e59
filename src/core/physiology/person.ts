import { Random } from '../random';
import type { BreathingAt } from './simulated-heart';

/**
 * Simulated people for protocol validation: a physiology model (how heart rate answers lung volume) wrapped in the
 * parts every person shares, each a switch so a panel can be made as hard as real people:
 * - breathing that follows the pacer late (`lagS`), with a depth that varies from breath to breath
 *   (`depthJitter`), occasional sighs (a breath about twice as deep, `sighRate`) and skipped breaths (barely any,
 *   `skipRate`); the person's actual lung volume is what drives the heart, and it is exposed
 *   ({@link ModelPerson.breathVolume}) for anything that simulates chest motion from it;
 * - 1/f background heart-rate variability (`backgroundBpm`): four Ornstein-Uhlenbeck processes with time constants
 *   4, 16, 64 and 256 s and equal variance, whose summed spectrum falls about as 1/f over 0.001-0.1 Hz, the shape
 *   of long-term heart-rate variability (Kobayashi & Musha 1982; Task Force of the ESC and NASPE 1996);
 * - a resonance that differs a little between sessions (`sessionShiftBpm`, drawn per `session`) and wanders within
 *   one (`wanderBpm`, Ornstein-Uhlenbeck, 300 s time constant): Vaschillo, Vaschillo & Lehrer (2006) found the
 *   resonance frequency stable within a person but not identical across occasions;
 * - beats by integral pulse frequency modulation (Hyndman & Mohn 1975); ectopic beats (`ectopicRate`, premature at
 *   about 65 % of the RR with a compensatory pause keeping the pair's sum, the pattern Lipponen & Tarvainen 2019
 *   describe); RR intervals quantised to 1/1024 s as the Bluetooth Heart Rate Measurement characteristic carries
 *   them (Bluetooth SIG, Heart Rate Service 1.0).
 */
export interface PersonOptions {
  /** How late the person's breath follows the pacer's, seconds. */
  readonly lagS: number;
  /** Standard deviation of each breath's depth relative to the pacer's, as a share (0.2: ±20 %). */
  readonly depthJitter: number;
  /** Share of breaths that are sighs (about twice as deep). */
  readonly sighRate: number;
  /** Share of breaths the person barely takes (a tenth of the depth). */
  readonly skipRate: number;
  /** Standard deviation of the 1/f background heart-rate variability, bpm. */
  readonly backgroundBpm: number;
  /** Standard deviation of this session's resonance from the person's usual one, breaths/min. */
  readonly sessionShiftBpm: number;
  /** Standard deviation of the slow wander of the resonance within a session, breaths/min. */
  readonly wanderBpm: number;
  /** Share of beats that are ectopic, 0..1. */
  readonly ectopicRate: number;
  /** Standard deviation of the beat-to-beat timing jitter, ms. */
  readonly beatNoiseMs: number;
  /** RR intervals in whole 1/1024 s, as a chest strap sends them. */
  readonly quantiseRr: boolean;
}

/** A person who breathes exactly with the pacer: no lag, no jitter, no sighs, no background, no ectopic beats. */
export const EXACT_PERSON: PersonOptions = {
  lagS: 0,
  depthJitter: 0,
  sighRate: 0,
  skipRate: 0,
  backgroundBpm: 0,
  sessionShiftBpm: 0,
  wanderBpm: 0,
  ectopicRate: 0,
  beatNoiseMs: 6,
  quantiseRr: false,
};

/** The options the `--lag --sighs --depth-jitter` flags turn on, at the strength the validation panel draws. */
export const TYPICAL_PERSON: PersonOptions = {
  lagS: 0.7,
  depthJitter: 0.2,
  sighRate: 0.03,
  skipRate: 0.02,
  backgroundBpm: 2,
  sessionShiftBpm: 0.15,
  wanderBpm: 0.1,
  ectopicRate: 0.02,
  beatNoiseMs: 6,
  quantiseRr: true,
};

/** A beat as the protocols see it: the interval ending at the beat and the beat's time, seconds from the start. */
export interface PersonBeat {
  readonly rrMs: number;
  readonly timeS: number;
}

/**
 * The surface every protocol runs on, and the stable interface of `npm run simulate -- --person FILE.mjs`: a clock
 * (the time of the last beat handed out) and the next beat given the pacer's lung volume over time (0..1).
 */
export interface SimulatedPerson {
  readonly timeS: number;
  nextBeat(breathing: BreathingAt): PersonBeat;
}

/** A model person: also its actual lung volume and its true response, for validation. */
export interface ModelPerson extends SimulatedPerson {
  /** The resonance this session, breaths/min (the truth a protocol is judged against). */
  readonly resonanceBpm: number;
  /** The person's actual lung volume at `timeS` (after lag, depth, sighs), 0 = empty, about 1 = a full paced breath. */
  breathVolume(timeS: number): number;
  /**
   * The noise-free peak-to-trough heart-rate swing when breathing steadily and fully at `rateBpm`, bpm: the
   * "maximal response" a rate gives this person this session.
   */
  maximalResponseBpm(rateBpm: number): number;
}

/**
 * A physiology model: the heart-rate deviation from the mean, bpm, advanced by `dtS` with the person's lung volume
 * (0..1, 0.5 at mid-breath), and its steady-state gain (peak-to-trough bpm per full breath) at a breathing rate.
 */
export interface HeartModel {
  step(dtS: number, volume: number, resonanceShiftBpm: number, rng: Random): number;
  gainBpm(rateBpm: number): number;
}

const STEP_S = 0.02;
const BACKGROUND_TAUS_S = [4, 16, 64, 256];
const WANDER_TAU_S = 300;
/** The person's breath record is kept this long for look-ups of their actual volume, seconds. */
const VOLUME_HISTORY_S = 120;

/** An Ornstein-Uhlenbeck process of standard deviation `sd` and time constant `tauS`, advanced in steps. */
class Wander {
  value = 0;
  constructor(
    readonly sd: number,
    readonly tauS: number,
  ) {}
  step(dtS: number, rng: Random): number {
    if (this.sd === 0) return 0;
    this.value += (-this.value / this.tauS) * dtS + this.sd * Math.sqrt((2 * dtS) / this.tauS) * rng.normal();
    return this.value;
  }
}

/**
 * The person's own breath: the pacer's volume `lagS` late, each breath scaled by its own depth. A breath begins
 * when the lagged pacer volume rises through 2 % of full (the bottom of the breath, where a new depth changes the
 * volume least).
 */
class Breather {
  readonly #options: PersonOptions;
  readonly #rng: Random;
  #times: number[] = [];
  #volumes: number[] = [];
  #paced: number[] = [];
  #depth = 1;
  #previous = 0;

  constructor(options: PersonOptions, rng: Random) {
    this.#options = options;
    this.#rng = rng;
  }

  /** Records the pacer's volume at `timeS` and returns the person's volume then. */
  step(timeS: number, pacerVolume: number): number {
    this.#times.push(timeS);
    this.#paced.push(pacerVolume);
    const lagged = this.#pacedAt(timeS - this.#options.lagS);
    if (this.#previous < 0.02 && lagged >= 0.02) this.#depth = this.#drawDepth();
    this.#previous = lagged;
    const volume = this.#depth * lagged;
    this.#volumes.push(volume);
    while ((this.#times[0] ?? timeS) < timeS - VOLUME_HISTORY_S) {
      this.#times.shift();
      this.#paced.shift();
      this.#volumes.shift();
    }
    return volume;
  }

  #drawDepth(): number {
    const o = this.#options;
    const roll = this.#rng.next();
    if (roll < o.sighRate) return 1.8 + 0.4 * this.#rng.next();
    if (roll < o.sighRate + o.skipRate) return 0.1;
    return Math.max(0.4, 1 + o.depthJitter * this.#rng.normal());
  }

  #pacedAt(timeS: number): number {
    return this.#lookup(this.#paced, timeS);
  }

  volumeAt(timeS: number): number {
    return this.#lookup(this.#volumes, timeS);
  }

  #lookup(values: number[], timeS: number): number {
    const n = this.#times.length;
    const t0 = this.#times[0];
    if (t0 === undefined || timeS < t0) return 0;
    // Steps are evenly spaced, so the index is direct.
    const i = Math.min(n - 1, Math.max(0, Math.round((timeS - t0) / STEP_S)));
    return values[i] ?? 0;
  }
}

/** How the wrapped model's people are drawn: the model, and the person-level parts above. */
export interface PersonSetup {
  readonly seed: number;
  readonly session: number;
  readonly meanHrBpm: number;
  readonly model: HeartModel;
  /** The model's resonance before this session's shift, breaths/min. */
  readonly resonanceBpm: number;
  readonly options: PersonOptions;
}

/** A model wrapped with the person's breathing, background variability, resonance drift, ectopic beats and RR form. */
export class WrappedPerson implements ModelPerson {
  readonly resonanceBpm: number;
  readonly #setup: PersonSetup;
  readonly #rng: Random;
  readonly #breather: Breather;
  readonly #background: Wander[];
  readonly #wander: Wander;
  readonly #sessionShiftBpm: number;
  #clockS = 0;
  #phase = 0;
  #hrBpm: number;
  #lastTrueBeatS = 0;
  #emittedS = 0;
  #pendingMs = 0;

  constructor(setup: PersonSetup) {
    this.#setup = setup;
    const o = setup.options;
    // The session's shift comes from its own stream so that the same person has the same shift in every protocol.
    const sessionRng = new Random(setup.seed * 7919 + setup.session * 104729 + 17);
    this.#sessionShiftBpm = setup.session === 0 ? 0 : o.sessionShiftBpm * sessionRng.normal();
    this.resonanceBpm = setup.resonanceBpm + this.#sessionShiftBpm;
    this.#rng = new Random(setup.seed * 31 + setup.session * 1009 + 1);
    this.#breather = new Breather(o, this.#rng);
    const each = o.backgroundBpm / Math.sqrt(BACKGROUND_TAUS_S.length);
    this.#background = BACKGROUND_TAUS_S.map((tau) => new Wander(each, tau));
    this.#wander = new Wander(o.wanderBpm, WANDER_TAU_S);
    this.#hrBpm = setup.meanHrBpm;
  }

  get timeS(): number {
    return this.#emittedS;
  }

  breathVolume(timeS: number): number {
    return this.#breather.volumeAt(timeS);
  }

  maximalResponseBpm(rateBpm: number): number {
    return this.#setup.model.gainBpm(rateBpm - this.#sessionShiftBpm);
  }

  nextBeat(breathing: BreathingAt): PersonBeat {
    if (this.#pendingMs > 0) {
      const rrMs = this.#pendingMs;
      this.#pendingMs = 0;
      return this.#emit(rrMs);
    }
    const rrMs = this.#trueRr(breathing);
    if (this.#rng.next() < this.#setup.options.ectopicRate) {
      const early = rrMs * 0.65;
      this.#pendingMs = rrMs + this.#trueRr(breathing) - early;
      return this.#emit(early);
    }
    return this.#emit(rrMs);
  }

  #emit(rrMs: number): PersonBeat {
    const ms = this.#setup.options.quantiseRr ? (Math.round((rrMs * 1024) / 1000) * 1000) / 1024 : rrMs;
    this.#emittedS += ms / 1000;
    return { rrMs: ms, timeS: this.#emittedS };
  }

  #step(breathing: BreathingAt): boolean {
    const dt = STEP_S;
    const volume = this.#breather.step(this.#clockS, breathing(this.#clockS));
    const shift = this.#sessionShiftBpm + this.#wander.step(dt, this.#rng);
    const deviation = this.#setup.model.step(dt, volume, shift, this.#rng);
    let background = 0;
    for (const w of this.#background) background += w.step(dt, this.#rng);
    this.#hrBpm = Math.min(200, Math.max(30, this.#setup.meanHrBpm + deviation + background));
    this.#phase += (this.#hrBpm / 60) * dt;
    this.#clockS += dt;
    return this.#phase >= 1;
  }

  /** Integrates to the next sinus beat; its RR in ms with timing jitter. */
  #trueRr(breathing: BreathingAt): number {
    while (!this.#step(breathing)) {
      /* integrate */
    }
    this.#phase -= 1;
    const beatS = this.#clockS - this.#phase / (this.#hrBpm / 60);
    const jitterMs = this.#setup.options.beatNoiseMs * this.#rng.normal();
    const rrMs = Math.max(250, (beatS - this.#lastTrueBeatS) * 1000 + jitterMs);
    this.#lastTrueBeatS += rrMs / 1000;
    return rrMs;
  }
}
