import { describe, expect, it } from 'vitest';
import {
  SimulatedHeart,
  type SimulatedBeat,
  type SimulatedHeartConfig,
} from '../../../src/core/physiology/simulated-heart';

function breatheAt(rateBpm: number) {
  return (t: number) => 0.5 - 0.5 * Math.cos((2 * Math.PI * t * rateBpm) / 60);
}

function run(config: Partial<SimulatedHeartConfig>, rateBpm: number, seconds: number): SimulatedBeat[] {
  const heart = new SimulatedHeart(config);
  const beats: SimulatedBeat[] = [];
  while (heart.timeS < seconds) beats.push(heart.nextBeat(breatheAt(rateBpm)));
  return beats;
}

/** Amplitude (peak-to-trough) of the RR oscillation at the breathing frequency, by least squares on a sinusoid. */
function oscillationMs(beats: SimulatedBeat[], rateBpm: number): number {
  const mean = beats.reduce((s, b) => s + b.rrMs, 0) / beats.length;
  let sin = 0;
  let cos = 0;
  for (const b of beats) {
    const w = ((2 * Math.PI * rateBpm) / 60) * b.timeS;
    sin += (b.rrMs - mean) * Math.sin(w);
    cos += (b.rrMs - mean) * Math.cos(w);
  }
  return (4 * Math.hypot(sin, cos)) / beats.length;
}

describe('SimulatedHeart', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = run({ seed: 42 }, 6, 120).map((b) => b.rrMs);
    const b = run({ seed: 42 }, 6, 120).map((b) => b.rrMs);
    const c = run({ seed: 43 }, 6, 120).map((b) => b.rrMs);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it.each([4.5, 5.5, 6.5])(
    'oscillates clearly more at its resonance (%s/min) than 1.5 breaths/min away',
    (res) => {
      for (const seed of [1, 2, 3]) {
        const at = oscillationMs(run({ seed, resonanceBpm: res }, res, 300), res);
        const below = oscillationMs(run({ seed, resonanceBpm: res }, res - 1.5, 300), res - 1.5);
        const above = oscillationMs(run({ seed, resonanceBpm: res }, res + 1.5, 300), res + 1.5);
        expect(at).toBeGreaterThan(1.5 * below);
        expect(at).toBeGreaterThan(1.5 * above);
      }
    },
  );

  it('shifts the heart-rate phase relative to breathing across resonance', () => {
    const phaseDeg = (rate: number) => {
      const beats = run({ seed: 5, resonanceBpm: 5.5, mayerDrive: 0 }, rate, 300);
      const mean = beats.reduce((s, b) => s + b.heartRateBpm, 0) / beats.length;
      let sin = 0;
      let cos = 0;
      for (const b of beats) {
        const w = ((2 * Math.PI * rate) / 60) * b.timeS;
        // Breathing volume is 0.5 - 0.5 cos(w): its phase reference is -cos.
        sin += (b.heartRateBpm - mean) * Math.sin(w);
        cos -= (b.heartRateBpm - mean) * Math.cos(w);
      }
      return (Math.atan2(sin, cos) * 180) / Math.PI;
    };
    // Heart rate leads breathing below resonance, is near in phase at it, and lags above it.
    expect(phaseDeg(4)).toBeGreaterThan(25);
    expect(Math.abs(phaseDeg(5.5))).toBeLessThan(25);
    expect(phaseDeg(8)).toBeLessThan(-25);
  });

  it('matches the configured mean heart rate', () => {
    for (const meanHrBpm of [55, 70, 85]) {
      const beats = run({ seed: 9, meanHrBpm }, 6, 600);
      const meanRr = beats.reduce((s, b) => s + b.rrMs, 0) / beats.length;
      expect(60_000 / meanRr).toBeGreaterThan(meanHrBpm * 0.97);
      expect(60_000 / meanRr).toBeLessThan(meanHrBpm * 1.03);
    }
  });

  it('keeps beat times equal to the running sum of RR', () => {
    const beats = run({ seed: 3, ectopicRate: 0.05, missedRate: 0.02 }, 6, 120);
    let sumS = 0;
    for (const b of beats) {
      sumS += b.rrMs / 1000;
      expect(b.timeS).toBeCloseTo(sumS, 6);
    }
  });

  it('produces ectopic beats as a short interval followed by a compensatory pause, at the configured rate', () => {
    const beats = run({ seed: 11, ectopicRate: 0.02 }, 6, 1800);
    const ectopic = beats.filter((b) => b.kind === 'ectopic').length;
    expect(ectopic / beats.length).toBeGreaterThan(0.01);
    expect(ectopic / beats.length).toBeLessThan(0.03);
    beats.forEach((b, i) => {
      if (b.kind !== 'ectopic') return;
      const next = beats[i + 1];
      expect(next?.kind).toBe('compensatory');
      expect(b.rrMs).toBeLessThan(0.8 * (next?.rrMs ?? 0));
    });
  });

  it('merges two intervals for a missed beat', () => {
    const beats = run({ seed: 12, missedRate: 0.02 }, 6, 900);
    const normal = beats.filter((b) => b.kind === 'normal');
    const meanNormal = normal.reduce((s, b) => s + b.rrMs, 0) / normal.length;
    const missed = beats.filter((b) => b.kind === 'missed');
    expect(missed.length).toBeGreaterThan(5);
    for (const b of missed) expect(b.rrMs).toBeGreaterThan(1.6 * meanNormal);
  });

  it('runs much faster than real time', () => {
    const beats = run({ seed: 1 }, 6, 3600);
    expect(beats.length).toBeGreaterThan(3000);
  });
});
