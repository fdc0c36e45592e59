import { describe, expect, it } from 'vitest';
import { addPowerSpectra, fft, powerSpectrum } from '../../../src/core/hrv/fft';
import { Random } from '../../../src/core/random';

describe('radix-2 FFT', () => {
  it('transforms an impulse into a flat spectrum', () => {
    const re = new Float64Array(16);
    const im = new Float64Array(16);
    re[0] = 1;
    fft(re, im);
    expect([...re]).toEqual(new Array(16).fill(1));
    expect([...im].every((v) => v === 0)).toBe(true);
  });

  it('agrees with the direct DFT on a seeded random signal', () => {
    const n = 64;
    const random = new Random(7);
    const x = Array.from({ length: n }, () => random.normal());
    const re = Float64Array.from(x);
    const im = new Float64Array(n);
    fft(re, im);
    for (let k = 0; k < n; k += 1) {
      let dr = 0;
      let di = 0;
      for (let j = 0; j < n; j += 1) {
        dr += (x[j] ?? 0) * Math.cos((2 * Math.PI * k * j) / n);
        di -= (x[j] ?? 0) * Math.sin((2 * Math.PI * k * j) / n);
      }
      expect(re[k]).toBeCloseTo(dr, 9);
      expect(im[k]).toBeCloseTo(di, 9);
    }
  });

  it('adds the power spectra of two real signals from one complex transform', () => {
    const random = new Random(3);
    const x = Array.from({ length: 40 }, () => random.normal());
    const y = Array.from({ length: 40 }, () => random.normal());
    const work = { re: new Float64Array(64), im: new Float64Array(64) };
    const sum = new Float64Array(33);
    addPowerSpectra(x, y, 64, work, sum);
    const px = powerSpectrum(x, 64);
    const py = powerSpectrum(y, 64);
    sum.forEach((v, k) => expect(v).toBeCloseTo((px[k] ?? 0) + (py[k] ?? 0), 9));
  });

  it('rejects a length that is not a power of two', () => {
    expect(() => fft(new Float64Array(6), new Float64Array(6))).toThrow(RangeError);
  });
});
