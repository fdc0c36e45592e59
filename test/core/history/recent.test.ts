import { describe, expect, it } from 'vitest';
import { trendAgainstRecent } from '../../../src/core/history/recent';

describe('trendAgainstRecent', () => {
  it('compares with the mean of up to five earlier sessions that have a figure', () => {
    const values = [10, 100, 40, null, 40, 40, 40, 40, 44];
    // The last five figures before index 8 are 40 (four times) and 40: mean 40, and 44 is 10 % above it.
    expect(trendAgainstRecent(values, 8)).toBe('up');
    expect(trendAgainstRecent(values, 8, 5, 0.2)).toBe('same');
    expect(trendAgainstRecent([50, 40], 1)).toBe('down');
    // 40 against the mean of 10 and 100 (55).
    expect(trendAgainstRecent(values, 2)).toBe('down');
  });

  it('the tolerance is a share of the mean, inclusive', () => {
    expect(trendAgainstRecent([40, 42], 1)).toBe('same');
    expect(trendAgainstRecent([40, 42.1], 1)).toBe('up');
  });

  it('has no trend without a figure or without an earlier one', () => {
    expect(trendAgainstRecent([40], 0)).toBeNull();
    expect(trendAgainstRecent([null, 40], 1)).toBeNull();
    expect(trendAgainstRecent([40, null], 1)).toBeNull();
    expect(trendAgainstRecent([], 3)).toBeNull();
  });
});
