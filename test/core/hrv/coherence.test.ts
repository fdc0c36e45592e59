import { describe, expect, it } from 'vitest';
import { coherence, coherenceSeries } from '../../../src/core/hrv/coherence';
import { seriesFromRr } from '../../../src/core/hrv/series';
import { Random } from '../../../src/core/random';
import { loadFixture, must, REFERENCE_FILES, relDiff, sineModulatedRr } from './fixtures';

const HM = 'coherence_heartmath_style';

describe('coherence against the reference specification (ratio 1 %, peak within 1/512 Hz)', () => {
  for (const id of REFERENCE_FILES) {
    it(`${id}: last 64 s and every 5 s`, () => {
      const f = loadFixture(id);
      const s = seriesFromRr(f.rrMs);
      const last = coherence(s.timeS, s.nnMs);
      expect(relDiff(must(last.ratio), f.num(`${HM}/last_64s_primary/coherence_ratio`))).toBeLessThan(0.01);
      expect(Math.abs(must(last.peakHz) - f.num(`${HM}/last_64s_primary/peak_freq_hz`))).toBeLessThanOrEqual(
        1 / 512,
      );
      const series = coherenceSeries(s.timeS, s.nnMs, 5);
      expect(series.length).toBe(f.num(`${HM}/series_every_5s_primary/n_windows`));
      series.forEach((w, i) => {
        const ref = `${HM}/series_every_5s_primary/windows/${i}`;
        expect(Math.abs(w.tEndS - f.num(`${ref}/t_end_s`))).toBeLessThan(1e-9);
        expect(relDiff(must(w.coherence.ratio), f.num(`${ref}/coherence_ratio`))).toBeLessThan(0.01);
        expect(Math.abs(must(w.coherence.peakHz) - f.num(`${ref}/peak_freq_hz`))).toBeLessThanOrEqual(
          1 / 512,
        );
      });
    });
  }
});

describe('coherence of signals known on paper', () => {
  it('gives 9.17 for a pure 0.1 Hz modulation, peaked at 0.1 Hz, scoring the same', () => {
    const s = seriesFromRr(sineModulatedRr(0.1, 120));
    const c = coherence(s.timeS, s.nnMs);
    expect(relDiff(must(c.ratio), 9.17)).toBeLessThan(0.01);
    expect(Math.abs(must(c.peakHz) - 0.1)).toBeLessThanOrEqual(1 / 512);
    expect(must(c.score)).toBeCloseTo(must(c.ratio), 12);
  });

  it('gives about 0.15 on average for white-noise RR', () => {
    const random = new Random(21);
    const ratios: number[] = [];
    for (let trial = 0; trial < 40; trial += 1) {
      const s = seriesFromRr(Array.from({ length: 90 }, () => 1000 + 40 * random.normal()));
      ratios.push(must(coherence(s.timeS, s.nnMs).ratio));
    }
    const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
    expect(mean).toBeGreaterThan(0.1);
    expect(mean).toBeLessThan(0.2);
  });

  it('is not-enough-data before 64 s of beats, and not defined (zero power) for a constant series', () => {
    const short = seriesFromRr(new Array(60).fill(1000));
    expect(coherence(short.timeS, short.nnMs).ratio).toEqual({
      status: 'not-enough-data',
      have: 59,
      need: 64,
      unit: 's',
    });
    const flat = seriesFromRr(new Array(100).fill(1000));
    expect(coherence(flat.timeS, flat.nnMs).ratio).toEqual({ status: 'not-defined', reason: 'zero-power' });
  });
});
