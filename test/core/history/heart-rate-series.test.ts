import { describe, expect, it } from 'vitest';
import { heartRateSeries } from '../../../src/core/history/heart-rate-series';
import type { HeartRateRecord } from '../../../src/core/session/record';

const samples: HeartRateRecord[] = Array.from({ length: 40 }, (_, i) => ({
  heartRateBpm: 70 + 6 * Math.sin((2 * Math.PI * i) / 10),
  timeMs: i * 1000,
  afterGap: i === 25,
  pacerRateBpm: i < 20 ? 6 : 6.5,
  pacerPhase: i < 20 ? (i % 10) / 10 : ((i - 20) % (60 / 6.5)) / (60 / 6.5),
}));

describe('heartRateSeries', () => {
  it('plots every sample, breaking the line at a gap', () => {
    const series = heartRateSeries(samples);
    expect(series.heartRate).toHaveLength(41);
    expect(series.heartRate[25]).toEqual({ x: 25, y: null });
    expect(series.heartRate[26]?.x).toBe(25);
  });

  it('gives the swing of each judged breath at its middle and the pacer as steps', () => {
    const series = heartRateSeries(samples);
    expect(series.swings.slice(0, 2).map((p) => p.x)).toEqual([5, 15]);
    for (const p of series.swings.slice(0, 2)) expect(p.y).toBeCloseTo(12, 2);
    expect(series.pacerRate).toEqual([
      { x: 0, y: 6 },
      { x: 20, y: 6.5 },
      { x: 39, y: 6.5 },
    ]);
  });
});
