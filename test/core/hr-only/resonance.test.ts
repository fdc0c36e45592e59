import { describe, expect, it } from 'vitest';
import { heartRateResponse, NO_RESPONSE } from '../../../src/core/hr-only/resonance';
import { watchTrace } from '../../../src/core/hr-only/watch';
import { Random } from '../../../src/core/random';

const periodS = 10;
const breaths = Array.from({ length: 12 }, (_, i) => ({ startS: i * periodS, endS: (i + 1) * periodS }));
/** Lung volume: 0 at the start of each breath, 1 at its middle. */
const volumeAt = (t: number) => 0.5 - 0.5 * Math.cos((2 * Math.PI * t) / periodS);

/** Heart rate peaking `leadS` seconds before full lungs, swinging `swingBpm`, plus noise of sd `noiseBpm`. */
function heart(swingBpm: number, noiseBpm: number, leadS = 0, seed = 3): (t: number) => number {
  const random = new Random(seed);
  const memo = new Map<number, number>();
  return (t) => {
    const key = Math.round(t * 1000);
    if (!memo.has(key)) memo.set(key, noiseBpm * random.normal());
    return 66 + (swingBpm / 2) * (2 * volumeAt(t + leadS) - 1) + (memo.get(key) ?? 0);
  };
}

const respond = (trace: ReturnType<typeof watchTrace>, smoothingS = 1) =>
  heartRateResponse(trace, breaths, volumeAt, 30, 120, 1 / periodS, { windowS: smoothingS });

describe('heartRateResponse', () => {
  it('a heart following the breath gives a high share; noise alone a low one', () => {
    const following = respond(
      watchTrace(heart(14, 1), { smoothingS: 1, jitterS: 0.3, dropShare: 0.1, durationS: 120 }),
    );
    const noise = respond(
      watchTrace(heart(0, 4), { smoothingS: 1, jitterS: 0.3, dropShare: 0.1, durationS: 120 }),
    );
    expect(following.breathLockedShare).toBeGreaterThan(0.85);
    expect(noise.breathLockedShare).toBeLessThan(0.2);
    expect(following.breaths).toBe(9);
    expect(Math.abs((following.swingBpm ?? 0) - 14)).toBeLessThan(1);
  });

  it('the share rises as the swing grows against the same noise (relation)', () => {
    const shares = [2, 5, 10, 20].map(
      (swing) =>
        respond(watchTrace(heart(swing, 2), { smoothingS: 1, jitterS: 0.3, dropShare: 0, durationS: 120 }))
          .breathLockedShare ?? 0,
    );
    for (let i = 1; i < shares.length; i += 1) expect(shares[i]).toBeGreaterThan(shares[i - 1] as number);
  });

  it('reads the phase of heart rate against breathing, and corrects a known trailing average for its delay', () => {
    // Heart rate leads full lungs by 1 s = 36° at 6/min.
    const raw = respond(
      watchTrace(heart(14, 0.3, 1), { smoothingS: 1, jitterS: 0, dropShare: 0, durationS: 120 }),
    );
    expect(Math.abs((raw.phaseDeg ?? 99) - 36)).toBeLessThan(6);
    // The same heart through a 5 s average arrives 2 s later (72°): uncorrected it reads as lagging, corrected it leads.
    const smoothed = watchTrace(heart(14, 0.3, 1), {
      smoothingS: 5,
      jitterS: 0,
      dropShare: 0,
      durationS: 120,
    });
    expect(Math.abs((respond(smoothed).phaseDeg ?? 99) - (36 - 72))).toBeLessThan(6);
    expect(Math.abs((respond(smoothed, 5).phaseDeg ?? 99) - 36)).toBeLessThan(6);
  });

  it('says nothing (null, not zero) for a window too short, with under two breaths or too few samples', () => {
    const trace = watchTrace(heart(14, 1), { smoothingS: 1, jitterS: 0, dropShare: 0, durationS: 120 });
    expect(heartRateResponse(trace, breaths, volumeAt, 100, 115, 0.1)).toEqual(NO_RESPONSE);
    expect(heartRateResponse(trace, breaths.slice(0, 1), volumeAt, 0, 60, 0.1)).toEqual(NO_RESPONSE);
    const sparse = {
      timeS: trace.timeS.filter((_, i) => i % 3 === 0),
      hrBpm: trace.hrBpm.filter((_, i) => i % 3 === 0),
    };
    expect(heartRateResponse(sparse, breaths, volumeAt, 30, 120, 0.1)).toEqual(NO_RESPONSE);
  });
});
