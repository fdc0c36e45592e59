import type { Measure, UndefinedReason } from '../../core/hrv/measure';

/**
 * How a live measure reads on screen. `ok`: its value. `settling`: the measure needs more beats than there are yet,
 * which is how every session begins, so it says so calmly and never with a count ("0 of 20 beats"). `not-defined`:
 * there is data, but the measure has no value for it; the note says why, in plain words.
 */
export interface MeasureText {
  readonly state: 'ok' | 'settling' | 'not-defined';
  /** The number to show, or '' when there is none. */
  readonly value: string;
  /** Words shown instead of (or under) the number, '' when the number speaks for itself. */
  readonly note: string;
}

export const SETTLING_TEXT = 'Settling in…';

const UNDEFINED_TEXT: Record<UndefinedReason, string> = {
  'zero-power': 'No rise and fall in your heart rate to measure right now',
  'zero-spread': 'Your beats are all alike right now, so there is no variation to measure',
  'no-breaths': 'No whole breath to measure in this stretch',
  'no-matches': 'Your rhythm is too irregular to measure this',
  'empty-band': 'This recording is too short to measure this',
};

function undefinedText(reason: UndefinedReason): string {
  return UNDEFINED_TEXT[reason];
}

export function measureText(m: Measure | undefined, digits: number): MeasureText {
  if (!m || m.status === 'not-enough-data') return { state: 'settling', value: '', note: SETTLING_TEXT };
  if (m.status === 'not-defined') return { state: 'not-defined', value: '', note: undefinedText(m.reason) };
  return { state: 'ok', value: m.value.toFixed(digits), note: '' };
}

/** Under the heart rate while the strap's signal is gone (the status line says what the app is doing about it). */
export const NO_SIGNAL_TEXT = 'No signal from the strap';

/**
 * The heart rate to show: the HRV engine's, or the device's own reading while the engine has none yet (the same
 * heart rate, so it is not labelled differently); none while the signal is lost.
 */
export function heartRateText(
  measure: Measure | undefined,
  deviceHeartRate: number | null,
  signalLost = false,
): MeasureText {
  // While the strap is gone the last heart rate is not the person's now: shown on, it would look live.
  if (signalLost) return { state: 'not-defined', value: '–', note: NO_SIGNAL_TEXT };
  if ((!measure || measure.status !== 'ok') && deviceHeartRate !== null)
    return { state: 'ok', value: String(deviceHeartRate), note: '' };
  return measureText(measure, 0);
}
