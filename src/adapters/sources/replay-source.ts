import type { Beat, HeartSourceListener } from '../../core/heart/types';
import type { BeatColumns } from '../../core/session/columns';
import { ClockedSource, type ClockedSourceOptions } from './clocked-source';

/**
 * A recording to play: RR intervals, optionally with their beat times and the beats that follow a gap, and the
 * measured breath at each beat (this app's CSV of a session with a chest sensor; null where it was not measured).
 */
export type ReplayRecording =
  | readonly number[]
  | (Pick<BeatColumns, 'rrMs' | 'timeMs' | 'gaps'> & { readonly breath?: readonly (number | null)[] | null });

/** Chest samples are played every 100 ms (the rate the breath analysis works at). */
const CHEST_STEP_MS = 100;
/** Breath values further apart than this (beats lost, or not measured between) leave a hole, not a line, ms. */
const MAX_BREATH_SPAN_MS = 3000;
/** Gravity on the played sensor's z axis, mG: the breath rides on x, as on the principal axis it was measured on. */
const GRAVITY_MG = 1000;

/**
 * Plays back a recorded RR series (an RR file, read by core/rr-file/reader.ts) in real time or faster. Beat times
 * are the file's own when it has them, else the RR sums; a beat the file marks as following a gap is passed on
 * as one, so no difference is taken across it. A recording with its measured breath plays that breath too, as the
 * chest acceleration of a sensor whose principal axis of motion carries it (linear between the beats' values), so
 * the live breath readout, the breath trace of the record and the pacer's measured-breath criteria all run on it
 * as on a Polar H10's.
 */
export class ReplaySource extends ClockedSource {
  readonly kind = 'replay' as const;
  readonly label: string;
  readonly #rrMs: readonly number[];
  readonly #beatTimesMs: readonly number[] | null;
  readonly #gaps: ReadonlySet<number>;
  /** The breath at each beat (beat times), when the recording has it. */
  readonly #breath: readonly (number | null)[] | null;
  #index = 0;
  #timeMs = 0;
  /** The beat whose breath value begins the segment being played, and the next chest sample's time. */
  #breathIndex = 0;
  #nextChestMs = Number.NEGATIVE_INFINITY;

  constructor(label: string, recording: ReplayRecording, options: ClockedSourceOptions = {}) {
    super(options);
    this.label = label;
    const columns = 'rrMs' in recording ? recording : null;
    this.#rrMs = columns ? columns.rrMs : (recording as readonly number[]);
    this.#beatTimesMs = columns ? columns.timeMs : null;
    this.#gaps = new Set(columns ? columns.gaps : []);
    this.#breath = columns?.breath && this.#beatTimesMs ? columns.breath : null;
  }

  protected nextBeat(): Beat | null {
    const index = this.#index;
    const rrMs = this.#rrMs[index];
    if (rrMs === undefined) return null;
    this.#index += 1;
    this.#timeMs = this.#beatTimesMs?.[index] ?? this.#timeMs + rrMs;
    return {
      rrMs,
      timeMs: this.#timeMs,
      source: 'replay',
      ...(this.#gaps.has(index) ? { afterGap: true } : {}),
    };
  }

  /** The recorded breath up to `nowMs`, every 100 ms, between consecutive beats that both have a value. */
  protected override emitUntil(nowMs: number, listener: HeartSourceListener): void {
    const breath = this.#breath;
    const times = this.#beatTimesMs;
    if (!breath || !times || !listener.acceleration) return;
    const timeMs: number[] = [];
    const xyzMg: number[] = [];
    for (;;) {
      const k = this.#breathIndex;
      const t0 = times[k];
      const t1 = times[k + 1];
      const v0 = breath[k];
      const v1 = breath[k + 1];
      if (t0 === undefined || t1 === undefined || v0 === undefined || v1 === undefined) break;
      if (v0 === null || v1 === null || t1 - t0 > MAX_BREATH_SPAN_MS || t1 <= t0) {
        this.#breathIndex += 1;
        continue;
      }
      if (this.#nextChestMs < t0) this.#nextChestMs = Math.ceil(t0 / CHEST_STEP_MS) * CHEST_STEP_MS;
      for (; this.#nextChestMs <= Math.min(t1, nowMs); this.#nextChestMs += CHEST_STEP_MS) {
        const w = (this.#nextChestMs - t0) / (t1 - t0);
        timeMs.push(this.#nextChestMs);
        xyzMg.push(v0 + (v1 - v0) * w, 0, GRAVITY_MG);
      }
      if (this.#nextChestMs <= t1) break; // the rest of this segment is not due yet
      this.#breathIndex += 1;
    }
    if (timeMs.length > 0) listener.acceleration({ timeMs, xyzMg });
  }
}
