import { describe, expect, it } from 'vitest';
import { peakOfResponse } from '../../../../src/core/pacer/assessment/peak';

const rates = [6.5, 6, 5.5, 5, 4.5];
const gaussian = (centre: number) => rates.map((r) => 10 * Math.exp(-((r - centre) ** 2) / 1.2));

describe('peakOfResponse', () => {
  it('finds the centre of a Gaussian-shaped response between the steps', () => {
    const peak = peakOfResponse(rates, gaussian(5.3));
    expect(peak?.edge).toBeNull();
    expect(peak?.rateBpm).toBeCloseTo(5.3, 9);
  });

  it('says "at or beyond" the end when the response still rises toward it', () => {
    expect(peakOfResponse(rates, gaussian(4.0))).toEqual({ rateBpm: 4.5, edge: 'below' });
    expect(peakOfResponse(rates, gaussian(7.2))).toEqual({ rateBpm: 6.5, edge: 'above' });
    expect(peakOfResponse(rates, [1, 2, 3, 4, 5])).toMatchObject({ rateBpm: 4.5, edge: 'below' });
  });

  it('holds a nearly flat, noisy fit to a peak at least as sharp as MIN_CURVATURE instead of throwing it to an end', () => {
    // Measured steps of one simulated person (truth 5.95/min): the free fit is almost flat and puts the peak at 6.5.
    const peak = peakOfResponse(rates, [13.7, 14.3, 12.3, 9.8, 9.9]);
    expect(peak?.edge).toBeNull();
    expect(peak?.rateBpm).toBeGreaterThan(5.8);
    expect(peak?.rateBpm).toBeLessThan(6.3);
  });

  it('moves a truly broad peak toward the middle of the rates, never past the truth', () => {
    const broad = rates.map((r) => Math.exp(-0.1 * (r - 6.2) ** 2));
    const peak = peakOfResponse(rates, broad);
    expect(peak?.rateBpm).toBeGreaterThan(5.5);
    expect(peak?.rateBpm).toBeLessThan(6.2);
  });

  it('weights each step by its squared response, so the tails of a non-Gaussian curve barely pull the peak', () => {
    // A peak at 5.5 with one tail much heavier than a Gaussian's (as a direct respiratory path makes it).
    const skewed = [6, 9, 14, 8.5, 7.5];
    const peak = peakOfResponse(rates, skewed);
    expect(Math.abs((peak?.rateBpm ?? 0) - 5.5)).toBeLessThan(0.2);
  });

  it('uses what there is: steps without a response are left out; none gives null', () => {
    expect(peakOfResponse(rates, [null, 8, 10, null, null])).toEqual({ rateBpm: 5.5, edge: null });
    expect(peakOfResponse(rates, [null, null, null, null, null])).toBeNull();
  });
});
