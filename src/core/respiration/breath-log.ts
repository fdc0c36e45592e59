import type { Breath, ChestBreathing, PacerReference } from './chest-breathing';
import { ChestBreathingTracker } from './chest-breathing';
import { ChestMotion } from './chest-motion';

/**
 * The person's measured breaths over a whole session, joined from the chest analyses that each cover the last
 * minute ({@link ChestBreathingTracker}). Successive windows overlap and find the same breaths again; a breath is
 * taken once, from the first window in which it ends clear of the window's edge (`edgeS`, where the band-pass
 * filter and the extremum fit have too little signal on one side to time it), and a later window's breath is new
 * only when it begins after the last kept breath's end (within `sameS`, the same inhale timed a little apart).
 */
/**
 * A breath kept in the log, with how far the person's breath ran behind the pacer over the analysis window that
 * measured it (the window's cross-correlation lag, {@link ChestBreathing}), s; null without a pacer or a clear match.
 * Inhale onsets, the flat minima of the chest signal, time a breath to within about half a second; the lag, from the
 * whole waveform, is what the phase of heart rate against the person's breath is taken from (pacer/response.ts).
 */
export interface LoggedBreath extends Breath {
  readonly lagS: number | null;
}

export class BreathLog {
  readonly #maxBreaths: number;
  #breaths: LoggedBreath[] = [];

  constructor(maxBreaths = 4000) {
    this.#maxBreaths = maxBreaths;
  }

  /** The breaths kept so far, oldest first. */
  get breaths(): readonly LoggedBreath[] {
    return this.#breaths;
  }

  /** Takes the new breaths of an analysis whose newest sample is at `windowEndS`. */
  add(analysis: ChestBreathing, windowEndS: number, edgeS = 3, sameS = 1): void {
    if (analysis.status !== 'ok') return;
    for (const b of analysis.breaths) {
      if (b.endS > windowEndS - edgeS) break;
      const last = this.#breaths[this.#breaths.length - 1];
      if (last && b.inhaleS < last.endS - sameS) continue;
      this.#breaths.push({ ...b, lagS: analysis.lagS });
    }
    if (this.#breaths.length > this.#maxBreaths)
      this.#breaths.splice(0, this.#breaths.length - this.#maxBreaths);
  }

  reset(): void {
    this.#breaths = [];
  }
}

/**
 * A simulated chest strap for validation and fast-forward runs: samples a lung volume (a simulated person's actual
 * breath, lag and sighs included) as H10-like chest acceleration at `rateHz` ({@link ChestMotion}), measures it as
 * the live session does (a one-minute {@link ChestBreathingTracker} window against the pacer, every `everyS`), and
 * keeps the breaths in a {@link BreathLog}. Times are the session clock; `advanceTo` only moves forward.
 */
export class SimulatedChestStrap {
  readonly #volumeAt: (timeS: number) => number;
  readonly #pacer: (timeS: number) => PacerReference;
  readonly #motion: ChestMotion;
  readonly #tracker = new ChestBreathingTracker();
  readonly #log = new BreathLog();
  readonly #stepS: number;
  readonly #everyS: number;
  #nextSampleS = 0;
  #analysedAtS = 0;

  constructor(
    volumeAt: (timeS: number) => number,
    pacer: (timeS: number) => PacerReference,
    options: { seed?: number; rateHz?: number; everyS?: number; startS?: number } = {},
  ) {
    this.#volumeAt = volumeAt;
    this.#pacer = pacer;
    this.#motion = new ChestMotion({ seed: options.seed ?? 1 });
    this.#stepS = 1 / (options.rateHz ?? 10);
    this.#everyS = options.everyS ?? 30;
    this.#nextSampleS = options.startS ?? 0;
    this.#analysedAtS = this.#nextSampleS;
  }

  get breaths(): readonly LoggedBreath[] {
    return this.#log.breaths;
  }

  /** Samples the chest up to `timeS` and measures it at each analysis time passed. */
  advanceTo(timeS: number): void {
    const times: number[] = [];
    const xyz: number[] = [];
    const flush = () => {
      if (times.length === 0) return;
      this.#tracker.push({ timeS: times, xyzMg: xyz });
      times.length = 0;
      xyz.length = 0;
    };
    while (this.#nextSampleS <= timeS) {
      const t = this.#nextSampleS;
      times.push(t);
      xyz.push(...this.#motion.sample(t, this.#volumeAt(t)));
      this.#nextSampleS = t + this.#stepS;
      if (t - this.#analysedAtS >= this.#everyS) {
        flush();
        this.#analysedAtS = t;
        this.#log.add(this.#tracker.analyse(this.#pacer(t)), t);
      }
    }
    flush();
  }
}
