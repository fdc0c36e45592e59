/**
 * Words for the morning reading: what to do, what today's figure means against the person's own normal, and how
 * many more readings the figures need. Plain, personal and without medical claims: the reading describes how the
 * body is today compared with its own recent days, nothing more.
 */
import {
  BASELINE_MIN_READINGS,
  moreNeeded,
  NORMAL_RANGE_MIN_READINGS,
  type RangePosition,
  type ReadinessDay,
} from '../../core/readiness/baseline';
import { MAX_CORRECTED_PERCENT, SETTLE_S, type ReadingAnalysis } from '../../core/readiness/reading';
import type { ReadingPhase, ReadingProblem } from '../../state/reading.svelte';
import { countOf } from '../plural';
import { HELD_ELSEWHERE_TEXT, sourceFailedText } from '../session/problem-text';

export const READING_STEPS = [
  'Sit or lie still, in the same position as on other mornings.',
  'Breathe normally: no slow breathing, no pacer.',
  `The first ${SETTLE_S} seconds let your heart settle; then the reading measures.`,
] as const;

export const READING_TIPS =
  'For readings you can compare: take it at the same time each morning, soon after waking, before coffee, exercise or your phone’s news, in the same position each time.';

/** Why the reading could not start, or stopped early. */
export function readingProblemText(problem: ReadingProblem): string {
  switch (problem.kind) {
    case 'session-here':
      return 'A breathing session is running. Stop it first: a reading is taken at rest, breathing normally.';
    case 'held-elsewhere':
      return HELD_ELSEWHERE_TEXT;
    case 'source-failed':
      return `The reading stopped: ${sourceFailedText(problem.detail)}`;
  }
}

/** While the strap's signal is gone during a reading. */
export const READING_SIGNAL_LOST =
  'The strap’s signal is lost: reconnecting. Keep it on and stay still; the time without beats does not count.';

export function phaseText(phase: ReadingPhase): string {
  if (phase === 'settling') return 'Settling';
  if (phase === 'measuring') return 'Measuring';
  return '';
}

export function phaseHint(phase: ReadingPhase): string {
  return phase === 'settling'
    ? 'Sit still and breathe as you normally would.'
    : 'Keep still and breathe normally. Almost done when the ring closes.';
}

/** ln RMSSD as shown: two decimals (its day-to-day changes are tenths). */
export const formatLn = (value: number): string => value.toFixed(2);

/** Why a reading gave no figure. */
export function failureText(analysis: ReadingAnalysis): string | null {
  if (analysis.status === 'too-many-corrected')
    return `${Math.round(analysis.correctedPercent)} % of the beats had to be corrected (more than ${MAX_CORRECTED_PERCENT} %), so this reading cannot be trusted and was not saved. Moisten the strap’s electrodes, check it sits snugly below the chest, keep still, and try again.`;
  if (analysis.status === 'too-short')
    return `The heart signal covered only ${analysis.haveS} of the ${Math.ceil(analysis.needS)} seconds needed, so the reading was not saved. Check the strap’s contact and try again.`;
  return null;
}

/** How a reading sits against the person's normal range, in a sentence. */
export function positionText(position: RangePosition | null): string {
  if (position === 'within')
    return 'Today is within your normal range: your body looks much as it usually does.';
  if (position === 'above')
    return 'Today is above your normal range. This often follows good rest or an easy day. One day alone means little.';
  if (position === 'below')
    return 'Today is below your normal range. One low morning is common (a short night, a late meal, alcohol, a cold coming on, a stressful day); what matters more is whether it stays low over several days.';
  return '';
}

/** How a reading's ln RMSSD compares with the 7-day baseline, when there is one. */
export function baselineText(lnRmssd: number, day: ReadinessDay): string | null {
  if (day.baseline.status !== 'ok') return null;
  const diff = lnRmssd - day.baseline.value;
  const near = day.normalRange.status === 'ok' ? 0.5 * day.normalRange.value.sd : 0.05;
  if (Math.abs(diff) <= near) return 'Today is close to your 7-day baseline.';
  return diff > 0 ? 'Today is above your 7-day baseline.' : 'Today is below your 7-day baseline.';
}

/** What the figures still need, as a sentence; null once both have enough readings. */
export function needsText(day: ReadinessDay | null): string | null {
  const baseline = day ? moreNeeded(day.baseline) : BASELINE_MIN_READINGS;
  const range = day ? moreNeeded(day.normalRange) : NORMAL_RANGE_MIN_READINGS;
  if (baseline === 0 && range === 0) return null;
  const parts: string[] = [];
  if (baseline > 0)
    parts.push(
      `${countOf(baseline, 'more reading', 'more readings')} for your 7-day baseline (it needs ${BASELINE_MIN_READINGS} within a week)`,
    );
  if (range > 0)
    parts.push(
      `${countOf(range, 'more reading', 'more readings')} for your normal range (it needs ${NORMAL_RANGE_MIN_READINGS} over the last two months)`,
    );
  return `Your own normal is still forming: ${parts.join(', and ')}.`;
}

export const CV_EXPLAIN =
  'The 7-day variation (coefficient of variation of ln RMSSD) says how much your mornings swung this week. A variation that climbs over a few weeks means your days have been less settled than usual.';

export const LN_RMSSD_EXPLAIN =
  'ln RMSSD is the natural log of RMSSD, the beat-to-beat variation of your heart rhythm that the calming branch of the nervous system drives. The log makes days easy to compare: a change of 0.1 is about a 10 % change in RMSSD. Values are personal: compare with your own normal, never with other people.';

export const BELOW_RANGE_NOTE = (days: number): string =>
  `Your morning readings have sat below your normal range for ${days} days in a row. That can follow poor sleep, illness, heavy training or a stressful stretch. It may be worth resting more, and talking with someone you trust or a health professional if you feel run down. This is not a diagnosis.`;

export const BELOW_RANGE_OPT_IN =
  'Tell me gently when my morning readings stay below my normal range for 3 days in a row';
