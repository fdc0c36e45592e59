/**
 * A stored session as chart series: the tachogram with artifacts marked, RMSSD over time (the live analysis'
 * rolling 60-second RMSSD, replayed over the stored beats so history and live screen agree), and the pacer rate.
 */
import { LiveHrv } from '../hrv/live';
import { NORMAL_BEAT, type BeatRecord } from '../session/record';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface SessionSeries {
  /** RR per beat: x = time in s, y = RR in ms. */
  readonly tachogram: Point[];
  /** Beats labelled as artifacts, same axes. */
  readonly artifacts: Point[];
  /** Rolling RMSSD, x = s, y = ms, every beat where it can be computed. */
  readonly rmssd: Point[];
  /** Pacer rate, x = s, y = breaths per minute, at each change of rate (steps). */
  readonly pacerRate: Point[];
}

export function sessionSeries(beats: readonly BeatRecord[]): SessionSeries {
  const hrv = new LiveHrv();
  const tachogram: Point[] = [];
  const artifacts: Point[] = [];
  const rmssd: Point[] = [];
  const pacerRate: Point[] = [];
  let lastRate: number | null = null;
  let afterArtifact = false;
  for (const beat of beats) {
    const x = beat.timeMs / 1000;
    tachogram.push({ x, y: beat.rrMs });
    const normal = beat.artifact === NORMAL_BEAT;
    if (!normal) artifacts.push({ x, y: beat.rrMs });
    if (normal) {
      // The beat after an artifact starts a new succession, exactly like one after a gap.
      const metrics = hrv.push({
        rrMs: beat.rrMs,
        timeMs: beat.timeMs,
        afterGap: beat.afterGap || afterArtifact,
      });
      if (metrics.rmssdMs.status === 'ok') rmssd.push({ x, y: metrics.rmssdMs.value });
    }
    afterArtifact = !normal;
    if (beat.pacerRateBpm !== null && beat.pacerRateBpm !== lastRate) {
      pacerRate.push({ x, y: beat.pacerRateBpm });
      lastRate = beat.pacerRateBpm;
    }
  }
  const last = beats[beats.length - 1];
  if (last && lastRate !== null) pacerRate.push({ x: last.timeMs / 1000, y: lastRate });
  return { tachogram, artifacts, rmssd, pacerRate };
}
