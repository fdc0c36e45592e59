import type { CueEvent } from '../../core/pacer/cues';
import { browserTimers, type Timers } from '../timers';

/** What the vibration adapter needs from the browser, so tests can hand in fakes. */
export interface VibrationHost extends Pick<Timers, 'setTimeout' | 'clearTimeout'> {
  vibrate(durationMs: number): boolean;
}

/** The browser's `navigator.vibrate` and timers, or null where the device cannot vibrate. */
export function browserVibrationHost(): VibrationHost | null {
  if (typeof navigator === 'undefined' || typeof navigator.vibrate !== 'function') return null;
  return {
    vibrate: (ms) => navigator.vibrate(ms),
    setTimeout: browserTimers.setTimeout,
    clearTimeout: browserTimers.clearTimeout,
  };
}

/**
 * Vibrates at phase changes. `navigator.vibrate` starts at once, so each buzz is armed with a timer for its pacer
 * time, `(atS − pacerNowS)` from now; the look-ahead is short (a fraction of a second), which keeps timer drift small.
 */
export class VibrationCues {
  readonly #host: VibrationHost;
  #timers = new Set<number>();

  constructor(host: VibrationHost) {
    this.#host = host;
  }

  schedule(events: readonly CueEvent[], pacerNowS: number): void {
    for (const e of events) {
      if (e.kind !== 'vibrate') continue;
      const id = this.#host.setTimeout(
        () => {
          this.#timers.delete(id);
          this.#host.vibrate(e.durationMs);
        },
        Math.max(0, (e.atS - pacerNowS) * 1000),
      );
      this.#timers.add(id);
    }
  }

  cancel(): void {
    for (const id of this.#timers) this.#host.clearTimeout(id);
    this.#timers.clear();
    this.#host.vibrate(0);
  }
}
