import { describe, expect, it } from 'vitest';
import { poincare } from '../../../src/core/hrv/poincare';
import { seriesFromRr } from '../../../src/core/hrv/series';
import { loadFixture, must, REFERENCE_FILES, relDiff } from './fixtures';

describe('Poincaré SD1, SD2 against NeuroKit2 (0.01 %)', () => {
  for (const id of REFERENCE_FILES) {
    it(id, () => {
      const f = loadFixture(id);
      const p = poincare(seriesFromRr(f.rrMs));
      expect(relDiff(must(p.sd1Ms), f.num('reference/nonlinear/SD1_ms/neurokit2'))).toBeLessThan(1e-4);
      expect(relDiff(must(p.sd2Ms), f.num('reference/nonlinear/SD2_ms/neurokit2'))).toBeLessThan(1e-4);
      expect(relDiff(must(p.sd1Sd2), f.num('reference/nonlinear/SD1_SD2/neurokit2'))).toBeLessThan(1e-4);
    });
  }
});

describe('Poincaré on series known on paper', () => {
  it('is zero for a constant series, with the ratio not computable', () => {
    const p = poincare(seriesFromRr(new Array(50).fill(900)));
    expect(must(p.sd1Ms)).toBe(0);
    expect(must(p.sd2Ms)).toBe(0);
    expect(p.sd1Sd2).toEqual({ status: 'not-defined', reason: 'zero-spread' });
  });

  it('equals RMSSD / sqrt 2 for SD1 on an alternating series', () => {
    // 800, 900, 800, ...: every difference is ±100, SD1 = std of ±100/√2.
    const rr = Array.from({ length: 101 }, (_, i) => (i % 2 === 0 ? 800 : 900));
    const p = poincare(seriesFromRr(rr));
    expect(must(p.sd1Ms)).toBeCloseTo((100 / Math.SQRT2) * Math.sqrt(100 / 99), 9);
  });

  it('needs three pairs of successive beats', () => {
    expect(poincare(seriesFromRr([800, 810, 820])).sd1Ms).toEqual({
      status: 'not-enough-data',
      have: 2,
      need: 3,
      unit: 'beats',
    });
  });
});
