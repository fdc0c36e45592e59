import { describe, expect, it } from 'vitest';
import { heartRateResponse, NO_RESPONSE } from '../../../src/core/hr-only/resonance';
import { watchTrace } from '../../../src/core/hr-only/watch';
import { Random } from '../../../src/core/random';

const periodS = 10;
const breaths = Array.from({ length: 12 }, (_, i) => ({ startS: i * periodS, endS: (i + 1) * periodS }));

/** Heart rate swinging `swingBpm` with a 10 s breath, plus noise of sd `noiseBpm`. */
function heart(swingBpm: number, noiseBpm: number, seed = 3): (t: number) => number {
  const random = new Random(seed);
  const memo = new Map<number, number>();
  return (t) => {
    const key = Math.round(t * 1000);
    if (!memo.has(key)) memo.set(key, noiseBpm * random.normal());
    return 66 - (swingBpm / 2) * Math.cos((2 * Math.PI * t) / periodS) + (memo.get(key) ?? 0);
  };
}

const respond = (trace: ReturnType<typeof watchTrace>, smoothingS = 1) =>
  heartRateResponse(trace, breaths, 30, 120, 6, { windowS: smoothingS });

describe('heartRateResponse', () => {
  it('a heart following the breath gives a high share; noise alone a low one', () => {
    const watch = { smoothingS: 1, jitterS: 0.3, dropShare: 0.1, durationS: 120 };
    const following = respond(watchTrace(heart(14, 1), watch));
    const noise = respond(watchTrace(heart(0, 4), watch));
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

  it('through a 5 s average the swing is corrected and the share stays high', () => {
    const smoothed = watchTrace(heart(14, 1), {
      smoothingS: 5,
      jitterS: 0.3,
      dropShare: 0.1,
      durationS: 120,
    });
    const r = respond(smoothed, 5);
    expect(Math.abs((r.swingBpm ?? 0) - 14)).toBeLessThan(1.5);
    expect(r.breathLockedShare).toBeGreaterThan(0.85);
  });

  it('says nothing (null, not zero) for a window too short, with under two breaths or too few samples', () => {
    const trace = watchTrace(heart(14, 1), { smoothingS: 1, jitterS: 0, dropShare: 0, durationS: 120 });
    expect(heartRateResponse(trace, breaths, 100, 115, 6)).toEqual(NO_RESPONSE);
    expect(heartRateResponse(trace, breaths.slice(0, 1), 0, 60, 6)).toEqual(NO_RESPONSE);
    const sparse = {
      timeS: trace.timeS.filter((_, i) => i % 3 === 0),
      hrBpm: trace.hrBpm.filter((_, i) => i % 3 === 0),
    };
    expect(heartRateResponse(sparse, breaths, 30, 120, 6)).toEqual(NO_RESPONSE);
  });
});
