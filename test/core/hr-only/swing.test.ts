import { describe, expect, it } from 'vitest';
import {
  assessmentSwings,
  meanSwing,
  steeringSwings,
  traceSwings,
  type PacedBreath,
} from '../../../src/core/hr-only/swing';
import { smoothingGain } from '../../../src/core/hr-only/smoothing';
import { watchTrace } from '../../../src/core/hr-only/watch';
import { Random } from '../../../src/core/random';

/** Breaths of `periodS` from 0 to `durationS`. */
function breathsOf(periodS: number, durationS: number): PacedBreath[] {
  const out: PacedBreath[] = [];
  for (let s = 0; s + periodS <= durationS + 1e-9; s += periodS) out.push({ startS: s, endS: s + periodS });
  return out;
}

/** Heart rate 65 bpm swinging `swingBpm` peak to trough once a breath, with beat-to-beat noise of sd `noiseBpm`. */
function heart(swingBpm: number, periodS: number, seed = 7, noiseBpm = 0.7): (t: number) => number {
  const random = new Random(seed);
  const noise = new Map<number, number>();
  return (t) => {
    const key = Math.round(t * 1000);
    if (!noise.has(key)) noise.set(key, noiseBpm * random.normal());
    return 65 + (swingBpm / 2) * Math.sin((2 * Math.PI * t) / periodS - 0.8) + (noise.get(key) ?? 0);
  };
}

const clean = { smoothingS: 1, jitterS: 0, dropShare: 0 };

function judged(trace: ReturnType<typeof watchTrace>, breaths: PacedBreath[], smoothingS = 1): number[] {
  return traceSwings(trace, breaths, { windowS: smoothingS }).map((s) => {
    if (s.swingBpm === null) throw new Error(`breath at ${s.startS} s not judged`);
    return s.swingBpm;
  });
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('traceSwings', () => {
  it('reads a 16 bpm swing at 6 breaths/min from 1 Hz samples: each breath within 2.5 bpm, the mean within 0.6', () => {
    const swings = judged(watchTrace(heart(16, 10), { ...clean, durationS: 90 }), breathsOf(10, 90));
    expect(swings).toHaveLength(9);
    for (const s of swings) expect(Math.abs(s - 16)).toBeLessThan(2.5);
    expect(Math.abs(mean(swings) - 16)).toBeLessThan(0.6);
  });

  it('reads a pure sinusoid in whole bpm to within the rounding', () => {
    const trace = watchTrace((t) => 70 + 5 * Math.cos((2 * Math.PI * t) / 12), { ...clean, durationS: 36 });
    for (const s of judged(trace, breathsOf(12, 36).slice(1))) expect(Math.abs(s - 10)).toBeLessThan(0.6);
  });

  it('grows with the true swing (relation), from 4 to 20 bpm', () => {
    const means = [4, 8, 12, 20].map(
      (swing) =>
        meanSwing(traceSwings(watchTrace(heart(swing, 10), { ...clean, durationS: 120 }), breathsOf(10, 120)))
          .swingBpm ?? 0,
    );
    for (let i = 1; i < means.length; i += 1) expect(means[i]).toBeGreaterThan(means[i - 1] as number);
    expect(Math.abs((means[3] as number) - 20)).toBeLessThan(1);
  });

  for (const smoothingS of [3, 4, 5]) {
    it(`a ${smoothingS} s moving average shrinks the swing by the average's gain; correcting restores it`, () => {
      const trace = watchTrace(heart(16, 10), { ...clean, smoothingS, durationS: 120 });
      const breaths = breathsOf(10, 120).slice(1); // the first breath has no full average behind it
      const gain = smoothingGain(0.1, { windowS: smoothingS });
      expect(Math.abs(mean(judged(trace, breaths)) - 16 * gain)).toBeLessThan(1);
      expect(Math.abs(mean(judged(trace, breaths, smoothingS)) - 16)).toBeLessThan(1.2);
    });
  }

  it('keeps the swing with up to 0.6 s of jitter in arrival times and a 4 s average, at 4.5 and 7 breaths/min', () => {
    for (const rate of [4.5, 7]) {
      const periodS = 60 / rate;
      const trace = watchTrace(heart(12, periodS, 3), {
        smoothingS: 4,
        jitterS: 0.6,
        dropShare: 0,
        durationS: 180,
        seed: 5,
      });
      const swing = meanSwing(traceSwings(trace, breathsOf(periodS, 180).slice(1), { windowS: 4 })).swingBpm;
      expect(Math.abs((swing ?? 0) - 12)).toBeLessThan(1.5);
    }
  });

  it('keeps the swing with a fifth of the samples missing; a breath with a long hole is not judged', () => {
    const trace = watchTrace(heart(16, 10, 11), {
      smoothingS: 3,
      jitterS: 0.3,
      dropShare: 0.2,
      durationS: 300,
      seed: 9,
    });
    const swings = traceSwings(trace, breathsOf(10, 300).slice(1), { windowS: 3 });
    expect(swings.filter((s) => s.swingBpm !== null).length).toBeGreaterThan(swings.length * 0.6);
    expect(Math.abs((meanSwing(swings).swingBpm ?? 0) - 16)).toBeLessThan(1.5);

    // Remove 4 s out of one breath: the trough or the peak could hide there, so that breath is not judged.
    const keep = (t: number) => t < 52 || t >= 56;
    const holed = {
      timeS: trace.timeS.filter(keep),
      hrBpm: trace.hrBpm.filter((_, i) => keep(trace.timeS[i] as number)),
    };
    expect(traceSwings(holed, [{ startS: 50, endS: 60 }])[0]?.swingBpm).toBeNull();
  });

  it('one wild reading moves the average swing of a session no more than an ordinary breath does', () => {
    const trace = watchTrace(heart(10, 10, 4), { ...clean, durationS: 120 });
    const hrBpm = [...trace.hrBpm];
    hrBpm[55] = 120;
    const breaths = breathsOf(10, 120);
    const plain = meanSwing(traceSwings(trace, breaths)).swingBpm ?? 0;
    const wild = meanSwing(traceSwings({ timeS: trace.timeS, hrBpm }, breaths)).swingBpm ?? 0;
    expect(Math.abs(wild - plain)).toBeLessThan(1);
  });

  it('never uses impossible heart rates, and says nothing (null, not 0) for a breath without samples', () => {
    const trace = { timeS: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], hrBpm: [0, 0, 0, 400, 400, 0, 0, 0, 0, 0] };
    expect(traceSwings(trace, [{ startS: 0, endS: 10 }])[0]?.swingBpm).toBeNull();
    expect(meanSwing(traceSwings(trace, [{ startS: 0, endS: 10 }]))).toEqual({ swingBpm: null, breaths: 0 });
  });
});

describe('assessmentSwings', () => {
  /**
   * The mean swing an assessment reads at `rateBpm` from 10 minutes of a watch averaging `smoothingS` of a 12 bpm
   * swing with beat-to-beat noise of sd 1.5 bpm (what the series' averaging is read from).
   */
  function read(rateBpm: number, smoothingS: number, asSent = false): number {
    const periodS = 60 / rateBpm;
    const trace = watchTrace(heart(12, periodS, 3, 1.5), { ...clean, smoothingS, durationS: 600 });
    const breaths = breathsOf(periodS, 600).slice(1);
    return meanSwing(asSent ? traceSwings(trace, breaths) : assessmentSwings(trace, breaths)).swingBpm ?? NaN;
  }

  it('reads a 5 s average from the series and takes away its tilt toward slow rates', () => {
    // As sent, 6.5/min reads about 25 % below 4.5/min for the same 12 bpm swing (gains 0.59 and 0.79).
    expect(read(6.5, 5, true) / read(4.5, 5, true)).toBeLessThan(0.8);
    expect(read(6.5, 5) / read(4.5, 5)).toBeGreaterThan(0.95);
    expect(read(6.5, 5) / read(4.5, 5)).toBeLessThan(1.05);
    for (const rate of [4.5, 6.5]) expect(Math.abs(read(rate, 5) - 12)).toBeLessThan(1);
  });

  it('divides out at most a 5 s average: an 8 s one keeps the rest of its tilt', () => {
    const keptTilt =
      smoothingGain(6.5 / 60, { windowS: 8 }) /
      smoothingGain(4.5 / 60, { windowS: 8 }) /
      (smoothingGain(6.5 / 60, { windowS: 5 }) / smoothingGain(4.5 / 60, { windowS: 5 }));
    expect(read(6.5, 8) / read(4.5, 8)).toBeGreaterThan(keptTilt * 0.85);
    expect(read(6.5, 8) / read(4.5, 8)).toBeLessThan(keptTilt * 1.15);
  });

  it('reads a watch that does not average as sent', () => {
    for (const rate of [4.5, 6.5]) expect(read(rate, 1)).toBeCloseTo(read(rate, 1, true), 6);
  });
});

describe('steeringSwings', () => {
  /** The mean swing the adaptive controller reads at `rateBpm` from `durationS` of a watch averaging `smoothingS`. */
  function steered(rateBpm: number, smoothingS: number, durationS = 600): number {
    const periodS = 60 / rateBpm;
    const trace = watchTrace(heart(12, periodS, 3, 1.5), { ...clean, smoothingS, durationS });
    return meanSwing(steeringSwings(trace, breathsOf(periodS, durationS).slice(1), 4)).swingBpm ?? NaN;
  }

  it("takes a 5 s watch's tilt toward slow rates away, keeping the level it sends at 6/min", () => {
    expect(steered(6.5, 5) / steered(4.5, 5)).toBeGreaterThan(0.95);
    expect(steered(6.5, 5) / steered(4.5, 5)).toBeLessThan(1.05);
    // As sent at 6/min: 12 bpm × the 5 s average's gain there (0.65).
    expect(steered(6, 5)).toBeCloseTo(12 * smoothingGain(0.1, { windowS: 5 }), 0);
  });

  it('divides out at most a 5 s average: an 8 s one, whose gain falls to 15 % at 6.5/min, keeps the rest of its tilt', () => {
    const ratio = steered(6.5, 8) / steered(4.5, 8);
    const keptTilt =
      smoothingGain(6.5 / 60, { windowS: 8 }) /
      smoothingGain(4.5 / 60, { windowS: 8 }) /
      (smoothingGain(6.5 / 60, { windowS: 5 }) / smoothingGain(4.5 / 60, { windowS: 5 }));
    expect(ratio).toBeGreaterThan(keptTilt * 0.85);
    expect(ratio).toBeLessThan(keptTilt * 1.15);
  });

  it('before the averaging can be read (2 minutes), levels for the assumed 3 s average: 6/min as sent', () => {
    const periodS = 10;
    const trace = watchTrace(heart(12, periodS, 3, 1.5), { ...clean, smoothingS: 5, durationS: 120 });
    const breaths = breathsOf(periodS, 120).slice(1);
    const asSent = traceSwings(trace, breaths, { windowS: 1 }, 4);
    steeringSwings(trace, breaths, 4).forEach((s, i) =>
      expect(s.swingBpm).toBeCloseTo(asSent[i]?.swingBpm ?? NaN, 6),
    );
  });
});
