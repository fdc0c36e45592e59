import type { BeatLabelName } from '../hrv/artifacts';
import { breathingResponse, labelledSeries, type BreathingResponse } from '../hrv/biofeedback';
import type { LabelledBeat, LiveBeat } from '../hrv/live';
import { DEFAULT_CONTROLLER } from './controller';
import { breathPeriodS, positionInBreath } from './pattern';
import {
  measuredBreathSwings,
  type BreathSwing,
  type HeartRateSamples,
  type MeasuredBreath,
  type PacedBreath,
} from './response';
import type { ScheduledBreath } from './schedule';

/**
 * The pacer's per-breath response during a live session, computed where the beats' artifact labels are made (the
 * HRV worker, workers/hrv.worker.ts), so the app has one artifact definition: a beat counts only once the live
 * Kubios detection (../hrv/live-artifacts.ts) has labelled it normal. The session tells it each breath of the
 * pacer as it begins (with its pattern, so the pacer's lung volume is known) and the person's measured breaths;
 * at each new breath it answers with the swings of the breaths finished (./response.ts) and the resonance
 * indicator over the last minute (../hrv/biofeedback.ts). The pacer state (src/state/pacer.svelte.ts) steers and
 * scores assessments from these answers; the pure functions it uses are the ones the validation runs.
 */

/** What the session tells the worker as a breath of the pacer begins. */
export interface PacerBreaths {
  /** Breaths of the pacer begun since the last update, oldest first, each once; the last is the one just begun. */
  readonly breaths: readonly ScheduledBreath[];
  /** Breaths the person took, measured by a chest sensor, since the last update, oldest first (often none). */
  readonly measured: readonly MeasuredBreath[];
}

/** One finished breath of the pacer and its heart-rate swing, measured the two ways the pacer uses. */
export interface BreathResponse {
  /** The breath's index in the pacer's schedule. */
  readonly index: number;
  /**
   * For the adaptive controller: fitted over this breath and the ones before it ({@link STEER_WINDOW_BREATHS} in
   * all) of the pacer, a breath the person did not take with the pacer left out (null swing).
   */
  readonly steer: BreathSwing;
  /** For the assessments: fitted over the breath alone, the person's own breath where a chest sensor measured it. */
  readonly assess: BreathSwing;
}

/** The answer at the start of a breath of the pacer. */
export interface LiveResponse {
  /** The breath just begun and its start, session seconds. */
  readonly breathIndex: number;
  readonly atS: number;
  /**
   * The finished breaths whose swings were measured now, oldest first: the one just finished and those of the last
   * {@link REVISE_S} again, since their last beats' labels and the measured breaths arrive a little late.
   */
  readonly breaths: readonly BreathResponse[];
  /** Swing, phase against the pacer's volume, LF figures and breath-locked share over the last minute. */
  readonly indicator: BreathingResponse;
}

/** Breaths the controller's swings are fitted over (the controller's own setting). */
export const STEER_WINDOW_BREATHS = DEFAULT_CONTROLLER.windowBreaths;
/** Breaths the assessments' swings are fitted over. */
export const ASSESS_WINDOW_BREATHS = 1;
/** Breaths that ended this recently are measured again at each new breath, s. */
const REVISE_S = 60;
/** Beats and breaths kept: a sliding assessment lasts about 15 minutes, s. */
const KEEP_S = 20 * 60;
/** The resonance indicator's window, s. */
const INDICATOR_WINDOW_S = 60;

interface KeptBeat {
  readonly seq: number;
  readonly rrMs: number;
  readonly timeS: number;
  label: BeatLabelName | null;
}

const isNormal = (b: KeptBeat): boolean => b.label === 'normal';

export class LiveBreathResponse {
  /** Beats of the session (not the interval before a gap, which is no true RR), oldest first. */
  #beats: KeptBeat[] = [];
  #breaths: ScheduledBreath[] = [];
  #measured: MeasuredBreath[] = [];

  reset(): void {
    this.#beats = [];
    this.#breaths = [];
    this.#measured = [];
  }

  /** A beat as it enters the analysis; its label follows later. */
  beat(beat: LiveBeat): void {
    const timeS = beat.timeMs / 1000;
    if (beat.afterGap !== true) this.#beats.push({ seq: beat.seq, rrMs: beat.rrMs, timeS, label: null });
    let drop = 0;
    while (drop < this.#beats.length && (this.#beats[drop] as KeptBeat).timeS < timeS - KEEP_S) drop += 1;
    if (drop > 0) this.#beats.splice(0, drop);
  }

  /** The engine's settled labels (a couple of beats late). */
  label(labels: readonly LabelledBeat[]): void {
    for (const { seq, label } of labels) {
      // Labels settle near the newest beats: search from the end.
      for (let i = this.#beats.length - 1; i >= 0; i -= 1) {
        const b = this.#beats[i] as KeptBeat;
        if (b.seq < seq) break;
        if (b.seq === seq) {
          b.label = label;
          break;
        }
      }
    }
  }

  /** A breath of the pacer began: take the update and measure the breaths finished. */
  began(update: PacerBreaths): LiveResponse | null {
    const lastIndex = this.#breaths[this.#breaths.length - 1]?.index ?? -1;
    for (const b of update.breaths) if (b.index > lastIndex) this.#breaths.push(b);
    const lastEndS = this.#measured[this.#measured.length - 1]?.endS ?? Number.NEGATIVE_INFINITY;
    for (const m of update.measured) if (m.endS > lastEndS) this.#measured.push(m);
    const current = this.#breaths[this.#breaths.length - 1];
    if (!current) return null;
    const atS = current.startS;
    this.#forgetBefore(atS - KEEP_S);

    const spans: PacedBreath[] = this.#breaths
      .slice(0, -1)
      .map((b, i) => ({ startS: b.startS, endS: (this.#breaths[i + 1] as ScheduledBreath).startS }));
    let firstRevised = spans.length;
    while (firstRevised > 0 && (spans[firstRevised - 1] as PacedBreath).endS >= atS - REVISE_S)
      firstRevised -= 1;
    // Fit windows reach back over earlier breaths, and a measured breath may join the one before it.
    const from = Math.max(0, firstRevised - Math.max(STEER_WINDOW_BREATHS, ASSESS_WINDOW_BREATHS));
    const fitted = spans.slice(from);
    const series = this.#normalSeries();
    const steer = measuredBreathSwings(series, fitted, STEER_WINDOW_BREATHS, this.#measured, false, (t) =>
      this.#volumeAt(t),
    );
    const assess = measuredBreathSwings(series, fitted, ASSESS_WINDOW_BREATHS, this.#measured);
    const breaths: BreathResponse[] = [];
    for (let k = firstRevised - from; k < fitted.length; k += 1) {
      breaths.push({
        index: (this.#breaths[from + k] as ScheduledBreath).index,
        steer: steer[k] as BreathSwing,
        assess: assess[k] as BreathSwing,
      });
    }
    return { breathIndex: current.index, atS, breaths, indicator: this.#indicator(spans, current) };
  }

  #forgetBefore(timeS: number): void {
    let drop = 0;
    // Keep the breath in progress at `timeS`: its start anchors the spans.
    while (drop + 1 < this.#breaths.length && (this.#breaths[drop + 1] as ScheduledBreath).startS <= timeS)
      drop += 1;
    if (drop > 0) this.#breaths.splice(0, drop);
    let gone = 0;
    while (gone < this.#measured.length && (this.#measured[gone] as MeasuredBreath).endS < timeS) gone += 1;
    if (gone > 0) this.#measured.splice(0, gone);
  }

  /** Heart rate of the beats labelled normal, at the middle of each interval. Beats not labelled yet are left out. */
  #normalSeries(): HeartRateSamples {
    return labelledSeries(this.#beats, isNormal);
  }

  /** The resonance indicator over the minute before the breath just begun, at that breath's rate. */
  #indicator(spans: readonly PacedBreath[], current: ScheduledBreath): BreathingResponse {
    const toS = current.startS;
    const labelled = this.#beats.filter((b) => b.label !== null);
    return breathingResponse(
      labelled,
      (t) => this.#volumeAt(t),
      spans,
      toS - INDICATOR_WINDOW_S,
      toS,
      1 / breathPeriodS(current.pattern),
      (beats) => labelledSeries(beats, isNormal),
    );
  }

  /** The pacer's lung volume at session time `timeS`, 0..1, from the breaths it was told. */
  #volumeAt(timeS: number): number {
    const breaths = this.#breaths;
    let lo = 0;
    let hi = breaths.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((breaths[mid] as ScheduledBreath).startS <= timeS) lo = mid;
      else hi = mid - 1;
    }
    const breath = breaths[lo];
    if (!breath) return 0;
    const period = breathPeriodS(breath.pattern);
    return positionInBreath(breath.pattern, Math.min(period - 1e-9, Math.max(0, timeS - breath.startS)))
      .volume;
  }
}
