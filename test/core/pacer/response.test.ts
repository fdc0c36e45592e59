import { describe, expect, it } from 'vitest';
import {
  breathSwings,
  fitAtRate,
  robustMean,
  transferGain,
  type HeartRateSamples,
} from '../../../src/core/pacer/response';

/** Heart rate sampled once a second (as a watch gives it): 65 bpm plus a sinusoid at `rateBpm`. */
function series(rateBpm: number, swingBpm: number, phaseRad: number, seconds = 120): HeartRateSamples {
  const timeS = Array.from({ length: seconds }, (_, k) => k);
  const hrBpm = timeS.map((t) => 65 + (swingBpm / 2) * Math.cos((2 * Math.PI * rateBpm * t) / 60 - phaseRad));
  return { timeS, hrBpm };
}

const breathsAt = (rateBpm: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ startS: (i * 60) / rateBpm, endS: ((i + 1) * 60) / rateBpm }));

describe('amplitude-led response criteria', () => {
  it('the per-breath swing is the peak-to-trough swing whatever the phase (a person breathing late)', () => {
    for (const phaseRad of [0, 0.7, 2, -1.3]) {
      const swings = breathSwings(series(6, 12, phaseRad), breathsAt(6, 10));
      for (const s of swings) expect(s.swingBpm).toBeCloseTo(12, 0);
      const four = breathSwings(series(6, 12, phaseRad), breathsAt(6, 10), 4);
      for (const s of four) expect(s.swingBpm).toBeCloseTo(12, 0);
    }
  });

  it('a breath without heart-rate samples has no swing', () => {
    const s = series(6, 12, 0);
    const gap = {
      timeS: s.timeS.filter((t) => t < 20 || t > 32),
      hrBpm: s.hrBpm.filter((_, k) => k < 20 || k > 32),
    };
    const swings = breathSwings(gap, breathsAt(6, 6));
    expect(swings[2]?.swingBpm).toBeNull();
    expect(swings[0]?.swingBpm).not.toBeNull();
  });

  it('one sigh or one skipped breath does not move the interquartile mean', () => {
    const ordinary = [10, 11, 9, 10.5, 9.5, 10, 10.2, 9.8];
    const base = robustMean(ordinary) ?? 0;
    expect(robustMean([...ordinary, 22]) ?? 0).toBeCloseTo(base, 0);
    expect(robustMean([...ordinary, 1]) ?? 0).toBeCloseTo(base, 0);
    expect(robustMean([null, 3])).toBe(3);
    expect(robustMean([])).toBeNull();
  });

  it('power at the paced rate and the transfer gain pacer -> heart rate', () => {
    const hr = series(5, 10, 0.9, 180);
    const fit = fitAtRate(hr.timeS, hr.hrBpm, 0, 180, 5);
    // Linear interpolation between 1 Hz samples takes about 2 % off a 0.08 Hz swing (sinc² of f/fs).
    expect(fit?.swing).toBeGreaterThan(9.6);
    expect(fit?.swing).toBeLessThanOrEqual(10);
    // Variance of a sinusoid of amplitude 5: 12.5 bpm².
    expect(Math.abs((fit?.power ?? 0) - 12.5)).toBeLessThan(0.6);
    const volume = (t: number) => 0.5 - 0.5 * Math.cos((2 * Math.PI * 5 * t) / 60);
    expect(transferGain(hr, volume, 0, 180, 5)).toBeGreaterThan(9.6);
    expect(transferGain(hr, volume, 0, 180, 5)).toBeLessThan(10.1);
    expect(fitAtRate([0, 1, 2], [60, 61, 62], 0, 3, 5)).toBeNull();
  });
});
