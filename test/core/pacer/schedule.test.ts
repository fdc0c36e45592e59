import { describe, expect, it } from 'vitest';
import { breathRateBpm, patternFromRate, positionInBreath } from '../../../src/core/pacer/pattern';
import { PacerSchedule } from '../../../src/core/pacer/schedule';

describe('breath pattern', () => {
  it('splits a breath by the inhale share', () => {
    const p = patternFromRate(6, 0.4);
    expect(p.inhaleS).toBeCloseTo(4);
    expect(p.exhaleS).toBeCloseTo(6);
    expect(breathRateBpm(p)).toBeCloseTo(6);
  });

  it('fills during the inhale and empties during the exhale', () => {
    const p = patternFromRate(6, 0.5);
    expect(positionInBreath(p, 0)).toMatchObject({ phase: 'inhale', volume: 0 });
    expect(positionInBreath(p, 5 - 1e-9).volume).toBeCloseTo(1);
    expect(positionInBreath(p, 7.5)).toMatchObject({ phase: 'exhale' });
    expect(positionInBreath(p, 7.5).volume).toBeCloseTo(0.5);
  });
});

describe('PacerSchedule', () => {
  it('applies a new rate only at the next breath boundary, keeping the volume continuous', () => {
    const schedule = new PacerSchedule(patternFromRate(6, 0.5));
    let last = schedule.at(0).volume;
    let changedAt = -1;
    for (let frame = 1; frame < 60 * 40; frame += 1) {
      const t = frame / 60;
      if (frame === 60 * 3) schedule.setPattern(patternFromRate(4.5, 0.4));
      const state = schedule.at(t);
      expect(Math.abs(state.volume - last)).toBeLessThan(0.03);
      if (changedAt < 0 && state.rateBpm !== 6) changedAt = t;
      last = state.volume;
    }
    expect(changedAt).toBeCloseTo(10, 1);
  });

  it('answers for moments in the previous breath too', () => {
    const schedule = new PacerSchedule(patternFromRate(6, 0.5));
    schedule.at(10.5);
    expect(schedule.at(9.9)).toMatchObject({ phase: 'exhale', breathIndex: 0 });
  });
});
