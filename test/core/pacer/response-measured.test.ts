import { describe, expect, it } from 'vitest';
import { measuredBreathSwings, ownBreaths, type PacedBreath } from '../../../src/core/pacer/response';

/** A pacer at 6/min from 0 s: ten 10-second breaths. */
const pacer: PacedBreath[] = Array.from({ length: 10 }, (_, i) => ({ startS: 10 * i, endS: 10 * (i + 1) }));

/** Heart rate at 4 Hz swinging ±5 bpm with the person's breath, which runs `lagS` behind the pacer. */
function heartRate(lagS: number) {
  const timeS: number[] = [];
  const hrBpm: number[] = [];
  for (let t = 0; t < 100; t += 0.25) {
    timeS.push(t);
    hrBpm.push(65 + 5 * Math.sin((2 * Math.PI * (t - lagS)) / 10));
  }
  return { timeS, hrBpm };
}

describe('per-breath swings over the person’s measured breaths', () => {
  it('takes each pacer breath over the person’s own breath, a set lag late', () => {
    const measured = pacer.map((b) => ({ inhaleS: b.startS + 1.2, endS: b.endS + 1.2 }));
    const own = ownBreaths(pacer, measured);
    expect(own[3]).toEqual({ startS: 31.2, endS: 41.2 });
  });

  it('keeps the pacer’s breath where the chest has not measured that far yet (its breaths arrive late)', () => {
    // Measured up to 41.2 s, a breath 1.2 s behind: pacer breath 4 (40-50 s) overlaps the last measured breath
    // but ends after it, so whether it was taken is not known yet; breath 3 is matched as usual.
    const measured = pacer.slice(0, 4).map((b) => ({ inhaleS: b.startS + 1.2, endS: b.endS + 1.2 }));
    const own = ownBreaths(pacer, measured);
    expect(own[3]).toEqual({ startS: 31.2, endS: 41.2 });
    expect(own[4]).toEqual(pacer[4]);
    const swings = measuredBreathSwings(heartRate(1.2), pacer, 4, measured, false);
    expect(swings[4]?.swingBpm).toBeCloseTo(10, 0);
  });

  it('gives no swing for a breath the person skipped or stretched, and the pacer’s breath where nothing was measured', () => {
    // Breaths 0-3 as paced; breaths 4 and 5 taken as one 20 s breath; nothing measured from 60 s on.
    const measured = [
      ...pacer.slice(0, 4).map((b) => ({ inhaleS: b.startS, endS: b.endS })),
      { inhaleS: 40, endS: 60 },
    ];
    const own = ownBreaths(pacer, measured);
    expect(own[4]).toBeNull();
    expect(own[5]).toBeNull();
    expect(own[7]).toEqual(pacer[7]);
    const swings = measuredBreathSwings(heartRate(0), pacer, 1, measured);
    expect(swings[4]?.swingBpm).toBeNull();
    expect(swings[2]?.swingBpm).toBeCloseTo(10, 0);
    expect(swings[7]?.swingBpm).toBeCloseTo(10, 0);
    // Credited to the pacer's breath and rate.
    expect(swings[2]?.startS).toBe(20);
    expect(swings[2]?.rateBpm).toBeCloseTo(6, 6);
  });

  it('is the pacer-only swing when no breath was measured', () => {
    const plain = measuredBreathSwings(heartRate(0.7), pacer, 1);
    const empty = measuredBreathSwings(heartRate(0.7), pacer, 1, []);
    expect(empty).toEqual(plain);
    expect(plain.every((s) => s.swingBpm !== null && Math.abs(s.swingBpm - 10) < 0.5)).toBe(true);
  });
});
