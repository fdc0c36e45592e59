import { describe, expect, it } from 'vitest';
import { compareWithRecent } from '../../../src/core/session/compare';
import { EMPTY_SUMMARY, type SessionRecord } from '../../../src/core/session/record';

function session(
  id: string,
  startMin: number,
  hr: number | null,
  rmssd: number | null,
  minutes = 10,
): SessionRecord {
  return {
    id,
    startTimeMs: startMin * 60_000,
    sourceKind: 'simulated',
    sourceLabel: 'Simulated heart',
    durationMs: minutes * 60_000,
    status: 'finished',
    end: 'stopped',
    summary: { ...EMPTY_SUMMARY, meanHeartRateBpm: hr, rmssdMs: rmssd, coherence: null },
    checkInBefore: null,
    checkInAfter: null,
  };
}

describe('compareWithRecent', () => {
  it('compares with the mean of the last five earlier sessions', () => {
    const earlier = [1, 2, 3, 4, 5, 6].map((i) => session(`s${i}`, i * 100, 60 + i, 40));
    const now = session('now', 1000, 62, 50);
    const c = compareWithRecent(now, [...earlier, now]);
    expect(c.count).toBe(5);
    // Sessions 2..6: mean heart rate 64.
    expect(c.heartRateDiffBpm).toBeCloseTo(-2, 9);
    expect(c.rmssdRatio).toBeCloseTo(1.25, 9);
    expect(c.coherenceDiff).toBeNull();
  });

  it('leaves out later, short and figure-less sessions, and says when there is nothing to compare', () => {
    const now = session('now', 1000, 62, 50);
    const others = [
      session('later', 2000, 70, 30),
      session('short', 900, 90, 10, 0.5),
      session('blank', 800, null, null),
    ];
    const c = compareWithRecent(now, others);
    expect(c.count).toBe(1);
    expect(c.heartRateDiffBpm).toBeNull();
    expect(compareWithRecent(now, [])).toEqual({
      count: 0,
      heartRateDiffBpm: null,
      rmssdRatio: null,
      coherenceDiff: null,
    });
  });
});
