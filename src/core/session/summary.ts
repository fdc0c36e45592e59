/**
 * A finished session's figures, computed from its stored beats (at the stop, after a crash, or for an imported
 * file) with the HRV engine's own definitions: the NN series is the beats labelled normal, each following the
 * one before only when that was normal too and no gap lies between (so no difference is taken across a gap or
 * next to an artifact); RMSSD and mean heart rate are `timeDomain` (hrv/time-domain.ts, Task Force 1996) over it;
 * coherence is the engine's coherence averaged along the session (coherence-track.ts).
 */
import type { NnSeries } from '../hrv/series';
import { timeDomain } from '../hrv/time-domain';
import { valueOf } from '../hrv/measure';
import { meanCoherence } from './coherence-track';
import { NORMAL_BEAT, type BeatRecord, type SessionSummary } from './record';

/** The session's normal beats as the engine's NN series. */
function nnSeriesOf(beats: readonly BeatRecord[]): NnSeries {
  const nn: number[] = [];
  const times: number[] = [];
  const follows: number[] = [];
  let previousNormal = false;
  for (const beat of beats) {
    const normal = beat.artifact === NORMAL_BEAT;
    if (normal) {
      follows.push(previousNormal && !beat.afterGap ? 1 : 0);
      nn.push(beat.rrMs);
      times.push(beat.timeMs / 1000);
    }
    previousNormal = normal;
  }
  return { nnMs: Float64Array.from(nn), timeS: Float64Array.from(times), follows: Uint8Array.from(follows) };
}

export function summariseBeats(beats: readonly BeatRecord[]): SessionSummary {
  let rateSum = 0;
  let rateCount = 0;
  let artifactCount = 0;
  for (const beat of beats) {
    if (beat.artifact !== NORMAL_BEAT) artifactCount += 1;
    if (beat.pacerRateBpm !== null) {
      rateSum += beat.pacerRateBpm;
      rateCount += 1;
    }
  }
  const td = timeDomain(nnSeriesOf(beats));
  return {
    beatCount: beats.length,
    artifactCount,
    meanHeartRateBpm: valueOf(td.meanHrBpm),
    rmssdMs: valueOf(td.rmssdMs),
    coherence: meanCoherence(beats),
    breathingRateBpm: rateCount > 0 ? rateSum / rateCount : null,
  };
}

/** Session duration from its beats: the time of the last beat, ms (0 for none). */
export function durationOfBeats(beats: readonly BeatRecord[]): number {
  const last = beats[beats.length - 1];
  return last ? last.timeMs : 0;
}
