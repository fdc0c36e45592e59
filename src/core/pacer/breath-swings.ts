/**
 * What the pacer steers and scores by in one session: the HRV worker's per-breath swings of the beats its engine
 * labelled normal (live-response.ts: `steer` over the controller's window, `assess` per breath), or, from a device
 * that sends heart rate without RR (a watch), the swings of its heart-rate trace (hr-only/swing.ts). Both are kept
 * for the last 20 minutes: a sliding sweep lasts about 15.
 */
import { isPlausibleHeartRate } from '../heart/limits';
import type { BreathingResponse } from '../hrv/biofeedback';
import { assessmentSwings, steeringSwings } from '../hr-only/swing';
import type { BreathResponse, LiveResponse } from './live-response';
import type { BreathSwing, PacedBreath } from './response';

/** How long swings and heart-rate readings are kept, s of session time. */
const KEEP_S = 20 * 60;

export class BreathSwings {
  /** The worker's answers by the breath's start, session seconds. */
  readonly #responses = new Map<number, BreathResponse>();
  #hadBeat = false;
  /** Heart rate from a device without RR, seconds and bpm. */
  #trace: { timeS: number[]; hrBpm: number[] } = { timeS: [], hrBpm: [] };
  #indicator: BreathingResponse | null = null;

  /** A new session: nothing kept. */
  reset(): void {
    this.#responses.clear();
    this.#hadBeat = false;
    this.#trace = { timeS: [], hrBpm: [] };
    this.#indicator = null;
  }

  /** The session had a beat: it steers by beats from now on. */
  beat(): void {
    this.#hadBeat = true;
  }

  /**
   * What the session measures: beats, or heart rate only (no beats, heart-rate readings from a device without
   * RR). Assessments made on heart rate only are marked so.
   */
  get signal(): 'rr' | 'heart-rate' {
    return !this.#hadBeat && this.#trace.timeS.length > 0 ? 'heart-rate' : 'rr';
  }

  /** The worker's resonance indicator at its latest answer (beats only). */
  get indicator(): BreathingResponse | null {
    return this.#indicator;
  }

  /** The worker measured the breaths finished as a new breath began: a breath measured again replaces its first answer. */
  answer(response: LiveResponse): void {
    for (const b of response.breaths) this.#responses.set(b.steer.startS, b);
    for (const startS of this.#responses.keys()) {
      if (startS >= response.atS - KEEP_S) break;
      this.#responses.delete(startS);
    }
    this.#indicator = response.indicator;
  }

  /** A heart-rate reading from a device without RR; false (and not kept) when no heart gives it. */
  heartRate(heartRateBpm: number, timeS: number): boolean {
    if (!isPlausibleHeartRate(heartRateBpm)) return false;
    this.#trace.timeS.push(timeS);
    this.#trace.hrBpm.push(heartRateBpm);
    while ((this.#trace.timeS[0] ?? timeS) < timeS - KEEP_S) {
      this.#trace.timeS.shift();
      this.#trace.hrBpm.shift();
    }
    return true;
  }

  /** The swings the adaptive controller steers by, fitted over `windowBreaths` (the worker uses the same window). */
  steer(spans: readonly PacedBreath[], windowBreaths: number): BreathSwing[] {
    return this.signal === 'heart-rate'
      ? steeringSwings(this.#trace, spans, windowBreaths)
      : spans.map((span) => this.#swingOf(span, 'steer'));
  }

  /** The swing of each of an assessment's breaths. */
  assess(breaths: readonly PacedBreath[]): BreathSwing[] {
    return this.signal === 'heart-rate'
      ? assessmentSwings(this.#trace, breaths)
      : breaths.map((span) => this.#swingOf(span, 'assess'));
  }

  /** The worker's swing of one finished breath of the pacer; an empty one when it has not measured it. */
  #swingOf(span: PacedBreath, use: 'steer' | 'assess'): BreathSwing {
    const known = this.#responses.get(span.startS);
    if (known) return known[use];
    const periodS = span.endS - span.startS;
    return { ...span, rateBpm: periodS > 0 ? 60 / periodS : 0, swingBpm: null, maxMinBpm: null };
  }
}
