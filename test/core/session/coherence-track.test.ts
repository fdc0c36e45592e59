import { describe, expect, it } from 'vitest';
import { coherenceTrack, meanCoherence } from '../../../src/core/session/coherence-track';
import { NORMAL_BEAT, type BeatRecord } from '../../../src/core/session/record';
import { Random } from '../../../src/core/random';

/** Beats for `durationS` whose RR follows `rrAt(timeS)`. */
function beats(
  durationS: number,
  rrAt: (timeS: number) => number,
  label: (i: number) => string = () => NORMAL_BEAT,
): BeatRecord[] {
  const out: BeatRecord[] = [];
  let t = 0;
  while (t < durationS * 1000) {
    const rrMs = rrAt(t / 1000);
    t += rrMs;
    out.push({
      rrMs,
      timeMs: t,
      afterGap: false,
      artifact: label(out.length),
      pacerRateBpm: 6,
      pacerPhase: 0,
    });
  }
  return out;
}

describe('coherence along a session', () => {
  it('is high for RR swinging at 6 breaths per minute and low for noise', () => {
    const random = new Random(7);
    const wave = meanCoherence(beats(180, (t) => 900 + 80 * Math.sin(2 * Math.PI * 0.1 * t)));
    const noise = meanCoherence(beats(180, () => 900 + 40 * random.normal()));
    expect(wave).not.toBeNull();
    expect(noise).not.toBeNull();
    expect(wave!).toBeGreaterThan(3);
    expect(wave!).toBeGreaterThan(4 * noise!);
  });

  it('has a point every 5 s once 64 s of beats exist, and none before', () => {
    const track = coherenceTrack(beats(120, (t) => 1000 + 50 * Math.sin(2 * Math.PI * 0.1 * t)));
    const times = track.map((p) => p.timeS);
    expect(times.length).toBeGreaterThan(5);
    expect(times[0]).toBeGreaterThanOrEqual(65);
    for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBeCloseTo(5, 9);
    expect(meanCoherence(beats(50, () => 1000))).toBeNull();
  });
});
