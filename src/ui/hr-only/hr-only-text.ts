/** Words for the heart-rate-only screens (a watch that sends heart rate without beat-to-beat intervals). */
import type { HeartRateResponse } from '../../core/hr-only/resonance';
import type { SessionRecord } from '../../core/session/record';

/** The one plain line on why the HRV figures are missing. */
export const HRV_UNAVAILABLE_LINE =
  'RMSSD, SDNN and coherence are not available with this device: they need the time between individual beats, which it does not send.';

/** The swing of the last breath, or what it is waiting for. */
export function swingText(swingBpm: number | null): { value: string; note: string } {
  if (swingBpm === null) return { value: '–', note: 'measuring the first breath' };
  return { value: swingBpm.toFixed(1), note: 'peak to trough, last breath' };
}

/** The resonance indicator in words and a 0..1 level (the share of heart-rate variation at the breathing rhythm). */
export function heartRateResonanceText(r: HeartRateResponse): { level: number | null; text: string } {
  if (r.breathLockedShare === null)
    return { level: null, text: 'Measuring how your heart rate follows the breathing…' };
  const share = Math.round(r.breathLockedShare * 100);
  const swing =
    r.swingBpm === null ? '' : ` Average swing ${r.swingBpm.toFixed(1)} bpm over ${r.breaths} breaths.`;
  return {
    level: r.breathLockedShare,
    text: `${share} % of your heart rate's rise and fall follows the breathing.${swing}`,
  };
}

/** What a finished session could and could not measure, for its detail screen. */
export function measuredText(session: SessionRecord): string {
  if (session.signal !== 'heart-rate')
    return 'Measured beat by beat: heart rate, the swing of each breath, RMSSD and coherence.';
  return (
    'Measured from heart rate only (the device sent no beat-to-beat intervals): heart rate and the swing of each ' +
    'breath. Not measurable: RMSSD, SDNN and coherence, which need the time between individual beats.'
  );
}

/** The summary's words for a heart-rate-only session: its average swing, when it has one, then what it measured. */
export function heartRateSummaryText(session: SessionRecord): string {
  const swing = session.summary.meanSwingBpm;
  const swingLine =
    swing == null ? null : `Your heart rate rose and fell by ${swing.toFixed(1)} bpm a breath on average.`;
  return [swingLine, measuredText(session)].filter((line) => line !== null).join(' ');
}

/** Under the pacer's reason while it steers by a watch's heart rate. */
export const HEART_RATE_STEERING_LINE =
  'Steering by the swing of your heart rate: this device sends heart rate only.';

/** After an assessment's answer when it was measured from heart rate only. */
export const HEART_RATE_ANSWER_NOTE = 'Measured from heart rate only (no beat-to-beat intervals).';

/**
 * Beside the assessments while a heart-rate-only device runs: on heart rate only the stepped and sliding
 * assessments meet the pacer's gate with a 3 s and a 5 s watch, the quick one not with a 5 s watch
 * (docs/heart-rate-only.md).
 */
export const HEART_RATE_ASSESSMENT_HINT =
  'This device sends heart rate only: Stepped or Sliding reads it most reliably. Quick can miss when a watch smooths its heart rate.';
