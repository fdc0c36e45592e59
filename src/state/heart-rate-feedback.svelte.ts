/**
 * Live biofeedback for a device that sends heart rate without RR intervals (a watch): as each paced breath ends,
 * the heart-rate swing of that breath (core/hr-only/swing.ts) and, over the last minute, the resonance indicator
 * (core/hr-only/resonance.ts). It follows the session as an observer; the arithmetic is a least-squares fit over
 * a few dozen samples once a breath, so it runs on the page without the HRV worker.
 */
import type { HeartRateReading } from '../core/heart/types';
import { heartRateResponse, NO_RESPONSE, type HeartRateResponse } from '../core/hr-only/resonance';
import { traceSwings, type BreathSwing } from '../core/hr-only/swing';
import type { HeartRateTrace } from '../core/hr-only/trace';
import type { LiveSession } from './session.svelte';

/** The resonance indicator looks back this far, seconds (the controller's window). */
const RESPONSE_WINDOW_S = 60;
/** Swings kept for the screen: the last two minutes at 6/min. */
const KEEP_SWINGS = 12;
/** Samples kept: enough for the response window and a long breath. */
const KEEP_SAMPLES_S = 120;

export class HeartRateFeedback {
  #swings = $state.raw<readonly BreathSwing[]>([]);
  #response = $state.raw<HeartRateResponse>(NO_RESPONSE);
  #timeS: number[] = [];
  #hrBpm: number[] = [];
  /** Index of the next breath of the schedule to judge once it has ended. */
  #nextBreath = 0;
  readonly #session: LiveSession;

  constructor(session: LiveSession) {
    this.#session = session;
    session.observe({
      started: () => this.#reset(),
      heartRate: (reading) => this.#onReading(reading),
    });
  }

  /** Swings of the most recent breaths, oldest first (each may be not-enough-data). */
  get swings(): readonly BreathSwing[] {
    return this.#swings;
  }

  /** The swing of the last breath that could be judged, bpm; null before the first. */
  get lastSwingBpm(): number | null {
    for (let i = this.#swings.length - 1; i >= 0; i -= 1) {
      const value = this.#swings[i]?.swingBpm ?? null;
      if (value !== null) return value;
    }
    return null;
  }

  /** Swing, breath-locked share and phase over the last minute of whole breaths. */
  get response(): HeartRateResponse {
    return this.#response;
  }

  /** The samples kept (the last two minutes), as a trace in seconds. */
  get trace(): HeartRateTrace {
    return { timeS: this.#timeS, hrBpm: this.#hrBpm };
  }

  #reset(): void {
    this.#swings = [];
    this.#response = NO_RESPONSE;
    this.#timeS = [];
    this.#hrBpm = [];
    this.#nextBreath = 0;
  }

  #onReading(reading: HeartRateReading): void {
    const timeS = reading.timeMs / 1000;
    this.#timeS.push(timeS);
    this.#hrBpm.push(reading.heartRateBpm);
    const drop = this.#timeS.findIndex((t) => t >= timeS - KEEP_SAMPLES_S);
    if (drop > 0) {
      this.#timeS.splice(0, drop);
      this.#hrBpm.splice(0, drop);
    }
    this.#judgeEndedBreaths(timeS);
  }

  /** Judge every breath that has ended by `nowS` (a breath is over once the next one has begun). */
  #judgeEndedBreaths(nowS: number): void {
    const schedule = this.#session.schedule;
    const breaths = schedule.breaths();
    const spans = breaths.slice(0, -1).map((b, i) => ({
      index: b.index,
      startS: b.startS,
      endS: (breaths[i + 1] ?? b).startS,
    }));
    const ended = spans.filter((b) => b.index >= this.#nextBreath && b.endS <= nowS);
    if (ended.length === 0) return;
    this.#nextBreath = (ended[ended.length - 1]?.index ?? 0) + 1;
    const trace = this.trace;
    const fresh = traceSwings(trace, ended);
    this.#swings = [...this.#swings, ...fresh].slice(-KEEP_SWINGS);
    const last = ended[ended.length - 1];
    const toS = last?.endS ?? nowS;
    const rateBpm = last ? 60 / (last.endS - last.startS) : this.#session.rateBpm;
    this.#response = heartRateResponse(trace, spans, Math.max(0, toS - RESPONSE_WINDOW_S), toS, rateBpm);
  }
}
