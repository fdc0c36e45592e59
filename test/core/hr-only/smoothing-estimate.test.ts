import { describe, expect, it } from 'vitest';
import { estimateSmoothing, onSecondGrid } from '../../../src/core/hr-only/smoothing-estimate';
import { watchTrace } from '../../../src/core/hr-only/watch';
import { Random } from '../../../src/core/random';

/** Heart rate 65 bpm swinging 12 bpm at 5.6/min, with white beat-to-beat noise of sd `noiseBpm` (seeded). */
function heart(noiseBpm: number, seed = 3): (t: number) => number {
  const random = new Random(seed);
  const noise = new Map<number, number>();
  return (t) => {
    const key = Math.round(t * 1000);
    if (!noise.has(key)) noise.set(key, noiseBpm * random.normal());
    return 65 + 6 * Math.sin((2 * Math.PI * t) / 10.7) + (noise.get(key) ?? 0);
  };
}

describe('onSecondGrid', () => {
  it('puts late samples in their own second and leaves a lost one empty', () => {
    const trace = { timeS: [10.25, 11.3, 13.2, 14.28], hrBpm: [60, 61, 63, 64] };
    expect(onSecondGrid(trace)).toEqual([60, 61, null, 63, 64]);
  });
});

describe('estimateSmoothing', () => {
  for (const smoothingS of [1, 2, 3, 4, 5, 6])
    it(`reads a ${smoothingS} s average from 15 minutes of a noisy heart sent with jitter and 5 % lost`, () => {
      for (const seed of [1, 2, 3]) {
        const trace = watchTrace(heart(1.5, seed), {
          durationS: 900,
          smoothingS,
          jitterS: 0.5,
          dropShare: 0.05,
          seed,
        });
        expect(estimateSmoothing(trace)).toEqual({ windowS: smoothingS });
      }
    });

  it('reads the 10 minutes of a stepped assessment with a 5 s average', () => {
    const trace = watchTrace(heart(1.5), { durationS: 600, smoothingS: 5, jitterS: 0.3, dropShare: 0.02 });
    expect(estimateSmoothing(trace)).toEqual({ windowS: 5 });
  });

  it('has no estimate from too short a series, or from one that does not vary', () => {
    const short = watchTrace(heart(1.5), { durationS: 120, smoothingS: 5, jitterS: 0, dropShare: 0 });
    expect(estimateSmoothing(short)).toBeNull();
    const flat = watchTrace(() => 65, { durationS: 900, smoothingS: 1, jitterS: 0, dropShare: 0 });
    expect(estimateSmoothing(flat)).toBeNull();
    expect(estimateSmoothing({ timeS: [], hrBpm: [] })).toBeNull();
  });
});
