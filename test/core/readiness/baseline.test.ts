import { describe, expect, it } from 'vitest';
import {
  BASELINE_MIN_READINGS,
  belowRangeRun,
  moreNeeded,
  NORMAL_RANGE_MIN_READINGS,
  readinessDays,
  type ReadingPoint,
} from '../../../src/core/readiness/baseline';

/** 07:00 UTC on 2026-11-01 plus `day` days. */
const at = (day: number, hour = 7) => Date.UTC(2026, 10, 1 + day, hour);
const utc = () => 0;
const reading = (day: number, rmssdMs: number, meanHrBpm = 60, hour = 7): ReadingPoint => ({
  timeMs: at(day, hour),
  rmssdMs,
  meanHrBpm,
});

function meanOf(x: number[]): number {
  return x.reduce((a, b) => a + b, 0) / x.length;
}
function sdOf(x: number[]): number {
  const m = meanOf(x);
  return Math.sqrt(x.reduce((a, v) => a + (v - m) ** 2, 0) / (x.length - 1));
}

describe('readiness days', () => {
  it('takes ln RMSSD of each day and keeps the first reading of a day', () => {
    const days = readinessDays([reading(0, 40, 58, 12), reading(0, 50, 62, 7), reading(1, 60, 55)], utc);
    expect(days.map((d) => d.day)).toEqual(['2026-11-01', '2026-11-02']);
    expect(days[0]?.rmssdMs).toBe(50);
    expect(days[0]?.lnRmssd).toBeCloseTo(Math.log(50), 12);
    expect(days[0]?.restingHrBpm).toBe(62);
  });

  it('uses the local day of the offset given', () => {
    // 23:30 UTC is the next day one hour east.
    const late = { timeMs: Date.UTC(2026, 10, 1, 23, 30), rmssdMs: 40, meanHrBpm: 60 };
    expect(readinessDays([late], () => 60)[0]?.day).toBe('2026-11-02');
    expect(readinessDays([late], utc)[0]?.day).toBe('2026-11-01');
  });

  it('says how many more readings the baseline and the 7-day CV need', () => {
    const days = readinessDays([reading(0, 40), reading(1, 45)], utc);
    const last = days[1]!;
    expect(last.baseline).toEqual({ status: 'not-enough', have: 2, need: BASELINE_MIN_READINGS });
    expect(moreNeeded(last.baseline)).toBe(1);
    expect(last.cvPercent.status).toBe('not-enough');
    expect(last.normalRange).toEqual({ status: 'not-enough', have: 1, need: NORMAL_RANGE_MIN_READINGS });
    expect(moreNeeded(last.normalRange)).toBe(NORMAL_RANGE_MIN_READINGS - 1);
    expect(last.position).toBeNull();
    expect(last.baselinePosition).toBeNull();
  });

  it('baseline and CV are the mean and SD/mean of the last 7 calendar days, skipping missing days', () => {
    // Days 0, 1, 3, 6 and 8 have readings; 2, 4, 5 and 7 are gaps.
    const series = [reading(0, 30), reading(1, 45), reading(3, 52), reading(6, 38), reading(8, 61)];
    const days = readinessDays(series, utc);
    const ln = series.map((r) => Math.log(r.rmssdMs));
    // Day 6: window days 0..6 holds four readings.
    const day6 = days[3]!;
    expect(day6.baseline.status === 'ok' && day6.baseline.value).toBeCloseTo(meanOf(ln.slice(0, 4)), 12);
    expect(day6.cvPercent.status === 'ok' && day6.cvPercent.value).toBeCloseTo(
      (100 * sdOf(ln.slice(0, 4))) / meanOf(ln.slice(0, 4)),
      12,
    );
    // Day 8: window days 2..8 holds days 3, 6, 8 only (0 and 1 fell out).
    const day8 = days[4]!;
    expect(day8.baseline.status === 'ok' && day8.baseline.value).toBeCloseTo(meanOf(ln.slice(2)), 12);
    // Day 1: two readings only.
    expect(days[1]!.baseline.status).toBe('not-enough');
  });

  it('a long gap empties the 7-day window again', () => {
    const days = readinessDays([reading(0, 40), reading(1, 42), reading(2, 44), reading(20, 50)], utc);
    expect(days[2]!.baseline.status).toBe('ok');
    expect(days[3]!.baseline).toEqual({ status: 'not-enough', have: 1, need: 3 });
  });

  it('normal range is mean ± 0.5 SD of the 60 days before, the day itself left out', () => {
    const values = [40, 44, 38, 50, 47, 41, 39, 52, 45, 43, 48, 36, 42, 46, 49];
    // Readings every other day (gaps in between), then the day under test.
    const series = values.map((v, i) => reading(i * 2, v));
    series.push(reading(values.length * 2, 20));
    const days = readinessDays(series, utc);
    const ln = values.map(Math.log);
    const last = days[days.length - 1]!;
    if (last.normalRange.status !== 'ok') throw new Error('expected a range');
    const m = meanOf(ln);
    const s = sdOf(ln);
    expect(last.normalRange.value.mean).toBeCloseTo(m, 12);
    expect(last.normalRange.value.sd).toBeCloseTo(s, 12);
    expect(last.normalRange.value.low).toBeCloseTo(m - 0.5 * s, 12);
    expect(last.normalRange.value.high).toBeCloseTo(m + 0.5 * s, 12);
    expect(last.position).toBe('below');
    // The 14th reading has 13 before it: not enough yet.
    expect(days[13]!.normalRange).toEqual({ status: 'not-enough', have: 13, need: 14 });
    expect(days[14]!.normalRange.status).toBe('ok');
  });

  it('readings older than 60 days leave the normal range', () => {
    const old = Array.from({ length: 14 }, (_, i) => reading(i, 40));
    const days = readinessDays([...old, reading(80, 40)], utc);
    expect(days[days.length - 1]!.normalRange).toEqual({ status: 'not-enough', have: 0, need: 14 });
  });

  it('places the day and the baseline within, above or below the range', () => {
    const steady = Array.from({ length: 20 }, (_, i) => reading(i, i % 2 === 0 ? 40 : 50));
    const days = readinessDays([...steady, reading(20, 80)], utc);
    expect(days[19]!.position).toBe('above'); // 50 ms is above the mean ± 0.5 SD of alternating 40/50
    expect(days[18]!.position).toBe('below');
    expect(days[19]!.baselinePosition).toBe('within');
    expect(days[20]!.position).toBe('above');
  });

  it('ignores readings without a positive RMSSD', () => {
    expect(readinessDays([reading(0, 0), reading(1, Number.NaN)], utc)).toEqual([]);
  });
});

describe('below-range note', () => {
  const normal = Array.from({ length: 21 }, (_, i) => reading(i, i % 2 === 0 ? 48 : 52));
  const low = (from: number, n: number) => Array.from({ length: n }, (_, i) => reading(from + i, 25));
  const today = (day: number) => new Date(at(day)).toISOString().slice(0, 10);

  it('is due after 3 days in a row with the baseline below the range, and counts the run', () => {
    const days = readinessDays([...normal, ...low(21, 4)], utc);
    const belowFrom = days.findIndex((d) => d.baselinePosition === 'below');
    expect(belowFrom).toBe(21); // the first low day already pulls the baseline under a narrow range
    expect(belowRangeRun(days.slice(0, 22), today(21))).toBeNull();
    expect(belowRangeRun(days.slice(0, 23), today(22))).toBeNull();
    expect(belowRangeRun(days.slice(0, 24), today(23))).toBe(3);
    expect(belowRangeRun(days, today(24))).toBe(4);
    // Still shown the next day, gone the day after (no reading is known about).
    expect(belowRangeRun(days, today(25))).toBe(4);
    expect(belowRangeRun(days, today(26))).toBeNull();
  });

  it('a day without a reading breaks the run', () => {
    const days = readinessDays([...normal, ...low(21, 2), ...low(24, 2)], utc);
    expect(belowRangeRun(days, today(25))).toBeNull();
  });

  it('is not due without a normal range', () => {
    const days = readinessDays(low(0, 10), utc);
    expect(belowRangeRun(days, today(9))).toBeNull();
  });

  it('needs no readings to answer', () => {
    expect(belowRangeRun([], today(0))).toBeNull();
  });
});
