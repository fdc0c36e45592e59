import { describe, expect, it } from 'vitest';
import { summariseBeats, durationOfBeats } from '../../../src/core/session/summary';
import { NORMAL_BEAT, type BeatRecord } from '../../../src/core/session/record';

function beats(rrMs: number[], extra: (i: number) => Partial<BeatRecord> = () => ({})): BeatRecord[] {
  let t = 0;
  return rrMs.map((rr, i) => {
    t += rr;
    return {
      rrMs: rr,
      timeMs: t,
      afterGap: false,
      artifact: NORMAL_BEAT,
      pacerRateBpm: 6,
      pacerPhase: 0,
      ...extra(i),
    };
  });
}

describe('summariseBeats', () => {
  it('alternating 800/1000 ms gives RMSSD 200 and mean HR 60000/900', () => {
    const rr = Array.from({ length: 41 }, (_, i) => (i % 2 === 0 ? 800 : 1000));
    const s = summariseBeats(beats(rr));
    expect(s.rmssdMs).toBeCloseTo(200, 9);
    // Mean of the instantaneous heart rates 60000 / NN, as the engine defines it.
    expect(s.meanHeartRateBpm).toBeCloseTo((21 * (60_000 / 800) + 20 * (60_000 / 1000)) / 41, 9);
    expect(s.breathingRateBpm).toBe(6);
    expect(s.beatCount).toBe(41);
  });

  it('takes no difference across a gap or next to an artifact', () => {
    const rr = Array.from({ length: 30 }, () => 900);
    // A jump at 10 marked as a gap, an artifact at 20: neither may add a difference.
    rr[10] = 1500;
    rr[20] = 400;
    const s = summariseBeats(
      beats(rr, (i) => ({ afterGap: i === 10 || i === 11, artifact: i === 20 ? 'ectopic' : NORMAL_BEAT })),
    );
    // Beats 10 and 11 follow gaps and 20 is an artifact: the only differences left are 900 - 900.
    expect(s.artifactCount).toBe(1);
    expect(s.rmssdMs).toBe(0);
  });

  it('gives null, not NaN, when there are too few beats', () => {
    const s = summariseBeats(beats([900, 900]));
    expect(s.rmssdMs).toBeNull();
    expect(s.meanHeartRateBpm).toBeNull();
    expect(summariseBeats([]).breathingRateBpm).toBeNull();
    expect(durationOfBeats([])).toBe(0);
  });
});
