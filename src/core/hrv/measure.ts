/**
 * A measure that may not be computable. Two different reasons are explicit states, never NaN:
 * - "not enough data": the measure needs more beats or seconds than there are yet (more recording will give it);
 * - "not defined": there is enough data, but the measure has no value for this input (a ratio over zero power, a
 *   spread of a series that does not vary, an amplitude over no whole breaths), however long it runs.
 * Screens show each with its own words; code must handle every case to read the value.
 */
export type Measure =
  | { readonly status: 'ok'; readonly value: number }
  | {
      readonly status: 'not-enough-data';
      /** How much data there is, in `unit`. */
      readonly have: number;
      /** How much the measure needs, in `unit`. */
      readonly need: number;
      readonly unit: 'beats' | 's';
    }
  | { readonly status: 'not-defined'; readonly reason: UndefinedReason };

/** Why a measure has no value for its input. */
export type UndefinedReason =
  /** The power it divides by (a band, or the spectrum outside its peak) is zero: a rhythm that does not vary. */
  | 'zero-power'
  /** The spread it divides by or fits (a standard deviation, every fluctuation) is zero. */
  | 'zero-spread'
  /** No whole breath with a measurable swing lies in the window. */
  | 'no-breaths'
  /** No two stretches of the series match within the tolerance (sample entropy's log of zero). */
  | 'no-matches'
  /** The spectrum has no frequency inside the band (its resolution is coarser than the band). */
  | 'empty-band';

export function ok(value: number): Measure {
  return { status: 'ok', value };
}

export function notEnough(have: number, need: number, unit: 'beats' | 's'): Measure {
  return { status: 'not-enough-data', have, need, unit };
}

export function notDefined(reason: UndefinedReason): Measure {
  return { status: 'not-defined', reason };
}

/** The value, or null when not computable (for JSON and charts). */
export function valueOf(m: Measure): number | null {
  return m.status === 'ok' ? m.value : null;
}
