import { describe, expect, it } from 'vitest';
import { delimiterOf, numberText, splitFields } from '../../../src/core/rr-file/fields';

describe('fields of a line', () => {
  it('takes the delimiter the line uses, tab before semicolon before comma, else spaces', () => {
    expect(delimiterOf('a\tb;c,d')).toBe('\t');
    expect(delimiterOf('a;b,c')).toBe(';');
    expect(delimiterOf('a,b')).toBe(',');
    expect(delimiterOf('812  790')).toBe(' ');
  });

  it('honours RFC 4180 quotes and trims each field', () => {
    expect(splitFields(' 1, "Polar, ""H10""" ,x', ',')).toEqual(['1', 'Polar, "H10"', 'x']);
    expect(splitFields('  812   790 ', ' ')).toEqual(['812', '790']);
  });

  it('reads comma decimals only where commas do not separate fields', () => {
    expect(numberText('0,812', ';')).toBe('0.812');
    expect(numberText('0,812', ',')).toBeNull();
    expect(numberText('1e3', ',')).toBe('1e3');
    expect(numberText('12 ms', ';')).toBeNull();
  });
});
