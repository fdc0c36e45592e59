/** How history figures are written on screen: a dash for "not enough data", units spelled out nearby. */

export function dash(value: number | null, digits = 0): string {
  return value === null ? '–' : value.toFixed(digits);
}

export function formatDuration(ms: number): string {
  const totalS = Math.round(ms / 1000);
  const m = Math.floor(totalS / 60);
  const s = totalS % 60;
  return m >= 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m}:${String(s).padStart(2, '0')}`;
}

// One formatter each, made once: toLocaleString builds a new formatter per call, which a 1,000-row list feels.
const dateTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const shortDateTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });

export function formatDateTime(timeMs: number): string {
  return dateTime.format(timeMs);
}

/** "Tue 1 Dec, 08:14": the history list's date on a phone. */
export function formatShortDateTime(timeMs: number): string {
  return shortDateTime.format(timeMs);
}

/** A duration in whole minutes for lists ("10 min"), seconds under a minute ("45 s"). */
export function formatMinutes(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.round(s / 60)} min`;
}

const dayShort = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** "14 Nov" for chart axes, from a day key ("2026-11-14") or a time in ms. */
export function formatDayShort(day: string | number): string {
  if (typeof day === 'number') return dayShort.format(day);
  const [y, m, d] = day.split('-').map(Number);
  return dayShort.format(new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return dayFormat.format(new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** "−3 (7 → 4)" for a stress change, "–" without both ratings. */
export function formatStressChange(before: number | null, after: number | null): string {
  if (before === null || after === null) return '–';
  const change = after - before;
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  return `${sign}${Math.abs(change)} (${before} → ${after})`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}
