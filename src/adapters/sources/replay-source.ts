import type { Beat } from '../../core/heart/types';
import { ClockedSource, type ClockedSourceOptions } from './clocked-source';

/** Plays back a recorded RR series (from an RR file) in real time or faster; beat times are the RR sums. */
export class ReplaySource extends ClockedSource {
  readonly kind = 'replay' as const;
  readonly label: string;
  readonly #rrMs: readonly number[];
  #index = 0;
  #timeMs = 0;

  constructor(label: string, rrMs: readonly number[], options: ClockedSourceOptions = {}) {
    super(options);
    this.label = label;
    this.#rrMs = rrMs;
  }

  protected nextBeat(): Beat | null {
    const rrMs = this.#rrMs[this.#index];
    if (rrMs === undefined) return null;
    this.#index += 1;
    this.#timeMs += rrMs;
    return { rrMs, timeMs: this.#timeMs, source: 'replay' };
  }
}
