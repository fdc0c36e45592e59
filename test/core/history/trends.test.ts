import { describe, expect, it } from 'vitest';
import { dailyTrends, summarisePeriod } from '../../../src/core/history/trends';
import type { SessionRecord } from '../../../src/core/session/record';

const DAY = 86_400_000;
const t0 = Date.UTC(2026, 0, 1, 8);

function session(
  dayIndex: number,
  rmssdMs: number | null,
  extra: Partial<SessionRecord> = {},
): SessionRecord {
  return {
    id: `s${dayIndex}-${rmssdMs}`,
    startTimeMs: t0 + dayIndex * DAY,
    sourceKind: 'simulated',
    sourceLabel: '',
    durationMs: 600_000,
    status: 'finished',
    end: 'stopped',
    summary: {
      beatCount: 600,
      artifactCount: 0,
      meanHeartRateBpm: 60,
      rmssdMs,
      coherence: 0.5,
      breathingRateBpm: 6,
    },
    checkInBefore: { stress: 6, note: '' },
    checkInAfter: { stress: 4, note: '' },
    ...extra,
  };
}

const utc = () => 0;

describe('daily trends', () => {
  it('averages a day on the log scale (geometric mean)', () => {
    const [day] = dailyTrends([session(0, 20), session(0, 80)], utc);
    expect(day?.rmssdMs).toBeCloseTo(40, 9);
    expect(day?.sessions).toBe(2);
    expect(day?.practiceMs).toBe(1_200_000);
    expect(day?.stressChange).toBe(-2);
  });

  it('has a 7-day baseline only from the third day with data, and it is the geometric mean of the week', () => {
    const trends = dailyTrends([session(0, 10), session(1, 100), session(2, 1000), session(9, 50)], utc);
    expect(trends.map((t) => t.baselineMs === null)).toEqual([true, true, false, true]);
    expect(trends[2]?.baselineMs).toBeCloseTo(100, 9);
    // Day 9's window (days 3..9) holds one day only.
  });

  it('gives a normal range once 14 earlier days exist: mean ± 1 SD of ln RMSSD', () => {
    const values = Array.from({ length: 14 }, (_, i) => (i % 2 === 0 ? 30 : 60));
    const trends = dailyTrends([...values.map((v, i) => session(i, v)), session(14, 45)], utc);
    expect(trends[13]?.normalLowMs).toBeNull();
    const last = trends[14]!;
    const lns = values.map(Math.log);
    const m = lns.reduce((a, b) => a + b) / lns.length;
    const s = Math.sqrt(lns.reduce((a, v) => a + (v - m) ** 2, 0) / (lns.length - 1));
    expect(last.normalLowMs).toBeCloseTo(Math.exp(m - s), 9);
    expect(last.normalHighMs).toBeCloseTo(Math.exp(m + s), 9);
    expect(last.normalLowMs!).toBeLessThan(last.normalHighMs!);
  });

  it('skips unfinished sessions and sessions without RMSSD', () => {
    const trends = dailyTrends([session(0, null), session(1, 40, { status: 'recording' })], utc);
    expect(trends).toHaveLength(1);
    expect(trends[0]?.rmssdMs).toBeNull();
  });

  it('summarises a period', () => {
    const summary = summarisePeriod(dailyTrends([session(0, 20), session(1, 80), session(1, 80)], utc));
    expect(summary).toMatchObject({ sessions: 3, days: 2, practiceMs: 1_800_000, stressChange: -2 });
    expect(summary.rmssdMs).toBeCloseTo(40, 9);
  });
});
