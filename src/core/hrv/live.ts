import { notEnough, ok, type Measure } from './measure';

/** A beat as the live analysis receives it. */
export interface LiveBeat {
  readonly rrMs: number;
  /** Beat time on the session clock, ms. */
  readonly timeMs: number;
  /** True when the interval before this beat spans a gap (no difference is taken across it). */
  readonly afterGap?: boolean;
}

export interface LiveMetrics {
  /** Beats received since the reset. */
  readonly beatCount: number;
  /** Session time of the last beat, ms. */
  readonly timeMs: number;
  /** Heart rate over the last 10 s of beats, bpm. */
  readonly heartRateBpm: Measure;
  /** RMSSD over the last 60 s, ms. */
  readonly rmssdMs: Measure;
}

export const RMSSD_WINDOW_MS = 60_000;
export const HR_WINDOW_MS = 10_000;
/** RMSSD needs at least this many successive differences in its window. */
export const RMSSD_MIN_DIFFS = 20;

/**
 * Rolling live HRV, updated per beat. RMSSD follows the Task Force (1996) definition: the root mean square of
 * differences between successive RR intervals, here over the beats of the last 60 s, skipping any difference
 * across a gap.
 */
export class LiveHrv {
  #times: number[] = [];
  #rr: number[] = [];
  #gap: boolean[] = [];
  #count = 0;
  /** Set when a beat was rejected: the next accepted beat follows a break in the succession. */
  #breakPending = false;

  reset(): void {
    this.#breakPending = false;
    this.#times = [];
    this.#rr = [];
    this.#gap = [];
    this.#count = 0;
  }

  push(beat: LiveBeat): LiveMetrics {
    const valid = Number.isFinite(beat.rrMs) && beat.rrMs >= 250 && beat.rrMs <= 3000;
    this.#count += 1;
    if (valid) {
      this.#times.push(beat.timeMs);
      this.#rr.push(beat.rrMs);
      this.#gap.push(beat.afterGap === true || this.#breakPending);
      this.#breakPending = false;
    } else {
      // A rejected beat breaks the succession: the next difference must not span it.
      this.#breakPending = true;
    }
    const keepFrom = beat.timeMs - RMSSD_WINDOW_MS;
    let drop = 0;
    while (drop < this.#times.length && (this.#times[drop] ?? 0) < keepFrom) drop += 1;
    if (drop > 512) {
      this.#times.splice(0, drop);
      this.#rr.splice(0, drop);
      this.#gap.splice(0, drop);
      drop = 0;
    }
    return this.#metrics(beat.timeMs, drop);
  }

  #metrics(timeMs: number, from: number): LiveMetrics {
    let sumSq = 0;
    let diffs = 0;
    for (let i = from + 1; i < this.#rr.length; i += 1) {
      if (this.#gap[i]) continue;
      const d = (this.#rr[i] ?? 0) - (this.#rr[i - 1] ?? 0);
      sumSq += d * d;
      diffs += 1;
    }
    let hrBeats = 0;
    let hrSum = 0;
    for (let i = this.#rr.length - 1; i >= from && (this.#times[i] ?? 0) >= timeMs - HR_WINDOW_MS; i -= 1) {
      hrSum += this.#rr[i] ?? 0;
      hrBeats += 1;
    }
    return {
      beatCount: this.#count,
      timeMs,
      heartRateBpm: hrBeats >= 3 ? ok((60_000 * hrBeats) / hrSum) : notEnough(hrBeats, 3, 'beats'),
      rmssdMs:
        diffs >= RMSSD_MIN_DIFFS ? ok(Math.sqrt(sumSq / diffs)) : notEnough(diffs, RMSSD_MIN_DIFFS, 'beats'),
    };
  }
}
