/**
 * Day-by-day trends from session summaries (never from beats, so a year of history stays fast).
 *
 * RMSSD is averaged on the log scale, ln(RMSSD), because its day-to-day distribution is skewed; the weekly
 * baseline is the rolling 7-day mean of daily ln RMSSD, as in Plews, Laursen, Kilding & Buchheit (2012, Eur J
 * Appl Physiol 112:3729) and Plews et al. (2014, Int J Sports Physiol Perform 9:783), which found that at least
 * 3 days in the 7 give a usable mean. The personal normal range is the mean ± 1 SD of daily ln RMSSD over the
 * previous 60 days with at least 14 days of data, the individual "normal range" band that HRV4Training (M. Altini)
 * describes for daily readings. Values are shown back in ms (exp).
 */
import { stressChange, type SessionRecord } from '../session/record';
import { addDays, dayKey, dayNumber } from './days';

export const BASELINE_DAYS = 7;
export const BASELINE_MIN_DAYS = 3;
export const NORMAL_RANGE_DAYS = 60;
export const NORMAL_RANGE_MIN_DAYS = 14;

export interface DayTrend {
  readonly day: string;
  readonly sessions: number;
  readonly practiceMs: number;
  /** Geometric mean of the day's session RMSSDs, ms; null when none had one. */
  readonly rmssdMs: number | null;
  /** Rolling 7-day baseline (geometric mean), ms; null with fewer than 3 days of RMSSD in the window. */
  readonly baselineMs: number | null;
  /** Personal normal range from the preceding 60 days, ms; null with fewer than 14 days of data. */
  readonly normalLowMs: number | null;
  readonly normalHighMs: number | null;
  readonly coherence: number | null;
  readonly breathingRateBpm: number | null;
  /** Mean before→after stress change on the day (negative = calmer after). */
  readonly stressChange: number | null;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

function sd(values: readonly number[], m: number): number {
  return Math.sqrt(values.reduce((a, v) => a + (v - m) * (v - m), 0) / (values.length - 1));
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
  const window = (day: string, fromOffset: number, toOffset: number): number[] => {
    const out: number[] = [];
    for (let k = fromOffset; k <= toOffset; k += 1) {
      const v = lnByDay.get(addDays(day, k));
      if (v !== undefined) out.push(v);
    }
    return out;
  };
  return days.map((day): DayTrend => {
    const list = byDay.get(day) ?? [];
    const ln = lnByDay.get(day);
    const week = window(day, -(BASELINE_DAYS - 1), 0);
    const weekMean = week.length >= BASELINE_MIN_DAYS ? mean(week) : null;
    const history = window(day, -NORMAL_RANGE_DAYS, -1);
    const histMean = history.length >= NORMAL_RANGE_MIN_DAYS ? mean(history) : null;
    const histSd = histMean === null ? null : sd(history, histMean);
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
      baselineMs: weekMean === null ? null : Math.exp(weekMean),
      normalLowMs: histMean === null || histSd === null ? null : Math.exp(histMean - histSd),
      normalHighMs: histMean === null || histSd === null ? null : Math.exp(histMean + histSd),
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
