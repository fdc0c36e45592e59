/**
 * Coherence through a stored session: the HRV engine's coherence (hrv/coherence.ts, HeartMath-style 64-s window)
 * evaluated every COHERENCE_STEP_S seconds over the session's normal beats. The session's coherence figure is the
 * mean of these scores, so recorded, recovered and imported sessions share one definition.
 */
import { coherenceAt, COHERENCE_WINDOW_S } from '../hrv/coherence';
import { NORMAL_BEAT, type BeatRecord } from './record';

const COHERENCE_STEP_S = 5;

export interface CoherencePoint {
  /** End of the 64-s window, s since the session start. */
  readonly timeS: number;
  /** Coherence score 0-16 (see hrv/coherence.ts). */
  readonly score: number;
}

export function coherenceTrack(beats: readonly BeatRecord[]): CoherencePoint[] {
  const timeS: number[] = [];
  const nnMs: number[] = [];
  for (const b of beats) {
    if (b.artifact !== NORMAL_BEAT) continue;
    timeS.push(b.timeMs / 1000);
    nnMs.push(b.rrMs);
  }
  const points: CoherencePoint[] = [];
  const first = timeS[0];
  const last = timeS[timeS.length - 1];
  if (first === undefined || last === undefined) return points;
  let from = 0;
  let to = 0;
  for (let end = first + COHERENCE_WINDOW_S; end <= last; end += COHERENCE_STEP_S) {
    // The window's beats plus one before it, so interpolation has a left neighbour.
    while (from + 1 < timeS.length && (timeS[from + 1] ?? 0) < end - COHERENCE_WINDOW_S) from += 1;
    while (to < timeS.length && (timeS[to] ?? 0) <= end) to += 1;
    const c = coherenceAt(timeS.slice(from, to), nnMs.slice(from, to), end);
    if (c.score.status === 'ok') points.push({ timeS: end, score: c.score.value });
  }
  return points;
}

/** Mean coherence score over the session, or null when no window had enough data. */
export function meanCoherence(beats: readonly BeatRecord[]): number | null {
  const track = coherenceTrack(beats);
  return track.length === 0 ? null : track.reduce((a, p) => a + p.score, 0) / track.length;
}
