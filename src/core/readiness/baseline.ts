/**
 * The person's own normal, from their morning readings, day by day.
 *
 * Every figure is on the log scale (ln RMSSD, RMSSD in ms), as in the methods it follows; each needs a minimum
 * number of readings and otherwise says how many more it needs (a typed `not-enough` value, never NaN).
 *
 * - Daily value: the first reading of each local calendar day (the morning one; a second reading later that day
 *   is kept in the history but does not change the day). Days without a reading are gaps: they are skipped, never
 *   filled in.
 * - Baseline: the mean of the daily ln RMSSD over the 7 calendar days ending on the day (the day and the 6 before),
 *   the rolling 7-day average of Plews, Laursen, Kilding & Buchheit (2012, "Heart rate variability in elite
 *   triathletes, is variation in variability the key to effective training? A case comparison", Eur J Appl Physiol
 *   112:3729-3741; 2013, "Training adaptation and heart rate variability in elite endurance athletes: opening the
 *   door to effective monitoring", Sports Med 43:773-781). It needs {@link BASELINE_MIN_READINGS} readings in those
 *   7 days: Plews et al. (2014, Int J Sports Physiol Perform 9:783-790) found 3 per week enough for a usable mean.
 * - Coefficient of variation: 100 × SD / mean of the same 7 days' ln RMSSD (sample SD), the "ln RMSSD CV" of Plews
 *   et al. (2012); it needs {@link BASELINE_MIN_READINGS} readings too. Higher means the days swing more.
 * - Normal range: the smallest worthwhile change around the longer-term mean, as Plews et al. (2012, 2013) and
 *   Buchheit (2014, "Monitoring training status with HR measures: do all roads lead to Rome?", Front Physiol
 *   5:73) use it: mean ± {@link SWC_FACTOR} × SD (sample SD) of the daily ln RMSSD over the
 *   {@link NORMAL_RANGE_DAYS} days before the day (the day itself left out, so a reading is compared with a range it
 *   did not shape). It needs {@link NORMAL_RANGE_MIN_READINGS} readings in that window.
 * - Below-range note (opt-in in the app): due when the 7-day baseline has been below the normal range on
 *   {@link BELOW_RANGE_RUN_DAYS} calendar days in a row, each with a reading, the last of them today or yesterday.
 *   Following the baseline rather than single days matches how Plews et al. read the trend (a single low day is
 *   common and means little); a day without a reading breaks the run, since nothing is known about it.
 */
import { addDays, dayKey, dayNumber } from '../history/days';

const BASELINE_DAYS = 7;
export const BASELINE_MIN_READINGS = 3;
const NORMAL_RANGE_DAYS = 60;
export const NORMAL_RANGE_MIN_READINGS = 14;
/** Half a standard deviation: the smallest worthwhile change (Buchheit 2014; Plews et al. 2012). */
const SWC_FACTOR = 0.5;
const BELOW_RANGE_RUN_DAYS = 3;

/** A figure that needs a number of readings: its value, or how many readings there are and how many it needs. */
export type Enough<T> =
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'not-enough'; readonly have: number; readonly need: number };

/** Readings still needed for a figure (0 when it has enough). */
export function moreNeeded(figure: Enough<unknown>): number {
  return figure.status === 'ok' ? 0 : figure.need - figure.have;
}

/** What a reading contributes to the trend. */
export interface ReadingPoint {
  /** Wall-clock time, ms since the epoch. */
  readonly timeMs: number;
  /** RMSSD, ms (> 0). */
  readonly rmssdMs: number;
  readonly meanHrBpm: number;
}

export interface NormalRange {
  /** Mean of the window's daily ln RMSSD. */
  readonly mean: number;
  readonly sd: number;
  /** mean − 0.5 SD and mean + 0.5 SD, ln RMSSD. */
  readonly low: number;
  readonly high: number;
}

/** Where a value sits against the normal range. */
export type RangePosition = 'below' | 'within' | 'above';

export interface ReadinessDay {
  readonly day: string;
  /** Time of the day's (first) reading, ms since the epoch. */
  readonly timeMs: number;
  /** ln RMSSD of the day's reading. */
  readonly lnRmssd: number;
  /** RMSSD of the day's reading, ms. */
  readonly rmssdMs: number;
  /** Resting heart rate of the day's reading, bpm. */
  readonly restingHrBpm: number;
  /** Rolling 7-day mean of ln RMSSD. */
  readonly baseline: Enough<number>;
  /** 7-day coefficient of variation of ln RMSSD, %. */
  readonly cvPercent: Enough<number>;
  readonly normalRange: Enough<NormalRange>;
  /** The day's reading against the normal range; null without one. */
  readonly position: RangePosition | null;
  /** The 7-day baseline against the normal range; null without both. */
  readonly baselinePosition: RangePosition | null;
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Sample standard deviation (n − 1); needs two values. */
function sampleSd(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((a, v) => a + (v - m) * (v - m), 0) / (values.length - 1));
}

function enough<T>(have: number, need: number, value: () => T): Enough<T> {
  return have >= need ? { status: 'ok', value: value() } : { status: 'not-enough', have, need };
}

/** Where an ln RMSSD value sits against a normal range; null without a range. */
export function rangePosition(value: number, range: Enough<NormalRange>): RangePosition | null {
  if (range.status !== 'ok') return null;
  if (value < range.value.low) return 'below';
  return value > range.value.high ? 'above' : 'within';
}

/**
 * One entry per day with a reading, oldest first. `offsetOf(timeMs)` is the UTC offset in minutes at that moment
 * (the page knows the time zone, the core does not).
 */
export function readinessDays(
  readings: readonly ReadingPoint[],
  offsetOf: (timeMs: number) => number,
): ReadinessDay[] {
  const first = new Map<string, ReadingPoint>();
  for (const r of [...readings].sort((a, b) => a.timeMs - b.timeMs)) {
    if (!(r.rmssdMs > 0)) continue;
    const day = dayKey(r.timeMs, offsetOf(r.timeMs));
    if (!first.has(day)) first.set(day, r);
  }
  const ln = new Map([...first].map(([day, r]) => [day, Math.log(r.rmssdMs)]));
  const windowOf = (day: string, from: number, to: number): number[] => {
    const out: number[] = [];
    for (let k = from; k <= to; k += 1) {
      const v = ln.get(addDays(day, k));
      if (v !== undefined) out.push(v);
    }
    return out;
  };
  return [...first.keys()].sort().map((day): ReadinessDay => {
    const reading = first.get(day) as ReadingPoint;
    const value = Math.log(reading.rmssdMs);
    const week = windowOf(day, -(BASELINE_DAYS - 1), 0);
    const baseline = enough(week.length, BASELINE_MIN_READINGS, () => mean(week));
    const cvPercent = enough(week.length, BASELINE_MIN_READINGS, () => (100 * sampleSd(week)) / mean(week));
    const before = windowOf(day, -NORMAL_RANGE_DAYS, -1);
    const normalRange = enough(before.length, NORMAL_RANGE_MIN_READINGS, (): NormalRange => {
      const m = mean(before);
      const sd = sampleSd(before);
      return { mean: m, sd, low: m - SWC_FACTOR * sd, high: m + SWC_FACTOR * sd };
    });
    return {
      day,
      timeMs: reading.timeMs,
      lnRmssd: value,
      rmssdMs: reading.rmssdMs,
      restingHrBpm: reading.meanHrBpm,
      baseline,
      cvPercent,
      normalRange,
      position: rangePosition(value, normalRange),
      baselinePosition: baseline.status === 'ok' ? rangePosition(baseline.value, normalRange) : null,
    };
  });
}

/**
 * The below-range note: the number of days in a row (at least {@link BELOW_RANGE_RUN_DAYS}) the 7-day baseline
 * has sat below the normal range, ending today or yesterday; null when no note is due.
 */
export function belowRangeRun(days: readonly ReadinessDay[], today: string): number | null {
  const last = days[days.length - 1];
  if (!last || dayNumber(today) - dayNumber(last.day) > 1) return null;
  let run = 0;
  for (let i = days.length - 1; i >= 0; i -= 1) {
    const d = days[i] as ReadinessDay;
    const consecutive = i === days.length - 1 || dayNumber(d.day) === dayNumber(last.day) - run;
    if (!consecutive || d.baselinePosition !== 'below') break;
    run += 1;
  }
  return run >= BELOW_RANGE_RUN_DAYS ? run : null;
}
