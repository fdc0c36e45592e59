import { describe, expect, it } from 'vitest';
import { breathPhases, measuredBreathSwings, type PacedBreath } from '../../../src/core/pacer/response';

/** A pacer at 6/min from 0 s: ten 10-second breaths; its lung volume peaks at 5 s into each (half-cosine). */
const PERIOD_S = 10;
const pacer: PacedBreath[] = Array.from({ length: 10 }, (_, i) => ({ startS: 10 * i, endS: 10 * (i + 1) }));
const volumeAt = (t: number) => 0.5 - 0.5 * Math.cos((2 * Math.PI * t) / PERIOD_S);

/** Heart rate at 4 Hz peaking `afterS` after the person's lungs are fullest; their breath runs `lagS` behind the pacer. */
function heartRate(lagS: number, afterS: number) {
  const timeS: number[] = [];
  const hrBpm: number[] = [];
  for (let t = 0; t < 100; t += 0.25) {
    timeS.push(t);
    hrBpm.push(65 + 5 * Math.cos((2 * Math.PI * (t - PERIOD_S / 2 - lagS - afterS)) / PERIOD_S));
  }
  return { timeS, hrBpm };
}

/** The person's breaths as a chest strap logs them: `lagS` behind the pacer, with the lag the analysis measured. */
const measuredAt = (lagS: number, measuredLagS: number | null = lagS) =>
  pacer.map((b) => ({ inhaleS: b.startS + lagS, endS: b.endS + lagS, lagS: measuredLagS }));

describe('phase of heart rate against the person’s measured breath', () => {
  it('is how far heart rate trails the person’s breath, as a share of the breath', () => {
    // Heart rate peaks 1 s after the lungs are fullest: 36° of a 10 s breath, whatever the person's lag.
    for (const lagS of [0, 0.8, -1.5]) {
      const phases = breathPhases(heartRate(lagS, 1), pacer, 4, measuredAt(lagS), volumeAt);
      expect(phases[6]).toBeCloseTo(36, 0);
    }
    const leading = breathPhases(heartRate(0.5, -2), pacer, 4, measuredAt(0.5), volumeAt);
    expect(leading[6]).toBeCloseTo(-72, 0);
  });

  it('reads against the person’s breath, not the pacer’s: the measured lag is taken out', () => {
    // The same heart rate, 1.2 s behind the pacer's volume: in phase with a person 1.2 s late, 43° behind one on time.
    const hr = heartRate(1.2, 0);
    expect(breathPhases(hr, pacer, 4, measuredAt(1.2), volumeAt)[6]).toBeCloseTo(0, 0);
    expect(breathPhases(hr, pacer, 4, measuredAt(1.2, 0), volumeAt)[6]).toBeCloseTo(43.2, 0);
  });

  it('is null without a measured lag, and where the window has no heart rate', () => {
    expect(breathPhases(heartRate(0, 1), pacer, 4, measuredAt(0, null), volumeAt)[6]).toBeNull();
    expect(breathPhases(heartRate(0, 1), pacer, 4, [], volumeAt)[6]).toBeNull();
    const early = { timeS: [0.5, 1, 1.5], hrBpm: [60, 61, 62] };
    expect(breathPhases(early, pacer, 4, measuredAt(0), volumeAt)[6]).toBeNull();
  });

  it('rides on the per-breath swings when the pacer’s volume is given, and not otherwise', () => {
    const hr = heartRate(0.6, 1);
    const withPhase = measuredBreathSwings(hr, pacer, 4, measuredAt(0.6), false, volumeAt);
    expect(withPhase[6]?.breathPhaseDeg).toBeCloseTo(36, 0);
    expect(withPhase[6]?.swingBpm).toBeCloseTo(10, 0);
    expect(measuredBreathSwings(hr, pacer, 4, measuredAt(0.6), false)[6]?.breathPhaseDeg).toBeUndefined();
  });
});
