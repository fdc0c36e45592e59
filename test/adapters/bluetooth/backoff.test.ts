import { describe, expect, it } from 'vitest';
import { reconnectDelayMs, shouldKeepTrying } from '../../../src/adapters/bluetooth/backoff';

describe('reconnect backoff', () => {
  it('starts at 1 s and doubles up to a 30 s cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50, 5000].map((a) => reconnectDelayMs(a))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('keeps trying until five minutes have passed since the drop', () => {
    expect(shouldKeepTrying(0)).toBe(true);
    expect(shouldKeepTrying(299_999)).toBe(true);
    expect(shouldKeepTrying(300_000)).toBe(false);
  });
});
