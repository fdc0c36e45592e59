import type { Beat, HeartSource, HeartSourceKind, HeartSourceListener } from '../../core/heart/types';
import { browserTimers, type Timers } from '../timers';

export interface ClockedSourceOptions {
  /** Playback speed: 1 is real time, 10 plays ten seconds of beats each second. */
  readonly speed?: number;
  /** How often to check for due beats, ms of wall time. */
  readonly tickMs?: number;
  /** The clock the source runs on (the browser's in the page; injectable for tests). */
  readonly now?: Timers['now'];
}

/**
 * A source whose beats are computed ahead (a model or a file) and released when their time comes on a clock.
 * Subclasses produce the next beat on demand; this class owns the timer, the status life cycle and cleanup.
 */
export abstract class ClockedSource implements HeartSource {
  abstract readonly kind: HeartSourceKind;
  abstract readonly label: string;

  readonly #speed: number;
  readonly #tickMs: number;
  readonly #now: Timers['now'];
  #listener: HeartSourceListener | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;
  #startMs = 0;
  #pending: Beat | null = null;

  constructor(options: ClockedSourceOptions = {}) {
    this.#speed = options.speed ?? 1;
    this.#tickMs = options.tickMs ?? 25;
    this.#now = options.now ?? browserTimers.now;
  }

  /** The next beat, with its time on the session clock; null when the source has no more. */
  protected abstract nextBeat(): Beat | null;

  /** Anything besides beats that is due by `nowMs` (a simulated chest's motion); nothing by default. */
  protected emitUntil(_nowMs: number, _listener: HeartSourceListener): void {}

  /** Session time now, ms (playback time, scaled by speed). */
  protected sessionTimeMs(): number {
    return (this.#now() - this.#startMs) * this.#speed;
  }

  async start(listener: HeartSourceListener): Promise<void> {
    this.#listener = listener;
    listener.status({ state: 'connecting' });
    this.#startMs = this.#now();
    listener.status({ state: 'live' });
    this.#timer = setInterval(() => this.tick(), this.#tickMs);
  }

  async stop(): Promise<void> {
    this.#end('stopped');
  }

  /** Release every beat that is due. Public so tests can drive the clock without timers. */
  tick(): void {
    const listener = this.#listener;
    if (!listener) return;
    const nowMs = this.sessionTimeMs();
    this.emitUntil(nowMs, listener);
    for (;;) {
      this.#pending ??= this.nextBeat();
      if (this.#pending === null) {
        this.#end('finished');
        return;
      }
      if (this.#pending.timeMs > nowMs) return;
      const beat = this.#pending;
      this.#pending = null;
      listener.beat(beat);
    }
  }

  #end(reason: 'stopped' | 'finished'): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    const listener = this.#listener;
    this.#listener = null;
    listener?.status({ state: 'ended', reason });
  }
}
