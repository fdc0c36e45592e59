import { MIN_COMPARED_MS, type RecentComparison } from '../../core/session/compare';
import type { RateBand, RateResponse } from '../../core/session/rate-response';
import type { CheckIn } from '../../core/session/record';
import { formatRate } from './pacer-text';

/** Words for the summary after a session. */

/**
 * "At 6.0 breaths a minute your heart rate rose and fell by 9 bpm with each breath." A band of nearby rates reads
 * as a short range ("At 5.8 to 6.2 breaths a minute…").
 */
export function rateResponseText(band: RateBand): string {
  const rates =
    band.fromBpm === band.toBpm
      ? formatRate(band.fromBpm)
      : `${formatRate(band.fromBpm)} to ${formatRate(band.toBpm)}`;
  return `At ${rates} breaths a minute your heart rate rose and fell by ${Math.round(band.swingBpm)} bpm with each breath.`;
}

/**
 * One sentence of meaning from the largest swing: near a person's resonance rate heart rate swings most widely with
 * each breath (Lehrer, Vaschillo & Vaschillo 2000). The 5 and 10 bpm steps are this app's plain-language bands, not
 * clinical thresholds.
 */
export function meaningText(responses: readonly RateResponse[]): string {
  const best = responses.reduce<RateResponse | null>((a, r) => (a && a.swingBpm >= r.swingBpm ? a : r), null);
  if (!best) return 'The session was too short to see how your heart followed your breathing.';
  if (best.swingBpm >= 10)
    return 'Your heart followed your breathing strongly: a wide, even swing with each breath.';
  if (best.swingBpm >= 5)
    return 'Your heart followed your breathing: the swing usually widens over the first weeks of practice.';
  return 'Your heart followed your breathing only a little today; slow, easy breaths without forcing help most.';
}

/** The session beside the recent ones, in plain words: a first, a second and a later session each read true. */
export function comparisonText(c: RecentComparison): string {
  if (c.kind === 'too-short')
    return `Sessions of ${minutesText(c.minMs)} or more are compared with your recent ones; this one was shorter.`;
  if (c.kind === 'first')
    return c.shorterEarlier === 0
      ? 'This is your first session: the next ones will be compared with it.'
      : `This is your first session of ${minutesText(MIN_COMPARED_MS)} or more: the next ones will be compared with it.`;
  const which = c.count === 1 ? 'your one earlier session' : `your last ${c.count} sessions`;
  const parts: string[] = [];
  if (c.heartRateDiffBpm !== null) {
    const d = Math.round(c.heartRateDiffBpm);
    parts.push(
      d === 0
        ? `Your heart rate was about the same as in ${which}`
        : `Your heart rate was ${Math.abs(d)} bpm ${d < 0 ? 'lower' : 'higher'} than in ${which}`,
    );
  }
  if (c.rmssdRatio !== null) {
    const r = c.rmssdRatio;
    parts.push(
      r >= 1.1
        ? 'its beat-to-beat variation was higher than usual, a sign of a relaxed heart'
        : r <= 0.9
          ? 'its beat-to-beat variation was lower than usual (it changes with sleep, stress and exercise)'
          : 'its beat-to-beat variation was as usual',
    );
  }
  if (parts.length === 0) return `There was not enough data to compare this session with ${which}.`;
  const sentence = parts.join(', and ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

function minutesText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes === 1 ? 'a minute' : `${minutes} minutes`;
}

/** How the person felt before and after, in words (stress 1 calm .. 10 very stressed). */
export function feelingText(before: CheckIn | null, after: CheckIn | null): string | null {
  const b = before?.stress ?? null;
  const a = after?.stress ?? null;
  if (b === null && a === null) return null;
  if (b !== null && a !== null) {
    const change = a < b ? 'calmer' : a > b ? 'more stressed' : 'the same';
    return `Stress ${b} before, ${a} after: ${change === 'the same' ? 'about the same' : change}.`;
  }
  return b !== null ? `Stress ${b} before the session.` : `Stress ${a} after the session.`;
}
