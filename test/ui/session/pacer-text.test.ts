import { describe, expect, it } from 'vitest';
import { formatRate, pacerCue, phaseSecondsLeft } from '../../../src/ui/session/pacer-text';
import { PacerSchedule } from '../../../src/core/pacer/schedule';

describe('pacer words', () => {
  it('names the phase and writes the rate one way', () => {
    expect(pacerCue('hold-in', 3.75)).toEqual({
      phase: 'hold',
      rate: '3.8',
      word: 'Hold',
      text: 'Hold, 3.8 breaths per minute',
    });
    expect(pacerCue(null, 6).word).toBe('Ready');
    expect(formatRate(5.94)).toBe('5.9');
  });

  it('counts down the whole seconds left in the phase', () => {
    const pattern = { inhaleS: 4, holdInS: 0, exhaleS: 6, holdOutS: 0 };
    const schedule = new PacerSchedule(pattern);
    expect(phaseSecondsLeft(pattern, schedule.at(0))).toBe(4);
    expect(phaseSecondsLeft(pattern, schedule.at(0.2))).toBe(4);
    expect(phaseSecondsLeft(pattern, schedule.at(3.1))).toBe(1);
    expect(phaseSecondsLeft(pattern, schedule.at(4))).toBe(6);
    expect(phaseSecondsLeft(pattern, schedule.at(9.99))).toBe(1);
  });
});
