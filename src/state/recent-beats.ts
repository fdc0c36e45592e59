import type { Beat } from '../core/heart/types';
import type { LabelledBeat } from '../core/hrv/live';
import type { BeatLabelName } from '../core/hrv/artifacts';

/** A beat of the live window with its number in the session and its artifact label once the worker settles it. */
export interface RecentBeat {
  readonly beat: Beat;
  /** 1-based number of the beat in the session (the worker's `seq`). */
  readonly seq: number;
  label: BeatLabelName | null;
}

/**
 * The beats of the last `windowMs` of a session, for the tachogram: appended per beat, trimmed from the front,
 * and labelled when the HRV worker's verdicts arrive (a couple of beats late).
 */
export class RecentBeats {
  readonly windowMs: number;
  #items: RecentBeat[] = [];
  #seq = 0;

  constructor(windowMs: number) {
    this.windowMs = windowMs;
  }

  get items(): readonly RecentBeat[] {
    return this.#items;
  }

  clear(): void {
    this.#items = [];
    this.#seq = 0;
  }

  push(beat: Beat): RecentBeat {
    this.#seq += 1;
    const item: RecentBeat = { beat, seq: this.#seq, label: null };
    this.#items.push(item);
    const oldest = beat.timeMs - this.windowMs;
    let drop = 0;
    while (drop < this.#items.length && (this.#items[drop]?.beat.timeMs ?? 0) < oldest) drop += 1;
    if (drop > 0) this.#items.splice(0, drop);
    return item;
  }

  /** Apply settled labels; beats already out of the window are ignored. */
  applyLabels(labels: readonly LabelledBeat[]): void {
    const first = this.#items[0]?.seq;
    if (first === undefined) return;
    for (const { seq, label } of labels) {
      const item = this.#items[seq - first];
      if (item && item.seq === seq) item.label = label;
    }
  }
}
