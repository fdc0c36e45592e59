import type { Beat } from '../../core/heart/types';
import {
  SimulatedHeart,
  spontaneousBreathing,
  type BreathingAt,
  type SimulatedHeartConfig,
} from '../../core/physiology/simulated-heart';
import { ClockedSource, type ClockedSourceOptions } from './clocked-source';

/** The demo heart: the simulated person, breathing with whatever the pacer asks, played on the session clock. */
export class SimulatedHeartSource extends ClockedSource {
  readonly kind = 'simulated' as const;
  readonly label = 'Simulated heart';
  readonly #heart: SimulatedHeart;
  readonly #breathing: BreathingAt;

  constructor(
    config: Partial<SimulatedHeartConfig> = {},
    breathing: BreathingAt = spontaneousBreathing,
    options: ClockedSourceOptions = {},
  ) {
    super(options);
    this.#heart = new SimulatedHeart(config);
    this.#breathing = breathing;
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
