/** Beats and sessions for the export tests. */
import { NORMAL_BEAT, type BeatRecord, type SessionRecord } from '../../../src/core/session/record';
import { summariseBeats } from '../../../src/core/session/summary';

export function sampleBeats(count: number): BeatRecord[] {
  let t = 0;
  return Array.from({ length: count }, (_, i) => {
    const rrMs = 850 + ((i * 53) % 120) + 0.25;
    t += rrMs;
    return {
      rrMs,
      timeMs: t,
      afterGap: i === 7,
      artifact: i === 11 ? 'ectopic' : NORMAL_BEAT,
      pacerRateBpm: 6,
      pacerPhase: (i % 8) / 8,
    };
  });
}

export function sampleSession(
  id: string,
  beats: readonly BeatRecord[],
  startTimeMs = Date.UTC(2026, 10, 22, 7, 30),
): SessionRecord {
  return {
    id,
    startTimeMs,
    sourceKind: 'simulated',
    sourceLabel: 'Simulated heart',
    durationMs: beats[beats.length - 1]?.timeMs ?? 0,
    status: 'finished',
    end: 'stopped',
    summary: summariseBeats(beats),
    checkInBefore: { stress: 8, note: 'deadline, "tight"' },
    checkInAfter: { stress: 5, note: '' },
  };
}

/** `count` beats `rrMs` apart, all normal, with a pacer at `pacerRateBpm` and no phase (a recording to replay). */
export function evenBeats(count: number, rrMs: number, pacerRateBpm: number): BeatRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    rrMs,
    timeMs: rrMs * (i + 1),
    afterGap: false,
    artifact: NORMAL_BEAT,
    pacerRateBpm,
    pacerPhase: null,
  }));
}
