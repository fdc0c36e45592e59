import { describe, expect, it } from 'vitest';
import { analyzeRecording, ENTROPY_MAX_BEATS } from '../../../src/core/hrv/analysis';
import { BeatLabel } from '../../../src/core/hrv/artifacts';
import { entropy } from '../../../src/core/hrv/entropy';
import {
  holdToReference,
  loadFixture,
  LOMB_CHECKS,
  must,
  NONLINEAR_CHECKS,
  REFERENCE_FILES,
  relDiff,
  TIME_DOMAIN_CHECKS,
  WELCH_CHECKS,
} from './fixtures';

const HM = 'coherence_heartmath_style/last_64s_primary';

describe('whole-recording analysis without correction, every metric held to the README tolerances', () => {
  for (const id of REFERENCE_FILES) {
    it(id, () => {
      const f = loadFixture(id);
      const r = analyzeRecording(f.rrMs, { correct: false });
      holdToReference(f, r.timeDomain, TIME_DOMAIN_CHECKS);
      holdToReference(f, r.frequencyDomain.welch, WELCH_CHECKS);
      holdToReference(f, r.frequencyDomain.lomb, LOMB_CHECKS);
      holdToReference(f, r.nonlinear, NONLINEAR_CHECKS);
      expect(relDiff(must(r.coherence.ratio), f.num(`${HM}/coherence_ratio`))).toBeLessThan(0.01);
      expect(Math.abs(must(r.coherence.peakHz) - f.num(`${HM}/peak_freq_hz`))).toBeLessThanOrEqual(1 / 512);
      expect(r.beats).toBe(f.rrMs.length);
      expect(r.durationS).toBeCloseTo(f.rrMs.reduce((a, b) => a + b, 0) / 1000, 9);
    });
  }
});

describe('whole-recording analysis of the injected file', () => {
  const f = loadFixture('polar_h10_dhyb_injected');

  it('reports the flagged intervals as input indices and their share', () => {
    const r = analyzeRecording(f.rrMs);
    for (const k of f.numbers('injected_rr_indices_all')) {
      const partner = k === 216 ? 217 : k === 217 ? 216 : k;
      expect(r.artifacts.indices.includes(k) || r.artifacts.indices.includes(partner), `RR ${k}`).toBe(true);
    }
    expect(r.artifacts.percent).toBeCloseTo((100 * r.artifacts.count) / f.rrMs.length, 12);
    expect(r.artifacts.labels[124]).toBe(BeatLabel.missed);
  });

  it('corrects by default and not when asked', () => {
    const corrected = analyzeRecording(f.rrMs);
    const raw = analyzeRecording(f.rrMs, { correct: false });
    const uncorrected = 'metrics_neurokit2/injected_uncorrected';
    expect(relDiff(must(raw.timeDomain.rmssdMs), f.num(`${uncorrected}/RMSSD_ms`))).toBeLessThan(1e-4);
    expect(must(corrected.timeDomain.rmssdMs)).toBeLessThan(0.5 * must(raw.timeDomain.rmssdMs));
  });
});

describe('whole-recording analysis of bad and short input', () => {
  it('labels every bad value and reports not-enough-data instead of NaN', () => {
    const r = analyzeRecording([Number.NaN, 800, Number.POSITIVE_INFINITY, -3, 0]);
    expect(r.artifacts.indices).toEqual([0, 2, 3, 4]);
    expect(r.timeDomain.sdnnMs.status).toBe('not-enough-data');
    expect(r.frequencyDomain.welch.lfMs2.status).toBe('not-enough-data');
    expect(r.nonlinear.dfaAlpha1.status).toBe('not-enough-data');
    expect(r.coherence.ratio.status).toBe('not-enough-data');
    expect(r.durationS).toBeCloseTo(0.8, 12);
  });

  it('gives an empty report for no beats', () => {
    const r = analyzeRecording([]);
    expect(r.beats).toBe(0);
    expect(r.artifacts.percent).toBe(0);
    expect(r.timeDomain.meanNnMs.status).toBe('not-enough-data');
  });
});

describe('whole-recording analysis of a day', () => {
  it('analyses 24 hours of beats without running out of stack', () => {
    const rr = Array.from({ length: 110_000 }, (_, i) => 800 + 40 * Math.sin(i / 4) + ((i * 7919) % 11));
    const r = analyzeRecording(rr, { correct: false });
    expect(r.beats).toBe(110_000);
    expect(must(r.timeDomain.minHrBpm)).toBeLessThan(must(r.timeDomain.maxHrBpm));
    expect(must(r.timeDomain.triangularIndex)).toBeGreaterThan(1);
    // Entropy is bounded to the last ENTROPY_MAX_BEATS beats.
    expect(r.nonlinear.sampleEntropy).toEqual(entropy(rr.slice(-ENTROPY_MAX_BEATS)).sampleEntropy);
  });
});
