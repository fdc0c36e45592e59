import { describe, expect, it } from 'vitest';
import { LiveHrv, RMSSD_MIN_DIFFS } from '../../../src/core/hrv/live';

function feed(rr: number[], gaps: Set<number> = new Set()) {
  const live = new LiveHrv();
  let t = 0;
  return rr.map((rrMs, i) => {
    t += Number.isFinite(rrMs) && rrMs > 0 ? rrMs : 1000;
    return live.push({ rrMs, timeMs: t, afterGap: gaps.has(i) });
  });
}

describe('LiveHrv', () => {
  it('says not enough data until RMSSD has its beats', () => {
    const out = feed(Array.from({ length: RMSSD_MIN_DIFFS }, () => 1000));
    expect(out[RMSSD_MIN_DIFFS - 1]?.rmssdMs).toEqual({
      status: 'not-enough-data',
      have: RMSSD_MIN_DIFFS - 1,
      need: RMSSD_MIN_DIFFS,
      unit: 'beats',
    });
  });

  it('computes RMSSD from its definition over the last 60 s', () => {
    const rr = Array.from({ length: 120 }, (_, i) => 900 + (i % 2 === 0 ? 40 : -40));
    const last = feed(rr).at(-1);
    // Alternating ±40 ms gives successive differences of 80 ms.
    expect(last?.rmssdMs).toEqual({ status: 'ok', value: 80 });
    expect(last?.heartRateBpm.status === 'ok' && last.heartRateBpm.value).toBeCloseTo(60_000 / 900, 6);
  });

  it('gives zero for a constant series and never takes a difference across a gap', () => {
    const rr = Array.from({ length: 60 }, (_, i) => (i < 30 ? 800 : 1000));
    expect(feed(rr, new Set([30])).at(-1)?.rmssdMs).toEqual({ status: 'ok', value: 0 });
    expect(feed(rr).at(-1)?.rmssdMs.status === 'ok' && feed(rr).at(-1)?.rmssdMs).not.toEqual({
      status: 'ok',
      value: 0,
    });
  });

  it('rejects absurd intervals without crashing or bridging them', () => {
    const rr = [
      ...Array.from({ length: 30 }, () => 800),
      Number.NaN,
      0,
      5000,
      ...Array.from({ length: 30 }, () => 1000),
    ];
    const last = feed(rr).at(-1);
    expect(last?.beatCount).toBe(63);
    expect(last?.rmssdMs).toEqual({ status: 'ok', value: 0 });
  });
});
