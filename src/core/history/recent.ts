/**
 * How one session's figure compares with the sessions just before it, for the trend arrow in the history list:
 * the figure against the mean of up to `window` earlier sessions that have one. A difference within `tolerance`
 * (a share of that mean) counts as the same: day-to-day HRV varies by several per cent without meaning anything
 * (Plews et al. 2013 read trends from rolling means for this reason).
 */
export type Trend = 'up' | 'down' | 'same';

/**
 * `values`: one figure per session, oldest first (null where a session has none). The trend of session `index`,
 * or null when it has no figure or no earlier session has one.
 */
export function trendAgainstRecent(
  values: readonly (number | null)[],
  index: number,
  window = 5,
  tolerance = 0.05,
): Trend | null {
  const value = values[index];
  if (value === null || value === undefined) return null;
  const earlier: number[] = [];
  for (let i = index - 1; i >= 0 && earlier.length < window; i -= 1) {
    const v = values[i];
    if (v !== null && v !== undefined) earlier.push(v);
  }
  if (earlier.length === 0) return null;
  const mean = earlier.reduce((a, b) => a + b, 0) / earlier.length;
  if (Math.abs(value - mean) <= tolerance * Math.abs(mean)) return 'same';
  return value > mean ? 'up' : 'down';
}
