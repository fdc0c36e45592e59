/**
 * The measured breath (respiration/breath-trace.ts: 4 Hz, Float32 values, NaN where nothing was measured) as JSON
 * can carry it, for the backup: NaN becomes null, and each value is written with 9 significant digits, the fewest
 * that give back every single-precision number exactly (IEEE 754-2008, 5.12.2: FLT_DECIMAL_DIG = 9), so a trace
 * goes out and comes back bit for bit in about half the characters of the full double.
 */
import type { BreathTraceSlice } from '../respiration/breath-trace';

export interface BreathColumn {
  /** Session time of the first value, ms (a multiple of the trace's 250 ms step). */
  readonly startMs: number;
  /** The breath signal every 250 ms from `startMs`; null where it was not measured. */
  readonly values: (number | null)[];
}

export function toBreathColumn(slice: BreathTraceSlice): BreathColumn {
  return {
    startMs: slice.startMs,
    values: Array.from(slice.values, (v) => (Number.isFinite(v) ? Number(v.toPrecision(9)) : null)),
  };
}

/** The trace back from a column (checked first when it came from a file: export/backup-check.ts). */
export function fromBreathColumn(column: BreathColumn): BreathTraceSlice {
  return {
    startMs: column.startMs,
    values: Float32Array.from(column.values, (v) => v ?? Number.NaN),
  };
}
