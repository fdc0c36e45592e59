import type { Beat, HeartSourceListener } from '../../core/heart/types';
import { ChestMotion, type ChestMotionConfig } from '../../core/respiration/chest-motion';
import {
  SimulatedHeart,
  spontaneousBreathing,
  type BreathingAt,
  type SimulatedHeartConfig,
} from '../../core/physiology/simulated-heart';
import { ClockedSource, type ClockedSourceOptions } from './clocked-source';

/** A simulated chest accelerometer: the person's breath is the breathing asked for, `lagS` late. */
export interface SimulatedChest {
  readonly lagS: number;
  readonly config?: Partial<ChestMotionConfig>;
}

const CHEST_SAMPLE_MS = 40; // 25 Hz, as an H10 is asked for

/**
 * The demo heart: the simulated person, breathing with whatever the pacer asks, played on the session clock; with
 * `chest`, the person breathes it `lagS` late, and that one breath both drives their heart and moves their chest as
 * an H10's accelerometer would give it, so the measured breath, its lag and the heart's answer to it agree.
 */
export class SimulatedHeartSource extends ClockedSource {
  readonly kind = 'simulated' as const;
  /** The simulated heart has no name of its own: the screens name it by its kind. */
  readonly label = '';
  readonly #heart: SimulatedHeart;
  /** The person's own breath: the breathing asked for, late by the chest's lag when there is a chest. */
  readonly #breathing: BreathingAt;
  readonly #chest: ChestMotion | null;
  #nextChestMs = 0;

  constructor(
    config: Partial<SimulatedHeartConfig> = {},
    breathing: BreathingAt = spontaneousBreathing,
    options: ClockedSourceOptions = {},
    chest: SimulatedChest | null = null,
  ) {
    super(options);
    this.#heart = new SimulatedHeart(config);
    const lagS = chest?.lagS ?? 0;
    this.#breathing = lagS > 0 ? (t) => breathing(Math.max(0, t - lagS)) : breathing;
    this.#chest =
      chest &&
      new ChestMotion({ seed: config.seed ?? 1, heartRateBpm: config.meanHrBpm ?? 66, ...chest.config });
  }

  protected override emitUntil(nowMs: number, listener: HeartSourceListener): void {
    const chest = this.#chest;
    if (!chest || !listener.acceleration || this.#nextChestMs > nowMs) return;
    const timeMs: number[] = [];
    const xyzMg: number[] = [];
    for (; this.#nextChestMs <= nowMs; this.#nextChestMs += CHEST_SAMPLE_MS) {
      const t = this.#nextChestMs / 1000;
      timeMs.push(this.#nextChestMs);
      xyzMg.push(...chest.sample(t, this.#breathing(t)));
    }
    listener.acceleration({ timeMs, xyzMg });
  }

  protected nextBeat(): Beat {
    const b = this.#heart.nextBeat(this.#breathing);
    return {
      rrMs: b.rrMs,
      timeMs: b.timeS * 1000,
      heartRateBpm: Math.round(b.heartRateBpm),
      source: 'simulated',
    };
  }
}
