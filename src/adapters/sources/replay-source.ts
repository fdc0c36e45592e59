import type { Beat } from '../../core/heart/types';
import type { BeatColumns } from '../../core/session/columns';
import { ClockedSource, type ClockedSourceOptions } from './clocked-source';

/** A recording to play: RR intervals, optionally with their beat times and the beats that follow a gap. */
export type ReplayRecording = readonly number[] | Pick<BeatColumns, 'rrMs' | 'timeMs' | 'gaps'>;

/**
 * Plays back a recorded RR series (an RR file, read by core/rr-file/reader.ts) in real time or faster. Beat times
 * are the file's own when it has them, else the RR sums; a beat the file marks as following a gap is passed on
 * as one, so no difference is taken across it.
 */
export class ReplaySource extends ClockedSource {
  readonly kind = 'replay' as const;
  readonly label: string;
  readonly #rrMs: readonly number[];
  readonly #beatTimesMs: readonly number[] | null;
  readonly #gaps: ReadonlySet<number>;
  #index = 0;
  #timeMs = 0;

  constructor(label: string, recording: ReplayRecording, options: ClockedSourceOptions = {}) {
    super(options);
    this.label = label;
    const columns = 'rrMs' in recording ? recording : null;
    this.#rrMs = columns ? columns.rrMs : (recording as readonly number[]);
    this.#beatTimesMs = columns ? columns.timeMs : null;
    this.#gaps = new Set(columns ? columns.gaps : []);
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
}
