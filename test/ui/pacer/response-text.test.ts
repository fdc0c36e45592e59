import { describe, expect, it } from 'vitest';
import type { BreathingResponse } from '../../../src/core/hrv/biofeedback';
import { notEnough, ok } from '../../../src/core/hrv/measure';
import { responseText } from '../../../src/ui/pacer/response-text';

const response = (phaseDeg: number, locked: number): BreathingResponse => ({
  amplitudeBpm: ok(12.34),
  phaseDeg: ok(phaseDeg),
  lfPowerMs2: ok(1000),
  lfPeakMs2PerHz: ok(20000),
  breathLockedShare: ok(locked),
  artifactShare: 0,
});

describe('responseText', () => {
  it('is highest when heart rate follows the breath in step', () => {
    expect(responseText(response(0, 0.9))).toEqual({
      level: 0.9,
      text: 'Heart-rate swing 12.3 bpm, in step with your breath (0°); 90 % of its variation follows the breathing.',
    });
    expect(responseText(response(45, 0.9)).level).toBeCloseTo(0.45, 12);
    expect(responseText(response(-120, 0.9)).level).toBe(0);
    expect(responseText(response(-30, 0.5)).text).toMatch(/behind your breath \(-30°\)/);
    expect(responseText(response(30, 0.5)).text).toMatch(/ahead of your breath/);
  });

  it('says it is measuring when there is no response yet', () => {
    expect(responseText(null).level).toBeNull();
    const early = { ...response(0, 1), phaseDeg: notEnough(5, 20, 's') };
    expect(responseText(early).text).toMatch(/^Measuring/);
  });
});
