import { describe, expect, it } from 'vitest';
import { heartRateOfBeats, watchTrace } from '../../../src/core/hr-only/watch';

describe('watchTrace', () => {
  it('sends the trailing average of its 1 Hz readings in whole bpm, once a second', () => {
    const trace = watchTrace((t) => 60 + t, { durationS: 5, smoothingS: 3, jitterS: 0, dropShare: 0 });
    expect(trace.timeS).toEqual([0, 1, 2, 3, 4, 5]);
    // At t the mean of t, t-1, t-2: 60 + t - 1.
    expect(trace.hrBpm).toEqual([59, 60, 61, 62, 63, 64]);
  });

  it('arrives late by at most the jitter, in order, and loses about the share asked for', () => {
    const trace = watchTrace(() => 70, {
      durationS: 2000,
      smoothingS: 1,
      jitterS: 0.4,
      dropShare: 0.1,
      seed: 3,
    });
    expect(trace.timeS.length).toBeGreaterThan(1700);
    expect(trace.timeS.length).toBeLessThan(1900);
    expect(trace.timeS.every((t, i) => i === 0 || t >= (trace.timeS[i - 1] ?? 0))).toBe(true);
    expect(trace.timeS.every((t) => t - Math.floor(t) <= 0.4 + 1e-9)).toBe(true);
  });
});

describe('heartRateOfBeats', () => {
  it('reads the rate of the beat interval a time falls in', () => {
    const hrAt = heartRateOfBeats([
      { rrMs: 1000, timeS: 1 },
      { rrMs: 500, timeS: 1.5 },
      { rrMs: 750, timeS: 2.25 },
    ]);
    expect([0.5, 1.2, 2, 3, 1].map(hrAt)).toEqual([60, 120, 80, 80, 60]);
  });
});
