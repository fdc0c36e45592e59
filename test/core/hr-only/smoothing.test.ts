import { describe, expect, it } from 'vitest';
import { smoothingGain } from '../../../src/core/hr-only/smoothing';

describe('smoothingGain', () => {
  it('is 1 without averaging and at zero frequency', () => {
    expect(smoothingGain(0.1, { windowS: 1 })).toBe(1);
    expect(smoothingGain(0, { windowS: 5 })).toBe(1);
  });

  it('matches sin(πfM) / (M sin(πf)) for the figures quoted at 6/min', () => {
    expect(smoothingGain(0.1, { windowS: 3 })).toBeCloseTo(
      Math.sin(0.3 * Math.PI) / (3 * Math.sin(0.1 * Math.PI)),
      12,
    );
    expect(smoothingGain(0.1, { windowS: 3 })).toBeCloseTo(0.873, 3);
    expect(smoothingGain(0.1, { windowS: 5 })).toBeCloseTo(0.647, 3);
  });

  it('equals the swing left after averaging a sampled sinusoid (recomputed from the definition)', () => {
    for (const m of [2, 3, 4, 5]) {
      const f = 0.09;
      let hi = -Infinity;
      let lo = Infinity;
      for (let k = 200; k < 2000; k += 1) {
        let s = 0;
        for (let j = 0; j < m; j += 1) s += Math.sin(2 * Math.PI * f * (k - j));
        hi = Math.max(hi, s / m);
        lo = Math.min(lo, s / m);
      }
      // Sampled every second the peak may fall between samples: compare within the sampling loss.
      expect((hi - lo) / 2).toBeLessThanOrEqual(smoothingGain(f, { windowS: m }) + 1e-9);
      expect((hi - lo) / 2).toBeGreaterThan(smoothingGain(f, { windowS: m }) * Math.cos(Math.PI * f) - 1e-9);
    }
  });

  it('loses more at faster breathing', () => {
    const gains = [4.5, 5.5, 6.5, 7].map((rate) => smoothingGain(rate / 60, { windowS: 5 }));
    for (let i = 1; i < gains.length; i += 1) expect(gains[i]).toBeLessThan(gains[i - 1] as number);
  });
});
