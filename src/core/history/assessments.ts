/**
 * The pacer's assessment result (core/pacer/assessment/result.ts) as a history record, so the trends can show the
 * resonance rate across assessments. Each rate's score is its peak-to-trough heart-rate amplitude in bpm (the
 * response both protocols measure). The id comes from the finishing time, so storing the same result twice
 * leaves one record; `sessionId` is the session it was measured in, if any. An answer read from heart rate only
 * (a watch without RR) keeps that mark.
 */
import type { StoredAssessment } from '../pacer/assessment/result';
import type { AssessmentRecord } from '../session/record';

export function assessmentRecord(
  result: StoredAssessment,
  sessionId: string | null = null,
): AssessmentRecord | null {
  const timeMs = Date.parse(result.dateIso);
  if (result.foundBpm === null || !Number.isFinite(timeMs)) return null;
  return {
    id: `assessment-${result.dateIso}`,
    timeMs,
    resonanceRateBpm: result.foundBpm,
    candidates: result.points.flatMap((p) =>
      p.amplitudeBpm === null ? [] : [{ rateBpm: p.rateBpm, score: p.amplitudeBpm }],
    ),
    sessionId,
    ...(result.signal === 'heart-rate' ? { signal: 'heart-rate' as const } : {}),
  };
}
