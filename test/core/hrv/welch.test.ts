import { describe, expect, it } from 'vitest';
import { hann } from '../../../src/core/hrv/welch';

describe('hann', () => {
  it('is periodic by default: one period over n points, so it never returns to zero at the end', () => {
    // scipy.signal.get_window('hann', 4) = [0, 0.5, 1, 0.5]
    expect([...hann(4)].map((w) => Number(w.toFixed(12)))).toEqual([0, 0.5, 1, 0.5]);
  });

  it('is zero at both ends when symmetric', () => {
    // scipy.signal.windows.hann(5, sym=True) = [0, 0.5, 1, 0.5, 0]
    expect([...hann(5, 'symmetric')].map((w) => Number(w.toFixed(12)))).toEqual([0, 0.5, 1, 0.5, 0]);
  });

  it('is zero for a single point in both shapes, with no division by zero', () => {
    expect([...hann(1)]).toEqual([0]);
    expect([...hann(1, 'symmetric')]).toEqual([0]);
  });
});
