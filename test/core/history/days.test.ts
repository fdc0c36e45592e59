import { describe, expect, it } from 'vitest';
import { addDays, dayKey, monthGrid, weekday } from '../../../src/core/history/days';
import { missedDays, streaks } from '../../../src/core/history/practice';

describe('days', () => {
  it('puts a late-evening session on the local day, not the UTC day', () => {
    const t = Date.UTC(2026, 10, 22, 23, 30);
    expect(dayKey(t, 0)).toBe('2026-11-22');
    expect(dayKey(t, 60)).toBe('2026-11-23');
    expect(dayKey(t, -600)).toBe('2026-11-22');
  });

  it('steps across month and leap-year ends', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('lays a month out in Monday-first weeks', () => {
    expect(weekday('2026-11-23')).toBe(0); // a Monday
    const grid = monthGrid(2026, 11); // 1 November 2026 is a Sunday
    expect(grid[0]).toEqual([null, null, null, null, null, null, '2026-11-01']);
    expect(grid.flat().filter((d) => d !== null)).toHaveLength(30);
    expect(grid.every((w) => w.length === 7)).toBe(true);
  });
});

describe('streaks and the missed-day nudge', () => {
  const days = new Set(['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-10', '2026-11-11']);

  it('counts the longest run and the current one, alive until today ends', () => {
    expect(streaks(days, '2026-11-11')).toEqual({ current: 2, longest: 3, daysPractised: 5 });
    expect(streaks(days, '2026-11-12').current).toBe(2); // not practised yet today
    expect(streaks(days, '2026-11-13').current).toBe(0);
    expect(streaks(new Set(), '2026-11-13')).toEqual({ current: 0, longest: 0, daysPractised: 0 });
  });

  it('nudges only after a whole day without practice', () => {
    expect(missedDays(days, '2026-11-12')).toBeNull();
    expect(missedDays(days, '2026-11-13')).toBe(1);
    expect(missedDays(days, '2026-11-16')).toBe(4);
    expect(missedDays(new Set(), '2026-11-16')).toBeNull();
  });
});
