/**
 * Calendar days as 'YYYY-MM-DD' keys. A session belongs to the day of its local start time; the caller gives the
 * UTC offset in force at that moment (the page knows the time zone, the core does not).
 */

const MS_PER_DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** The local day of `timeMs` for a UTC offset in minutes (east positive, e.g. +60 for CET). */
export function dayKey(timeMs: number, utcOffsetMinutes: number): string {
  const d = new Date(timeMs + utcOffsetMinutes * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Day number since 1970-01-01 of a day key (for counting and stepping days). */
export function dayNumber(key: string): number {
  const [y, m, d] = key.split('-').map(Number);
  return Math.round(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / MS_PER_DAY);
}

function dayFromNumber(n: number): string {
  return dayKey(n * MS_PER_DAY, 0);
}

export function addDays(key: string, days: number): string {
  return dayFromNumber(dayNumber(key) + days);
}

/** Day of week of a key, 0 = Monday .. 6 = Sunday (ISO 8601 order). */
export function weekday(key: string): number {
  // 1970-01-01 was a Thursday (ISO weekday index 3).
  return (((dayNumber(key) + 3) % 7) + 7) % 7;
}

/** Weeks (Monday first) covering a month; days outside the month are null. `month` is 1..12. */
export function monthGrid(year: number, month: number): (string | null)[][] {
  const first = `${year}-${pad(month)}-01`;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (string | null)[] = Array.from({ length: weekday(first) }, () => null);
  for (let d = 1; d <= daysInMonth; d += 1) cells.push(`${year}-${pad(month)}-${pad(d)}`);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
