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

  it('uses what there is: steps without a response are left out; none gives null', () => {
    expect(peakOfResponse(rates, [null, 8, 10, null, null])).toEqual({ rateBpm: 5.5, edge: null });
    expect(peakOfResponse(rates, [null, null, null, null, null])).toBeNull();
  });
});
