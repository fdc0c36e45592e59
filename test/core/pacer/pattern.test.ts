import { describe, expect, it } from 'vitest';
import {
  breathRateBpm,
  inhaleShare,
  patternFromRate,
  PatternError,
  positionInBreath,
  validatePattern,
  withRate,
} from '../../../src/core/pacer/pattern';
import { PACER_PRESETS, presetPattern } from '../../../src/core/pacer/presets';

describe('breath patterns', () => {
  it('builds a pattern from a rate and an inhale share', () => {
    expect(patternFromRate(6, 0.4)).toEqual({ inhaleS: 4, holdInS: 0, exhaleS: 6, holdOutS: 0 });
    expect(patternFromRate(5)).toEqual({ inhaleS: 6, holdInS: 0, exhaleS: 6, holdOutS: 0 });
    expect(inhaleShare(patternFromRate(6, 0.95))).toBeCloseTo(0.8, 12);
  });

  it('changes rate keeping the shape', () => {
    const box = { inhaleS: 4, holdInS: 4, exhaleS: 4, holdOutS: 4 };
    const faster = withRate(box, 5);
    expect(breathRateBpm(faster)).toBeCloseTo(5, 12);
    expect(faster.inhaleS).toBeCloseTo(3, 12);
    expect(faster.holdOutS).toBeCloseTo(3, 12);
    expect(inhaleShare(withRate(patternFromRate(6, 0.4), 4.5))).toBeCloseTo(0.4, 12);
  });

  it('rejects patterns it cannot show, with a typed error that says why', () => {
    expect(() => validatePattern({ inhaleS: 0.5, holdInS: 0, exhaleS: 5, holdOutS: 0 })).toThrow(
      PatternError,
    );
    expect(() => validatePattern({ inhaleS: 40, holdInS: 0, exhaleS: 40, holdOutS: 0 })).toThrow(
      /outside 3-10/,
    );
    expect(() => validatePattern({ inhaleS: Number.NaN, holdInS: 0, exhaleS: 5, holdOutS: 0 })).toThrow(
      /inhaleS/,
    );
    expect(() => validatePattern({ inhaleS: 4, holdInS: -1, exhaleS: 5, holdOutS: 0 })).toThrow(/holdInS/);
    expect(() => patternFromRate(0)).toThrow(PatternError);
    expect(validatePattern(patternFromRate(6))).toEqual(patternFromRate(6));
  });

  it('shows a continuous volume: empty at the breath edges, full at the top of a hold', () => {
    const box = { inhaleS: 4, holdInS: 4, exhaleS: 4, holdOutS: 4 };
    expect(positionInBreath(box, 0).volume).toBe(0);
    expect(positionInBreath(box, 2).volume).toBeCloseTo(0.5, 12);
    expect(positionInBreath(box, 3.999999).volume).toBeCloseTo(1, 9);
    expect(positionInBreath(box, 6)).toMatchObject({ phase: 'hold-in', volume: 1, phaseProgress: 0.5 });
    expect(positionInBreath(box, 12.000001).volume).toBeCloseTo(0, 9);
    expect(positionInBreath(box, 14)).toMatchObject({ phase: 'hold-out', volume: 0 });
  });
});

describe('presets', () => {
  it('offers resonance equal and 40:60 at 6/min, extended exhale, box and custom', () => {
    expect(PACER_PRESETS.map((p) => p.id)).toEqual([
      'resonance-equal',
      'resonance-40-60',
      'extended-exhale',
      'box',
    ]);
    expect(breathRateBpm(presetPattern('resonance-equal'))).toBeCloseTo(6, 12);
    expect(inhaleShare(presetPattern('resonance-40-60'))).toBeCloseTo(0.4, 12);
    const ext = presetPattern('extended-exhale');
    expect(ext.exhaleS).toBe(2 * ext.inhaleS);
    expect(presetPattern('box')).toEqual({ inhaleS: 4, holdInS: 4, exhaleS: 4, holdOutS: 4 });
    for (const p of PACER_PRESETS) expect(validatePattern(p.pattern)).toBe(p.pattern);
  });

  it('checks a custom pattern', () => {
    const custom = { inhaleS: 5, holdInS: 1, exhaleS: 6, holdOutS: 0 };
    expect(presetPattern('custom', custom)).toBe(custom);
    expect(() => presetPattern('custom', { inhaleS: 1, holdInS: 0, exhaleS: 1, holdOutS: 0 })).toThrow(
      PatternError,
    );
  });
});
