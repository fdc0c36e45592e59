/**
 * A finished session's figures, recomputed from its stored beats (after a crash, or for an imported file).
 *
 * RMSSD follows the Task Force of the ESC and NASPE (1996), "Heart rate variability: standards of measurement":
 * the root mean square of successive RR differences, here taken only between two normal beats that truly follow
 * each other (not across a gap, not next to an artifact). Mean heart rate is 60000 / mean normal RR.
 */
import { meanCoherence } from './coherence-track';
import { NORMAL_BEAT, type BeatRecord, type SessionSummary } from './record';

/** RMSSD needs at least this many successive differences (same floor as the live analysis). */
export const MIN_SUMMARY_DIFFS = 20;
/** Mean heart rate needs at least this many normal beats. */
export const MIN_SUMMARY_BEATS = 3;

/**
 * Summarise beats. `coherence` comes from the HRV engine when it ran; recovery and imports pass null.
 */
export function summariseBeats(
  beats: readonly BeatRecord[],
  coherence: number | null = null,
): SessionSummary {
  let normalCount = 0;
  let normalSumMs = 0;
  let sumSq = 0;
  let diffs = 0;
  let rateSum = 0;
  let rateCount = 0;
  let artifactCount = 0;
  let previous: BeatRecord | null = null;
  for (const beat of beats) {
    const normal = beat.artifact === NORMAL_BEAT;
    if (!normal) artifactCount += 1;
    if (beat.pacerRateBpm !== null) {
      rateSum += beat.pacerRateBpm;
      rateCount += 1;
    }
    if (normal) {
      normalCount += 1;
      normalSumMs += beat.rrMs;
      if (previous !== null && previous.artifact === NORMAL_BEAT && !beat.afterGap) {
        const d = beat.rrMs - previous.rrMs;
        sumSq += d * d;
        diffs += 1;
      }
    }
    previous = beat;
  }
  return {
    beatCount: beats.length,
    artifactCount,
    meanHeartRateBpm: normalCount >= MIN_SUMMARY_BEATS ? 60_000 / (normalSumMs / normalCount) : null,
    rmssdMs: diffs >= MIN_SUMMARY_DIFFS ? Math.sqrt(sumSq / diffs) : null,
    coherence: meanCoherence(beats),
    breathingRateBpm: rateCount > 0 ? rateSum / rateCount : null,
  };
}

/** Session duration from its beats: the time of the last beat, ms (0 for none). */
export function durationOfBeats(beats: readonly BeatRecord[]): number {
  const last = beats[beats.length - 1];
  return last ? last.timeMs : 0;
}
