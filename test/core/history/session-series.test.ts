import { describe, expect, it } from 'vitest';
import { sessionSeries } from '../../../src/core/history/session-series';
import { NORMAL_BEAT, type BeatRecord } from '../../../src/core/session/record';

function beats(n: number, label: (i: number) => string = () => NORMAL_BEAT): BeatRecord[] {
  let t = 0;
  return Array.from({ length: n }, (_, i) => {
    const rrMs = i % 2 === 0 ? 900 : 1000;
    t += rrMs;
    return {
      rrMs,
      timeMs: t,
      afterGap: false,
      artifact: label(i),
      pacerRateBpm: i < n / 2 ? 6 : 5.5,
      pacerPhase: 0,
    };
  });
}

describe('session series', () => {
  it('marks artifacts on the tachogram and keeps them out of RMSSD', () => {
    // The ectopic beat's 400 ms would add differences of 500 and 600 ms if it were used.
    const input = beats(60, (i) => (i === 30 ? 'ectopic' : NORMAL_BEAT)).map((b, i) =>
      i === 30 ? { ...b, rrMs: 400 } : b,
    );
    const s = sessionSeries(input);
    expect(s.tachogram).toHaveLength(60);
    expect(s.artifacts).toEqual([{ x: s.tachogram[30]!.x, y: 400 }]);
    // Alternating 900/1000 gives every successive difference 100 ms, so RMSSD is exactly 100 wherever defined.
    expect(s.rmssd.length).toBeGreaterThan(0);
    for (const p of s.rmssd) expect(p.y).toBeCloseTo(100, 9);
  });

  it('forgets differences older than 60 s: alternating beats, then steady ones, end at RMSSD 0', () => {
    let t = 0;
    const input: BeatRecord[] = Array.from({ length: 200 }, (_, i) => {
      const rrMs = i < 60 ? (i % 2 ? 900 : 1000) : 950;
      t += rrMs;
      return { rrMs, timeMs: t, afterGap: false, artifact: NORMAL_BEAT, pacerRateBpm: 6, pacerPhase: 0 };
    });
    const s = sessionSeries(input);
    expect(s.rmssd[0]?.y).toBeCloseTo(100, 9);
    expect(s.rmssd[s.rmssd.length - 1]?.y).toBe(0);
    expect(s.coherence.length).toBeGreaterThan(0);
  });

  it('records the pacer rate as steps', () => {
    const s = sessionSeries(beats(10));
    expect(s.pacerRate.map((p) => p.y)).toEqual([6, 5.5, 5.5]);
  });
});
