import { describe, expect, it } from 'vitest';
import { breathsOfSamples, durationOfSamples, summariseHeartRate } from '../../../src/core/hr-only/summary';
import type { HeartRateRecord } from '../../../src/core/session/record';

/** One sample a second, pacer at `rateBpm` from t = 0, heart rate swinging `swingBpm` with the breath. */
function samples(count: number, rateBpm: number, swingBpm: number): HeartRateRecord[] {
  const periodS = 60 / rateBpm;
  return Array.from({ length: count }, (_, i) => ({
    heartRateBpm: 70 + (swingBpm / 2) * Math.sin((2 * Math.PI * i) / periodS),
    timeMs: i * 1000,
    afterGap: false,
    pacerRateBpm: rateBpm,
    pacerPhase: (i % periodS) / periodS,
  }));
}

describe('breathsOfSamples', () => {
  it('rebuilds the pacer breaths from the rate and phase stored with each sample', () => {
    expect(breathsOfSamples(samples(35, 6, 10))).toEqual([
      { startS: 0, endS: 10 },
      { startS: 10, endS: 20 },
      { startS: 20, endS: 30 },
      { startS: 30, endS: 40 },
    ]);
  });

  it('follows a rate change at a breath boundary and ignores samples without a pacer', () => {
    const slow = samples(20, 6, 10);
    const fast = samples(12, 5, 10).map((s) => ({ ...s, timeMs: s.timeMs + 20_000 }));
    const none = { ...slow[0]!, timeMs: 40_000, pacerRateBpm: null, pacerPhase: null };
    expect(breathsOfSamples([...slow, ...fast, none]).map((b) => [b.startS, b.endS])).toEqual([
      [0, 10],
      [10, 20],
      [20, 32],
    ]);
  });
});

describe('summariseHeartRate', () => {
  it('gives mean heart rate, the swing per breath and the pacer rate, and no HRV figures', () => {
    const summary = summariseHeartRate(samples(90, 6, 16));
    expect(summary.beatCount).toBe(0);
    expect(summary.heartRateSamples).toBe(90);
    expect(summary.meanHeartRateBpm).toBeCloseTo(70, 6);
    expect(summary.meanSwingBpm).toBeCloseTo(16, 2);
    expect(summary.breathingRateBpm).toBe(6);
    expect(summary.rmssdMs).toBeNull();
    expect(summary.coherence).toBeNull();
  });

  it('an empty session has nothing to say', () => {
    expect(summariseHeartRate([])).toMatchObject({
      meanHeartRateBpm: null,
      meanSwingBpm: null,
      heartRateSamples: 0,
    });
    expect(durationOfSamples([])).toBe(0);
  });
});
