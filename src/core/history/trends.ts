/**
 * Day-by-day trends of the practice sessions, from their summaries (never from beats, so a year of history stays
 * fast).
 *
 * Which figure each trend uses:
 * - RMSSD during practice: the geometric mean of the day's session RMSSDs (ln RMSSD averaged, its day-to-day
 *   distribution being skewed), each over the whole paced session. Slow paced breathing raises RMSSD by itself, so
 *   this describes the practice, not the person's recovery; it has no baseline or normal range. The readiness
 *   baseline and normal range come only from the morning readings (core/readiness/baseline.ts), taken at rest
 *   with spontaneous breathing.
 * - Coherence and breathing rate: the mean of the day's session means.
 * - Stress change: the mean of the day's after − before check-in ratings.
 */
import { stressChange, type SessionRecord } from '../session/record';
import { dayKey, dayNumber } from './days';

export interface DayTrend {
  readonly day: string;
  readonly sessions: number;
  readonly practiceMs: number;
  /** Geometric mean of the day's session RMSSDs during practice, ms; null when none had one. */
  readonly rmssdMs: number | null;
  readonly coherence: number | null;
  readonly breathingRateBpm: number | null;
  /** Mean before→after stress change on the day (negative = calmer after). */
  readonly stressChange: number | null;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** `offsetOf(timeMs)`: UTC offset in minutes at that moment (DST-aware in the page). */
export function dailyTrends(
  sessions: readonly SessionRecord[],
  offsetOf: (timeMs: number) => number,
): DayTrend[] {
  const byDay = new Map<string, SessionRecord[]>();
  for (const s of sessions) {
    if (s.status !== 'finished') continue;
    const key = dayKey(s.startTimeMs, offsetOf(s.startTimeMs));
    const list = byDay.get(key);
    if (list) list.push(s);
    else byDay.set(key, [s]);
  }
  const days = [...byDay.keys()].sort();
  const lnByDay = new Map<string, number>();
  for (const day of days) {
    const ln = mean(
      (byDay.get(day) ?? []).flatMap((s) =>
        s.summary.rmssdMs && s.summary.rmssdMs > 0 ? [Math.log(s.summary.rmssdMs)] : [],
      ),
    );
    if (ln !== null) lnByDay.set(day, ln);
  }
  return days.map((day): DayTrend => {
    const list = byDay.get(day) ?? [];
    const ln = lnByDay.get(day);
    const pick = (f: (s: SessionRecord) => number | null) =>
      mean(
        list.flatMap((s) => {
          const v = f(s);
          return v === null ? [] : [v];
        }),
      );
    return {
      day,
      sessions: list.length,
      practiceMs: list.reduce((a, s) => a + s.durationMs, 0),
      rmssdMs: ln === undefined ? null : Math.exp(ln),
      coherence: pick((s) => s.summary.coherence),
      breathingRateBpm: pick((s) => s.summary.breathingRateBpm),
      stressChange: pick(stressChange),
    };
  });
}

/** Days with sessions between two day keys inclusive (for a chosen period: print summary, charts). */
export function inPeriod(trends: readonly DayTrend[], fromDay: string, toDay: string): DayTrend[] {
  const from = dayNumber(fromDay);
  const to = dayNumber(toDay);
  return trends.filter((t) => dayNumber(t.day) >= from && dayNumber(t.day) <= to);
}

export interface PeriodSummary {
  readonly sessions: number;
  readonly days: number;
  readonly practiceMs: number;
  readonly rmssdMs: number | null;
  readonly coherence: number | null;
  readonly stressChange: number | null;
  readonly breathingRateBpm: number | null;
}

/** Totals and means over a run of days: what the printable summary states. */
export function summarisePeriod(trends: readonly DayTrend[]): PeriodSummary {
  const values = (f: (t: DayTrend) => number | null) =>
    trends.flatMap((t) => {
      const v = f(t);
      return v === null ? [] : [v];
    });
  const lnRmssd = mean(values((t) => (t.rmssdMs === null ? null : Math.log(t.rmssdMs))));
  return {
    sessions: trends.reduce((a, t) => a + t.sessions, 0),
    days: trends.length,
    practiceMs: trends.reduce((a, t) => a + t.practiceMs, 0),
    rmssdMs: lnRmssd === null ? null : Math.exp(lnRmssd),
    coherence: mean(values((t) => t.coherence)),
    stressChange: mean(values((t) => t.stressChange)),
    breathingRateBpm: mean(values((t) => t.breathingRateBpm)),
  };
}
