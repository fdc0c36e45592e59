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
    if (c.kind !== 'compared') throw new Error(`expected a comparison, got ${c.kind}`);
    expect(c.count).toBe(5);
    // Sessions 2..6: mean heart rate 64.
    expect(c.heartRateDiffBpm).toBeCloseTo(-2, 9);
    expect(c.rmssdRatio).toBeCloseTo(1.25, 9);
    expect(c.coherenceDiff).toBeNull();
  });

  it('leaves out later, short and figure-less sessions', () => {
    const now = session('now', 1000, 62, 50);
    const others = [
      session('later', 2000, 70, 30),
      session('short', 900, 90, 10, 0.5),
      session('blank', 800, null, null),
    ];
    expect(compareWithRecent(now, others)).toEqual({
      kind: 'compared',
      count: 1,
      heartRateDiffBpm: null,
      rmssdRatio: null,
      coherenceDiff: null,
    });
  });

  it('tells a first session, a first after short ones and a too-short session apart', () => {
    const first = session('first', 100, 62, 50);
    expect(compareWithRecent(first, [first])).toEqual({ kind: 'first', shorterEarlier: 0 });
    // A 35 s session is the first one: too short to be compared, or to compare later ones with.
    const brief = session('brief', 100, 66, 40, 35 / 60);
    expect(compareWithRecent(brief, [brief])).toEqual({ kind: 'too-short', minMs: 60_000 });
    // The next session, of 5 minutes, has nothing of a minute or more before it.
    const second = session('second', 200, 63, 45, 5);
    expect(compareWithRecent(second, [brief, second])).toEqual({ kind: 'first', shorterEarlier: 1 });
    // The one after it is compared with the second alone.
    const third = session('third', 300, 60, 45, 5);
    const c = compareWithRecent(third, [brief, second, third]);
    expect(c.kind === 'compared' && c.count).toBe(1);
    expect(c.kind === 'compared' && c.heartRateDiffBpm).toBeCloseTo(-3, 9);
  });
});
