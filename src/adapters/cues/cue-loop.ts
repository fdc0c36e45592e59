import { DEFAULT_CUES, planCues, type CueOptions } from '../../core/pacer/cues';
import type { PacerSchedule } from '../../core/pacer/schedule';
import type { AudioCues } from './audio-cues';
import type { VibrationCues } from './vibration-cues';
import type { Intervals } from '../timers';

export interface CueLoopOptions {
  readonly schedule: PacerSchedule;
  /** The pacer clock: session time now, seconds (the same clock the visual pacer reads). */
  readonly nowS: () => number;
  readonly audio: AudioCues | null;
  readonly vibration: VibrationCues | null;
  /** The timers the loop runs on (the browser's in the app; tests hand in fakes). */
  readonly timers: Intervals;
  /** How far ahead cues are planned, seconds, and how often the loop wakes, ms. */
  readonly lookaheadS?: number;
  readonly everyMs?: number;
}

/**
 * The look-ahead loop of "A tale of two clocks" (Wilson 2013): a coarse timer wakes every 100 ms and hands the cues
 * of the next 0.3 s, from the pacer schedule's phase changes, to the precise clocks of the outputs. Each stretch of
 * pacer time is planned exactly once.
 */
export class CueLoop {
  readonly #o: CueLoopOptions;
  #options: CueOptions = DEFAULT_CUES;
  #plannedUntilS: number | null = null;
  #timer: number | null = null;

  constructor(options: CueLoopOptions) {
    this.#o = options;
  }

  get options(): CueOptions {
    return this.#options;
  }

  /** New cue settings apply from the next stretch planned (what is already scheduled plays out). */
  setOptions(options: CueOptions): void {
    this.#options = options;
  }

  start(): void {
    if (this.#timer !== null) return;
    this.#plannedUntilS = this.#o.nowS();
    this.tick();
    this.#timer = this.#o.timers.setInterval(() => this.tick(), this.#o.everyMs ?? 100);
  }

  stop(): void {
    if (this.#timer !== null) this.#o.timers.clearInterval(this.#timer);
    this.#timer = null;
    this.#plannedUntilS = null;
    this.#o.audio?.stopAll();
    this.#o.vibration?.cancel();
  }

  /** Plans the cues from where the last tick stopped to `lookaheadS` ahead of now. */
  tick(): void {
    const nowS = this.#o.nowS();
    // Bring the pacer clock up to now, so a pattern change asked for since lands where the picture shows it.
    this.#o.schedule.at(nowS);
    const fromS = Math.max(this.#plannedUntilS ?? nowS, nowS);
    const toS = nowS + (this.#o.lookaheadS ?? 0.3);
    if (toS <= fromS) return;
    const events = planCues(this.#o.schedule.phaseChanges(fromS, toS), this.#options);
    this.#plannedUntilS = toS;
    if (events.length === 0) return;
    this.#o.audio?.schedule(events, nowS);
    this.#o.vibration?.schedule(events, nowS);
  }
}
