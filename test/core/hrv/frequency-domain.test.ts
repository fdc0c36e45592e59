import { describe, expect, it } from 'vitest';
import { frequencyDomain } from '../../../src/core/hrv/frequency-domain';
import { seriesFromRr } from '../../../src/core/hrv/series';
import {
  holdToReference,
  loadFixture,
  LOMB_CHECKS,
  must,
  REFERENCE_FILES,
  sineModulatedRr,
  WELCH_CHECKS,
} from './fixtures';

describe('Welch (hrvanalysis_welch_default, 1 %) and Lomb-Scargle (2 %) against the references', () => {
  for (const id of REFERENCE_FILES) {
    it(id, () => {
      const f = loadFixture(id);
      const fd = frequencyDomain(seriesFromRr(f.rrMs));
      holdToReference(f, fd.welch, WELCH_CHECKS);
      holdToReference(f, fd.lomb, LOMB_CHECKS);
    });
  }
});

describe('spectra of signals known on paper', () => {
  it('puts the LF peak of a 0.1 Hz modulation at 0.1 Hz, with nearly all power in LF', () => {
    const fd = frequencyDomain(seriesFromRr(sineModulatedRr(0.1, 300, 50)));
    expect(Math.abs(must(fd.welch.lfPeakHz) - 0.1)).toBeLessThanOrEqual(1 / 1024);
    expect(Math.abs(must(fd.lomb.lfPeakHz) - 0.1)).toBeLessThanOrEqual(1 / 600);
    expect(must(fd.welch.lfNu)).toBeGreaterThan(95);
    expect(must(fd.welch.dominantPeakPerMin)).toBeCloseTo(6, 0);
  });

  it('puts a 0.25 Hz modulation in HF and reads a 15 breaths/min rate', () => {
    const fd = frequencyDomain(seriesFromRr(sineModulatedRr(0.25, 300, 30)));
    expect(Math.abs(must(fd.welch.hfPeakHz) - 0.25)).toBeLessThanOrEqual(1 / 1024);
    expect(must(fd.welch.hfNu)).toBeGreaterThan(95);
    expect(Math.abs(must(fd.welch.dominantPeakPerMin) - 15)).toBeLessThan(0.1);
  });

  it('gives a constant series zero power and leaves its ratios not computable', () => {
    const fd = frequencyDomain(seriesFromRr(new Array(400).fill(800)));
    expect(must(fd.welch.totalMs2)).toBe(0);
    expect(fd.welch.lfHf).toEqual({ status: 'not-defined', reason: 'zero-power' });
  });

  it('needs two minutes of beats', () => {
    const fd = frequencyDomain(seriesFromRr(new Array(100).fill(1000)));
    expect(fd.welch.lfMs2).toEqual({ status: 'not-enough-data', have: 99, need: 120, unit: 's' });
  });
});
