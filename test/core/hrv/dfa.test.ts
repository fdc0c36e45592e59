import { describe, expect, it } from 'vitest';
import { dfaAlpha1, dfaAlpha2 } from '../../../src/core/hrv/dfa';
import { Random } from '../../../src/core/random';
import { loadFixture, must, REFERENCE_FILES, relDiff } from './fixtures';

describe('DFA alpha1 (4-16) and alpha2 (16-64), overlapping windows, against nolds/NeuroKit2 (0.5 %)', () => {
  for (const id of REFERENCE_FILES) {
    it(id, () => {
      const f = loadFixture(id);
      const nl = 'reference/nonlinear';
      expect(relDiff(must(dfaAlpha1(f.rrMs)), f.num(`${nl}/DFA_alpha1_4_16/nolds`))).toBeLessThan(5e-3);
      expect(relDiff(must(dfaAlpha2(f.rrMs)), f.num(`${nl}/DFA_alpha2_16_64/nolds`))).toBeLessThan(5e-3);
    });
  }
});

describe('DFA on signals whose scaling is known', () => {
  const random = new Random(11);
  const noise = Array.from({ length: 2000 }, () => 800 + 40 * random.normal());

  it('gives about 0.5 for white noise', () => {
    expect(Math.abs(must(dfaAlpha1(noise)) - 0.5)).toBeLessThan(0.1);
    expect(Math.abs(must(dfaAlpha2(noise)) - 0.5)).toBeLessThan(0.1);
  });

  it('gives about 1.5 for a random walk (integrated white noise)', () => {
    let v = 800;
    const walk = noise.map((x) => (v += (x - 800) / 10));
    expect(Math.abs(must(dfaAlpha1(walk)) - 1.5)).toBeLessThan(0.15);
  });

  it('is not defined (zero spread) for a series that never varies, however long', () => {
    expect(dfaAlpha1(new Array(500).fill(800))).toEqual({ status: 'not-defined', reason: 'zero-spread' });
  });

  it('needs two windows of the largest size, and 256 beats for alpha2', () => {
    expect(dfaAlpha1(noise.slice(0, 31)).status).toBe('not-enough-data');
    expect(dfaAlpha1(noise.slice(0, 32)).status).toBe('ok');
    expect(dfaAlpha2(noise.slice(0, 255))).toEqual({
      status: 'not-enough-data',
      have: 255,
      need: 256,
      unit: 'beats',
    });
  });
});
