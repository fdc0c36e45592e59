import { describe, expect, it } from 'vitest';
import { readinessDays } from '../../../src/core/readiness/baseline';
import { baselineText, failureText, needsText, positionText } from '../../../src/ui/reading/reading-text';

const day = (n: number, rmssdMs: number) => ({
  timeMs: Date.UTC(2026, 10, 1 + n, 7),
  rmssdMs,
  meanHrBpm: 60,
});

describe('morning reading words', () => {
  it('counts the readings still needed, in the singular and the plural, and stops once there are enough', () => {
    expect(needsText(null)).toContain('3 more readings for your 7-day baseline');
    const two = readinessDays([day(0, 40), day(1, 42)], () => 0);
    expect(needsText(two[1]!)).toContain('1 more reading for your 7-day baseline');
    expect(needsText(two[1]!)).toContain('13 more readings for your normal range');
    const enough = readinessDays(
      Array.from({ length: 15 }, (_, i) => day(i, 40 + (i % 3))),
      () => 0,
    );
    expect(needsText(enough[14]!)).toBeNull();
  });

  it('says why a reading was not kept, with its numbers', () => {
    expect(
      failureText({
        status: 'too-many-corrected',
        rmssdMs: 30,
        lnRmssd: Math.log(30),
        meanHrBpm: 60,
        beatCount: 60,
        correctedCount: 6,
        correctedPercent: 10,
      }),
    ).toMatch(/^10 % of the beats had to be corrected \(more than 5 %\)/);
    expect(failureText({ status: 'too-short', haveS: 20, needS: 48 })).toContain('only 20 of the 48 seconds');
  });

  it('places today against the range and the baseline without medical claims', () => {
    for (const p of ['below', 'within', 'above'] as const) {
      expect(positionText(p)).not.toMatch(/diagnos|disease|illness means/i);
      expect(positionText(p)).toContain(p === 'within' ? 'within' : p);
    }
    const days = readinessDays([day(0, 40), day(1, 40), day(2, 40)], () => 0);
    expect(baselineText(Math.log(40), days[2]!)).toBe('Today is close to your 7-day baseline.');
    expect(baselineText(Math.log(60), days[2]!)).toBe('Today is above your 7-day baseline.');
    expect(baselineText(Math.log(25), days[2]!)).toBe('Today is below your 7-day baseline.');
  });
});
