/**
 * A finished session beside the person's recent ones: differences of the session's own figures (summary.ts) from
 * the mean of the same figures over the sessions just before it. Plain arithmetic; the words are the UI's.
 */
import type { SessionRecord } from './record';

/**
 * A finished session beside the recent ones. Sessions shorter than {@link MIN_COMPARED_MS} are never compared,
 * either way: their figures rest on too few beats.
 */
export type RecentComparison =
  /** This session itself is too short to compare (and later sessions will not be compared with it). */
  | { readonly kind: 'too-short'; readonly minMs: number }
  /** Nothing earlier to compare with: `shorterEarlier` earlier sessions exist, all too short to count. */
  | { readonly kind: 'first'; readonly shorterEarlier: number }
  | ({ readonly kind: 'compared' } & RecentDifferences);

interface RecentDifferences {
  /** How many earlier sessions the figures are compared with (1 to {@link RECENT_SESSIONS}). */
  readonly count: number;
  /** This session's mean heart rate minus the recent mean, bpm; null when either is missing. */
  readonly heartRateDiffBpm: number | null;
  /** This session's RMSSD over the recent mean (1 = the same); null when either is missing. */
  readonly rmssdRatio: number | null;
  /** This session's mean coherence minus the recent mean (0-16 scale); null when either is missing. */
  readonly coherenceDiff: number | null;
}

/** Sessions compared with: the last few before this one. */
const RECENT_SESSIONS = 5;
/** Sessions shorter than this are left out of the comparison, ms. */
export const MIN_COMPARED_MS = 60_000;

function mean(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
}

/** `session` against up to {@link RECENT_SESSIONS} finished sessions that started before it. */
export function compareWithRecent(
  session: SessionRecord,
  history: readonly SessionRecord[],
  count = RECENT_SESSIONS,
): RecentComparison {
  if (session.durationMs < MIN_COMPARED_MS) return { kind: 'too-short', minMs: MIN_COMPARED_MS };
  const earlier = history.filter(
    (s) => s.id !== session.id && s.status === 'finished' && s.startTimeMs < session.startTimeMs,
  );
  const recent = earlier
    .filter((s) => s.durationMs >= MIN_COMPARED_MS)
    .sort((a, b) => b.startTimeMs - a.startTimeMs)
    .slice(0, count);
  if (recent.length === 0) return { kind: 'first', shorterEarlier: earlier.length };
  const hr = mean(recent.map((s) => s.summary.meanHeartRateBpm));
  const rmssd = mean(recent.map((s) => s.summary.rmssdMs));
  const coherence = mean(recent.map((s) => s.summary.coherence));
  const own = session.summary;
  return {
    kind: 'compared',
    count: recent.length,
    heartRateDiffBpm: hr === null || own.meanHeartRateBpm === null ? null : own.meanHeartRateBpm - hr,
    rmssdRatio: rmssd === null || rmssd <= 0 || own.rmssdMs === null ? null : own.rmssdMs / rmssd,
    coherenceDiff: coherence === null || own.coherence === null ? null : own.coherence - coherence,
  };
}
