import { describe, expect, it } from 'vitest';
import { breathAmplitudesBpm, cleanBeats } from '../../../src/core/hrv/biofeedback';
import { fastForward } from '../../../src/core/pacer/fast-forward';
import { patternFromRate } from '../../../src/core/pacer/pattern';
import { PacerSchedule } from '../../../src/core/pacer/schedule';
import {
  createModelPerson,
  MODELS,
  peakResponseBpm,
  responseShare,
  validationPanel,
} from '../../../src/core/physiology/models';

/** Median per-breath peak-to-trough heart rate of a noise-free person breathing steadily at `rateBpm`. */
function measuredSwing(person: ReturnType<typeof createModelPerson>, rateBpm: number): number {
  const schedule = new PacerSchedule(patternFromRate(rateBpm));
  const beats = fastForward(person, schedule, 600);
  const spans = schedule
    .breaths()
    .slice(6, -1)
    .map((b) => ({ startS: b.startS, endS: b.startS + 60 / rateBpm }));
  const amps = breathAmplitudesBpm(cleanBeats(beats), spans).filter((a): a is number => a !== null);
  amps.sort((a, b) => a - b);
  return amps[amps.length >> 1] ?? NaN;
}

describe('physiology models', () => {
  for (const model of MODELS) {
    it(`${model}: the swing peaks at the person's resonance and the model's gain is what a simulation shows`, () => {
      for (const resonanceBpm of [4.5, 5.5, 6.5]) {
        const spec = { model, seed: 3, resonanceBpm, options: { beatNoiseMs: 0 } };
        const person = createModelPerson(spec);
        expect(peakResponseBpm(person)).toBeCloseTo(resonanceBpm, 1);
        expect(responseShare(person, resonanceBpm + 1)).toBeLessThan(0.9);
        for (const rate of [resonanceBpm, resonanceBpm + 0.8]) {
          const swing = measuredSwing(createModelPerson(spec), rate);
          // Mayer waves and the beat sampling stay in the simulation: within 15 % of the model's gain.
          expect(Math.abs(swing / person.maximalResponseBpm(rate) - 1)).toBeLessThan(0.15);
        }
      }
    });
  }

  it("exposes the person's actual lung volume: late by the lag, with its own depth", () => {
    const person = createModelPerson({
      model: 'baroreflex-delay',
      seed: 5,
      resonanceBpm: 5.5,
      options: { lagS: 1, depthJitter: 0.3 },
    });
    const schedule = new PacerSchedule(patternFromRate(6));
    fastForward(person, schedule, 60);
    // The pacer's breath starts empty at 50 s; the person is still breathing out until about 51 s.
    expect(schedule.at(50).volume).toBeCloseTo(0, 6);
    expect(person.breathVolume(50.5)).toBeGreaterThan(0);
    expect(person.breathVolume(51)).toBeCloseTo(0, 2);
    // Depths differ from breath to breath: the fullest moments of two breaths.
    const peaks = [40, 50].map((t0) =>
      Math.max(...[0, 1, 2, 3, 4, 5, 6].map((k) => person.breathVolume(t0 + 1 + k * 0.5 + 2))),
    );
    expect(Math.abs((peaks[0] ?? 0) - (peaks[1] ?? 0))).toBeGreaterThan(0.001);
  });

  it('draws a panel spread over 4.5-6.5 with lag 0-1.2 s and 1-3 % ectopic beats', () => {
    const panel = validationPanel('resonator', 30);
    const rates = panel.map((p) => p.resonanceBpm).sort((a, b) => a - b);
    expect(rates[0]).toBeGreaterThanOrEqual(4.5);
    expect(rates.at(-1)).toBeLessThanOrEqual(6.5);
    expect(new Set(rates).size).toBe(30);
    expect(panel.every((p) => p.options.lagS >= 0 && p.options.lagS <= 1.2)).toBe(true);
    expect(panel.every((p) => p.options.ectopicRate >= 0.01 && p.options.ectopicRate <= 0.03)).toBe(true);
  });

  it('quantises RR to 1/1024 s', () => {
    const person = createModelPerson({
      model: 'resonator',
      seed: 2,
      resonanceBpm: 5,
      options: { quantiseRr: true },
    });
    for (let i = 0; i < 20; i += 1) {
      const { rrMs } = person.nextBeat(() => 0.5);
      expect(Math.abs((rrMs * 1024) / 1000 - Math.round((rrMs * 1024) / 1000))).toBeLessThan(1e-6);
    }
  });
});
