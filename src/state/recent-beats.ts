import type { SessionBeat } from '../core/heart/types';
import type { LabelledBeat } from '../core/hrv/live';
import type { BeatLabelName } from '../core/hrv/artifacts';

/** A beat of the live window with its artifact label once the worker settles it. */
export interface RecentBeat {
  readonly beat: SessionBeat;
  label: BeatLabelName | null;
}

/**
 * The beats of the last `windowMs` of a session, for the tachogram: appended per beat, trimmed from the front,
 * and labelled when the HRV worker's verdicts arrive (a couple of beats late).
 */
export class RecentBeats {
  readonly windowMs: number;
  #items: RecentBeat[] = [];

  constructor(windowMs: number) {
    this.windowMs = windowMs;
  }

  get items(): readonly RecentBeat[] {
    return this.#items;
  }

  clear(): void {
    this.#items = [];
  }

  push(beat: SessionBeat): RecentBeat {
    const item: RecentBeat = { beat, label: null };
    this.#items.push(item);
    const oldest = beat.timeMs - this.windowMs;
    let drop = 0;
    while (drop < this.#items.length && (this.#items[drop]?.beat.timeMs ?? 0) < oldest) drop += 1;
    if (drop > 0) this.#items.splice(0, drop);
    return item;
  }

  /** Apply settled labels; beats already out of the window are ignored. */
  applyLabels(labels: readonly LabelledBeat[]): void {
    const first = this.#items[0]?.beat.seq;
    if (first === undefined) return;
    // Numbers run without gaps, so a beat's place in the window follows from its number.
    for (const { seq, label } of labels) {
      const item = this.#items[seq - first];
      if (item && item.beat.seq === seq) item.label = label;
    }
  }
}
