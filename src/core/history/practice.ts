/** Practice streaks and the missed-day nudge, from the set of days with at least one session. */
import { addDays, dayNumber } from './days';

export interface Streaks {
  /** Consecutive days up to today, or up to yesterday when today has no session yet (the streak is still alive). */
  readonly current: number;
  readonly longest: number;
  /** Days with at least one session. */
  readonly daysPractised: number;
}

export function streaks(practiceDays: ReadonlySet<string>, today: string): Streaks {
  const numbers = [...practiceDays].map(dayNumber).sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  for (let i = 0; i < numbers.length; i += 1) {
    run = i > 0 && numbers[i] === (numbers[i - 1] ?? 0) + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  let current = 0;
  let day = practiceDays.has(today) ? today : addDays(today, -1);
  while (practiceDays.has(day)) {
    current += 1;
    day = addDays(day, -1);
  }
  return { current, longest, daysPractised: numbers.length };
}

/**
 * Nudge after a missed day: the person has practised before, yesterday had no session and today has none yet.
 * Returns the number of days since the last session, or null when no nudge is due.
 */
export function missedDays(practiceDays: ReadonlySet<string>, today: string): number | null {
  if (practiceDays.size === 0 || practiceDays.has(today) || practiceDays.has(addDays(today, -1))) return null;
  const last = Math.max(...[...practiceDays].map(dayNumber).filter((n) => n < dayNumber(today)));
  return Number.isFinite(last) ? dayNumber(today) - last - 1 : null;
}
