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

  it('has no baseline or normal range: paced-session RMSSD stays out of the readiness figures', () => {
    const trends = dailyTrends(
      Array.from({ length: 20 }, (_, i) => session(i, 40 + i)),
      utc,
    );
    for (const t of trends) {
      expect(Object.keys(t)).not.toContain('baselineMs');
      expect(Object.keys(t)).not.toContain('normalLowMs');
    }
    expect(trends[19]?.rmssdMs).toBeCloseTo(59, 9);
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
