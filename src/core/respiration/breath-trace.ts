import type { BreathSignal } from './chest-breathing';

/**
 * The measured breath kept for the session record: the respiration signal of each chest analysis (a one-minute
 * window re-measured every few seconds, src/core/respiration/chest-breathing.ts) joined into one trace on an even
 * grid of BREATH_STEP_MS (4 Hz: eight or more samples a breath even at 30 breaths/min, which is all a history chart
 * needs), each window contributing only what is newer than the trace and clear of its trailing edge. Values are
 * in the signal's own unit (mG on the chest's principal axis of motion; inhaling is upward); only the shape and
 * timing carry meaning. Times are session milliseconds.
 */
export const BREATH_STEP_MS = 250;
/** Largest size of a breath value, mG: it is chest acceleration on one axis, and no chest sensor reads past 16 G. */
export const MAX_BREATH_MG = 16_000;
/** A window's newest few seconds are left for the next window, which sees them with signal on both sides. */
const EDGE_MS = 3000;

/** A stretch of the trace: value k at `startMs + k * BREATH_STEP_MS` (NaN where nothing was measured). */
export interface BreathTraceSlice {
  readonly startMs: number;
  readonly values: Float32Array;
}

export class BreathTrace {
  #startMs: number | null = null;
  #values: number[] = [];

  /** Adds a chest analysis's signal: the part after the trace's end and more than 3 s before the signal's end. */
  add(signal: BreathSignal): void {
    const n = signal.values.length;
    if (n < 2 || !(signal.stepS > 0)) return;
    const signalStartMs = signal.startS * 1000;
    const signalEndMs = (signal.startS + (n - 1) * signal.stepS) * 1000 - EDGE_MS;
    if (this.#startMs === null) this.#startMs = Math.ceil(signalStartMs / BREATH_STEP_MS) * BREATH_STEP_MS;
    for (;;) {
      const t = this.#startMs + this.#values.length * BREATH_STEP_MS;
      if (t > signalEndMs) break;
      if (t < signalStartMs) {
        // A hole between analyses (the strap was off): kept as not measured.
        this.#values.push(Number.NaN);
        continue;
      }
      const x = (t / 1000 - signal.startS) / signal.stepS;
      const k = Math.min(n - 2, Math.floor(x));
      const f = x - k;
      const value = (signal.values[k] as number) * (1 - f) + (signal.values[k + 1] as number) * f;
      this.#values.push(Number.isFinite(value) ? value : Number.NaN);
    }
  }

  /** The trace over [fromMs, toMs) (session ms), or null where it holds nothing there. */
  slice(fromMs: number, toMs: number = Number.POSITIVE_INFINITY): BreathTraceSlice | null {
    if (this.#startMs === null) return null;
    const first = Math.max(0, Math.ceil((fromMs - this.#startMs) / BREATH_STEP_MS));
    const last = Math.min(this.#values.length, Math.ceil((toMs - this.#startMs) / BREATH_STEP_MS));
    if (last <= first) return null;
    return {
      startMs: this.#startMs + first * BREATH_STEP_MS,
      values: Float32Array.from(this.#values.slice(first, last)),
    };
  }

  /** Session time of the first sample, ms; null while empty. */
  get startMs(): number | null {
    return this.#startMs;
  }

  get sampleCount(): number {
    return this.#values.length;
  }

  reset(): void {
    this.#startMs = null;
    this.#values = [];
  }
}

/**
 * Slices back into one trace (stored chunk by chunk, in time order): the values on one grid from the first slice's
 * start, NaN between slices; where slices overlap the earlier one stands; a slice off the grid is left out.
 */
export function joinBreathSlices(slices: readonly BreathTraceSlice[]): BreathTraceSlice | null {
  const good = slices.filter(
    (s) => Number.isFinite(s.startMs) && s.startMs % BREATH_STEP_MS === 0 && s.values.length > 0,
  );
  const first = good[0];
  if (!first) return null;
  const values: number[] = [];
  for (const s of good) {
    const offset = (s.startMs - first.startMs) / BREATH_STEP_MS;
    while (values.length < offset) values.push(Number.NaN);
    // Overlapping slices (a chunk rewritten after the next began): only what is beyond the trace so far.
    for (let k = values.length - offset; k < s.values.length; k += 1) values.push(s.values[k] as number);
  }
  return { startMs: first.startMs, values: Float32Array.from(values) };
}

/** Breath values further apart than this (beats lost, or the breath not measured between) leave a hole, ms. */
const MAX_BREATH_SPAN_MS = 3000;

/**
 * The breath sampled at beat times (this app's CSV: one value per beat, null where it was not measured) back on an
 * even grid of `stepMs` (a multiple of which the grid starts on): linear between two consecutive beats that both
 * have a value and are at most 3 s apart, NaN elsewhere; null when no two such beats exist. Times in ms.
 */
export function breathOnGrid(
  timeMs: readonly number[],
  values: readonly (number | null)[],
  stepMs: number,
): BreathTraceSlice | null {
  const n = Math.min(timeMs.length, values.length);
  let first = -1;
  let last = -1;
  for (let k = 0; k + 1 < n; k += 1)
    if (values[k] !== null && values[k + 1] !== null) {
      if (first < 0) first = k;
      last = k + 1;
    }
  if (first < 0) return null;
  const startMs = Math.ceil((timeMs[first] as number) / stepMs) * stepMs;
  const count = Math.max(0, Math.floor(((timeMs[last] as number) - startMs) / stepMs) + 1);
  const out = new Float32Array(count).fill(Number.NaN);
  let k = first;
  for (let j = 0; j < count; j += 1) {
    const t = startMs + j * stepMs;
    while (k + 1 < last && (timeMs[k + 1] as number) < t) k += 1;
    const t0 = timeMs[k] as number;
    const t1 = timeMs[k + 1] as number;
    const v0 = values[k];
    const v1 = values[k + 1];
    if (v0 === null || v1 === null || v0 === undefined || v1 === undefined) continue;
    if (t1 - t0 > MAX_BREATH_SPAN_MS || t1 <= t0 || t < t0 || t > t1) continue;
    out[j] = v0 + ((v1 - v0) * (t - t0)) / (t1 - t0);
  }
  return { startMs, values: out };
}
