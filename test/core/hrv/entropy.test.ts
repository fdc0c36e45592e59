import { describe, expect, it } from 'vitest';
import { entropy } from '../../../src/core/hrv/entropy';
import { sampleStd } from '../../../src/core/hrv/series';
import { Random } from '../../../src/core/random';
import { loadFixture, must, REFERENCE_FILES, relDiff } from './fixtures';

describe('sample and approximate entropy against NeuroKit2/antropy (0.1 %)', () => {
  for (const id of REFERENCE_FILES) {
    it(id, () => {
      const f = loadFixture(id);
      const e = entropy(f.rrMs);
      const nl = 'reference/nonlinear';
      expect(relDiff(must(e.sampleEntropy), f.num(`${nl}/SampEn_m2_r0.2SD/antropy`))).toBeLessThan(1e-3);
      expect(relDiff(must(e.approximateEntropy), f.num(`${nl}/ApEn_m2_r0.2SD/antropy`))).toBeLessThan(1e-3);
    });
  }
});

/** SampEn straight from its definition, all pairs compared. */
function sampleEntropyByDefinition(x: number[]): number {
  const r = 0.2 * sampleStd(x);
  const n = x.length;
  let a = 0;
  let b = 0;
  for (let i = 0; i < n - 2; i += 1)
    for (let j = i + 1; j < n - 2; j += 1) {
      const m2 = Math.abs((x[i] ?? 0) - (x[j] ?? 0)) <= r && Math.abs((x[i + 1] ?? 0) - (x[j + 1] ?? 0)) <= r;
      if (!m2) continue;
      b += 1;
      if (Math.abs((x[i + 2] ?? 0) - (x[j + 2] ?? 0)) <= r) a += 1;
    }
  return -Math.log(a / b);
}

describe('entropy on series known on paper', () => {
  it('matches the all-pairs definition on seeded noise', () => {
    const random = new Random(5);
    const x = Array.from({ length: 400 }, () => 800 + 50 * random.normal());
    expect(must(entropy(x).sampleEntropy)).toBeCloseTo(sampleEntropyByDefinition(x), 12);
  });

  it('is lower for a regular rhythm than for noise', () => {
    const random = new Random(9);
    const noise = Array.from({ length: 300 }, () => 800 + 50 * random.normal());
    const regular = Array.from({ length: 300 }, (_, i) => 800 + 50 * Math.sin(i / 2) + random.normal());
    expect(must(entropy(regular).sampleEntropy)).toBeLessThan(must(entropy(noise).sampleEntropy));
    expect(must(entropy(regular).approximateEntropy)).toBeLessThan(must(entropy(noise).approximateEntropy));
  });

  it('is not defined (no matches), not short of data, when no two stretches of two beats match', () => {
    // Five levels 100 ms apart (tolerance 0.2 SD, about 29 ms) in a de Bruijn order: each ordered pair of
    // neighbouring levels occurs once, so no template of two beats matches another.
    const order = [0, 0, 1, 0, 2, 0, 3, 0, 4, 1, 1, 2, 1, 3, 1, 4, 2, 2, 3, 2, 4, 3, 3, 4, 4];
    const e = entropy(order.map((level) => 600 + 100 * level));
    expect(e.sampleEntropy).toEqual({ status: 'not-defined', reason: 'no-matches' });
  });

  it('is zero for a constant series and not-enough-data when short', () => {
    const e = entropy(new Array(50).fill(800));
    expect(must(e.sampleEntropy)).toBe(0);
    expect(must(e.approximateEntropy)).toBeCloseTo(0, 12);
    expect(entropy([800, 810, 790]).sampleEntropy.status).toBe('not-enough-data');
  });
});
