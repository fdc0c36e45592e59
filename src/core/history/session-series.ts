/**
 * A stored session as chart series: the tachogram with artifacts marked, RMSSD over the last 60 s as the session
 * went on (Task Force 1996 definition, differences only between successive normal beats, as the live screen
 * computes it), coherence along the session (session/coherence-track.ts) and the pacer rate.
 */
import { RMSSD_MIN_DIFFS, RMSSD_WINDOW_MS } from '../hrv/live';
import { coherenceTrack } from '../session/coherence-track';
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
  /** Rolling 60-s RMSSD, x = s, y = ms, at every beat where it has enough differences. */
  readonly rmssd: Point[];
  /** Coherence score 0-16 every 5 s, x = s. */
  readonly coherence: Point[];
  /** Pacer rate, x = s, y = breaths per minute, at each change of rate (steps). */
  readonly pacerRate: Point[];
}

/** Rolling RMSSD in one pass: a queue of (time, squared difference) with a running sum. */
function rollingRmssd(beats: readonly BeatRecord[]): Point[] {
  const out: Point[] = [];
  const times: number[] = [];
  const squares: number[] = [];
  let head = 0;
  let sum = 0;
  let previous: BeatRecord | null = null;
  for (const beat of beats) {
    const normal = beat.artifact === NORMAL_BEAT;
    if (normal && previous && previous.artifact === NORMAL_BEAT && !beat.afterGap) {
      const d = beat.rrMs - previous.rrMs;
      times.push(beat.timeMs);
      squares.push(d * d);
      sum += d * d;
    }
    previous = beat;
    while (head < times.length && (times[head] ?? 0) < beat.timeMs - RMSSD_WINDOW_MS) {
      sum -= squares[head] ?? 0;
      head += 1;
    }
    const n = times.length - head;
    if (normal && n >= RMSSD_MIN_DIFFS)
      out.push({ x: beat.timeMs / 1000, y: Math.sqrt(Math.max(0, sum) / n) });
  }
  return out;
}

/**
 * The pacer rate as steps: a point at each change of rate and one at the end, x = s, y = breaths per minute. Takes
 * beats or heart-rate samples (anything with a time and the pacer's rate).
 */
export function pacerSteps(
  items: readonly { readonly timeMs: number; readonly pacerRateBpm: number | null }[],
): Point[] {
  const steps: Point[] = [];
  let lastRate: number | null = null;
  for (const item of items) {
    if (item.pacerRateBpm !== null && item.pacerRateBpm !== lastRate) {
      steps.push({ x: item.timeMs / 1000, y: item.pacerRateBpm });
      lastRate = item.pacerRateBpm;
    }
  }
  const last = items[items.length - 1];
  if (last && lastRate !== null) steps.push({ x: last.timeMs / 1000, y: lastRate });
  return steps;
}

export function sessionSeries(beats: readonly BeatRecord[]): SessionSeries {
  const tachogram: Point[] = [];
  const artifacts: Point[] = [];
  for (const beat of beats) {
    const x = beat.timeMs / 1000;
    tachogram.push({ x, y: beat.rrMs });
    if (beat.artifact !== NORMAL_BEAT) artifacts.push({ x, y: beat.rrMs });
  }
  const pacerRate = pacerSteps(beats);
  return {
    tachogram,
    artifacts,
    rmssd: rollingRmssd(beats),
    coherence: coherenceTrack(beats).map((p) => ({ x: p.timeS, y: p.score })),
    pacerRate,
  };
}
