import type { Beat, HeartSourceListener } from '../../core/heart/types';
import { breathOnGrid, type BreathTraceSlice } from '../../core/respiration/breath-trace';
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
/** Gravity on the played sensor's z axis, mG: the breath rides on x, as on the principal axis it was measured on. */
const GRAVITY_MG = 1000;

/**
 * Plays back a recorded RR series (an RR file, read by core/rr-file/reader.ts) in real time or faster. Beat times
 * are the file's own when it has them, else the RR sums; a beat the file marks as following a gap is passed on
 * as one, so no difference is taken across it. A recording with its measured breath plays that breath too, as the
 * chest acceleration of a sensor whose principal axis of motion carries it (linear between the beats' values, a
 * hole where it was not measured), so the live breath readout, the breath trace of the record and the pacer's
 * measured-breath criteria all run on it as on a Polar H10's.
 */
export class ReplaySource extends ClockedSource {
  readonly kind = 'replay' as const;
  readonly label: string;
  readonly #rrMs: readonly number[];
  readonly #beatTimesMs: readonly number[] | null;
  readonly #gaps: ReadonlySet<number>;
  /** The recorded breath every 100 ms, when the recording has it, and the next sample to play. */
  readonly #breath: BreathTraceSlice | null;
  #breathNext = 0;
  #index = 0;
  #timeMs = 0;

  constructor(label: string, recording: ReplayRecording, options: ClockedSourceOptions = {}) {
    super(options);
    this.label = label;
    const columns = 'rrMs' in recording ? recording : null;
    this.#rrMs = columns ? columns.rrMs : (recording as readonly number[]);
    this.#beatTimesMs = columns ? columns.timeMs : null;
    this.#gaps = new Set(columns ? columns.gaps : []);
    this.#breath = columns?.breath ? breathOnGrid(columns.timeMs, columns.breath, CHEST_STEP_MS) : null;
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

  /** The recorded breath that is due by `nowMs`, as chest acceleration (nothing where it was not measured). */
  protected override emitUntil(nowMs: number, listener: HeartSourceListener): void {
    const breath = this.#breath;
    if (!breath || !listener.acceleration) return;
    const timeMs: number[] = [];
    const xyzMg: number[] = [];
    for (; this.#breathNext < breath.values.length; this.#breathNext += 1) {
      const t = breath.startMs + this.#breathNext * CHEST_STEP_MS;
      if (t > nowMs) break;
      const v = breath.values[this.#breathNext] as number;
      if (Number.isNaN(v)) continue;
      timeMs.push(t);
      xyzMg.push(v, 0, GRAVITY_MG);
    }
    if (timeMs.length > 0) listener.acceleration({ timeMs, xyzMg });
  }
}
