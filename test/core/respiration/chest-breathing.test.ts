import { describe, expect, it } from 'vitest';
import { patternFromRate } from '../../../src/core/pacer/pattern';
import { PacerSchedule } from '../../../src/core/pacer/schedule';
import { Random } from '../../../src/core/random';
import { ChestMotion, type ChestMotionConfig } from '../../../src/core/respiration/chest-motion';
import { ChestBreathingTracker, type ChestBreathing } from '../../../src/core/respiration/chest-breathing';

const FS = 25;

interface Scenario {
  readonly pacerBpm: number;
  /** The person's breath: the pacer's volume `lagS` later, at `rateFactor` times its rate. */
  readonly lagS: number;
  readonly rateFactor?: number;
  readonly seconds: number;
  readonly chest?: Partial<ChestMotionConfig>;
  /** Extra acceleration (movement) at a time, mG. */
  readonly movement?: (t: number) => [number, number, number];
  readonly holes?: readonly [number, number][];
}

function run(s: Scenario): { result: ChestBreathing; pacer: PacerSchedule } {
  const pacer = new PacerSchedule(patternFromRate(s.pacerBpm, 0.4));
  const chest = new ChestMotion(s.chest);
  const tracker = new ChestBreathingTracker();
  const factor = s.rateFactor ?? 1;
  const timeS: number[] = [];
  const xyz: number[] = [];
  for (let k = 0; k < s.seconds * FS; k += 1) {
    const t = k / FS;
    if (s.holes?.some(([a, b]) => t >= a && t < b)) continue;
    const volume = pacer.at(Math.max(0, t * factor - s.lagS)).volume;
    timeS.push(t);
    xyz.push(...chest.sample(t, volume, s.movement?.(t)));
  }
  // Pushed in frames of 36 samples, as a strap would send them.
  for (let i = 0; i < timeS.length; i += 36) {
    tracker.push({ timeS: timeS.slice(i, i + 36), xyzMg: xyz.slice(3 * i, 3 * (i + 36)) });
  }
  const result = tracker.analyse({ volumeAt: (t) => pacer.at(t).volume, periodS: 60 / s.pacerBpm });
  return { result, pacer };
}

const ok = (r: ChestBreathing) => {
  if (r.status !== 'ok') throw new Error(`cannot measure: ${r.reason}`);
  return r;
};

describe('ChestBreathingTracker', () => {
  it.each([
    [6, 0, 1],
    [6, 1.2, 2],
    [6, -0.8, 3],
    [5, 2, 4],
    [7, 0.5, 5],
    [4.5, 1.5, 6],
  ])(
    'reads a breath at the pacer rate %s/min lagging %s s (seed %i): rate within 0.5/min, lag within 0.3 s',
    (bpm, lag, seed) => {
      const random = new Random(seed);
      const chest = { seed, restPolarDeg: 20 + 120 * random.next(), restAzimuthDeg: 360 * random.next() };
      const r = ok(run({ pacerBpm: bpm, lagS: lag, seconds: 90, chest }).result);
      expect(Math.abs(r.rateBpm - bpm)).toBeLessThan(0.5);
      expect(Math.abs(r.lagS! - lag)).toBeLessThan(0.3);
      expect(Math.abs(r.phaseDeg! - (360 * lag * bpm) / 60)).toBeLessThan((0.3 * 360 * bpm) / 60);
      expect(r.pacerCorrelation).toBeGreaterThan(0.9);
    },
  );

  it('times each breath: inhale onsets at the pacer breath starts plus the lag, inhale within 0.5 s, exhale after 40 % of the breath within 0.75 s (the flat top of a breath times less sharply)', () => {
    const { result, pacer } = run({ pacerBpm: 6, lagS: 1, seconds: 90 });
    const r = ok(result);
    expect(r.breaths.length).toBeGreaterThanOrEqual(4);
    for (const breath of r.breaths) {
      const start = pacer.at(breath.inhaleS - 1 + 0.5).breathStartS + 1;
      expect(Math.abs(breath.inhaleS - start)).toBeLessThan(0.5);
      expect(Math.abs(breath.exhaleS - breath.inhaleS - 4)).toBeLessThan(0.75);
      expect(Math.abs(breath.endS - breath.inhaleS - 10)).toBeLessThan(0.5);
    }
  });

  it('reads a person breathing much faster than the pacer at their own rate', () => {
    const r = ok(run({ pacerBpm: 6, lagS: 0, rateFactor: 2, seconds: 90 }).result);
    expect(Math.abs(r.rateBpm - 12)).toBeLessThan(0.5);
  });

  it('rejects a window with the person moving (2 Hz, 150 mG, for a third of it)', () => {
    const movement = (t: number): [number, number, number] =>
      t > 50 && t < 75
        ? [150 * Math.sin(2 * Math.PI * 2 * t), 80 * Math.sin(2 * Math.PI * 1.7 * t), 0]
        : [0, 0, 0];
    expect(run({ pacerBpm: 6, lagS: 0, seconds: 90, movement }).result).toEqual({
      status: 'cannot-measure',
      reason: 'movement',
    });
  });

  it('still measures through one brief jolt', () => {
    const movement = (t: number): [number, number, number] => (t > 70 && t < 71 ? [300, 0, 0] : [0, 0, 0]);
    expect(run({ pacerBpm: 6, lagS: 0, seconds: 90, movement }).result.status).toBe('ok');
  });

  it('says when there is a hole in the samples, too little signal, or no breathing', () => {
    expect(run({ pacerBpm: 6, lagS: 0, seconds: 90, holes: [[60, 63]] }).result).toEqual({
      status: 'cannot-measure',
      reason: 'gap',
    });
    expect(run({ pacerBpm: 6, lagS: 0, seconds: 20 }).result).toEqual({
      status: 'cannot-measure',
      reason: 'too-short',
    });
    const still = run({ pacerBpm: 6, lagS: 0, seconds: 90, chest: { tiltDeg: 0 } }).result;
    expect(still).toEqual({ status: 'cannot-measure', reason: 'no-breathing' });
    expect(new ChestBreathingTracker().analyse()).toEqual({ status: 'cannot-measure', reason: 'too-short' });
  });

  it('skips samples out of order or not finite', () => {
    const tracker = new ChestBreathingTracker();
    tracker.push({ timeS: [1, 0.5, 2, Number.NaN], xyzMg: [0, 0, 1000, 1, 1, 1, 0, 0, 1000, 0, 0, 0] });
    expect(tracker.analyse().status).toBe('cannot-measure');
  });
});
