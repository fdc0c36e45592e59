import { describe, expect, it } from 'vitest';
import type { BreathingResponse } from '../../../src/core/hrv/biofeedback';
import { notEnough, ok } from '../../../src/core/hrv/measure';
import { responseText } from '../../../src/ui/pacer/response-text';

const response = (phaseDeg: number, locked: number, swing = 12.34): BreathingResponse => ({
  amplitudeBpm: ok(swing),
  phaseDeg: ok(phaseDeg),
  lfPowerMs2: ok(1000),
  lfPeakMs2PerHz: ok(20000),
  breathLockedShare: ok(locked),
  artifactShare: 0,
});

describe('responseText', () => {
  it('is highest when heart rate follows the breath in step, and says so in plain words', () => {
    expect(responseText(response(0, 0.9))).toEqual({
      level: 0.9,
      text: 'Your heart rate rises with each breath in and falls with each breath out, by about 12 beats a minute. Most of its rhythm follows your breathing.',
    });
    expect(responseText(response(45, 0.9)).level).toBeCloseTo(0.45, 12);
    expect(responseText(response(-120, 0.9)).level).toBe(0);
    expect(responseText(response(-30, 0.5)).text).toMatch(
      /turning a little after your breath does\. Part of/,
    );
    expect(responseText(response(30, 0.2)).text).toMatch(
      /before your breath does\. Its rhythm is only starting/,
    );
    expect(responseText(response(150, 0.9)).text).toMatch(/^Your heart rate is falling as you breathe in/);
    expect(responseText(response(0, 0.9, 0.6)).text).toMatch(/by about 1 beat a minute/);
  });

  it('never shows degrees, percentages or decimals', () => {
    for (const phase of [-170, -60, -10, 0, 20, 89, 120])
      for (const locked of [0.1, 0.45, 0.95])
        expect(responseText(response(phase, locked, 7.77)).text).not.toMatch(/°|%|\d\.\d/);
  });

  it('says it is listening when there is no response yet', () => {
    expect(responseText(null).level).toBeNull();
    const early = { ...response(0, 1), phaseDeg: notEnough(5, 20, 's') };
    expect(responseText(early).text).toMatch(/^Listening/);
  });
});
