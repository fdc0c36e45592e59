/**
 * A measure that may not be computable yet. "Not enough data" is an explicit state, never NaN: screens show
 * it as a dash with the reason, and code must handle both cases to read the value.
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
    };

export function ok(value: number): Measure {
  return { status: 'ok', value };
}

export function notEnough(have: number, need: number, unit: 'beats' | 's'): Measure {
  return { status: 'not-enough-data', have, need, unit };
}

/** The value, or null when not computable (for JSON and charts). */
export function valueOf(m: Measure): number | null {
  return m.status === 'ok' ? m.value : null;
}
