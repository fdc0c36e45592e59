import { describe, expect, it } from 'vitest';
import { BadValue, boolean, nullable, number, object, oneOf, valid } from '../../src/core/validate';

describe('validate', () => {
  it('names the path and what was expected', () => {
    expect(() => number('7', 'band.maxBpm')).toThrow('band.maxBpm: expected a number, found "7"');
    expect(() => number(8, 'band.maxBpm', 4, 7)).toThrow('band.maxBpm: 8 is outside 4..7');
    expect(() => boolean(1, 'adaptive')).toThrow('adaptive: expected true or false, found 1');
    expect(() => object([], 'cues')).toThrow('cues: expected an object, found a list');
  });

  it('takes numbers as well as words among the choices', () => {
    expect(oneOf(10, 'length', [5, 10, 'open'] as const)).toBe(10);
    expect(oneOf('open', 'length', [5, 10, 'open'] as const)).toBe('open');
    expect(() => oneOf('10', 'length', [5, 10, 'open'] as const)).toThrow(BadValue);
  });

  it('valid gives the checked value or undefined, and lets errors that are not BadValue through', () => {
    expect(valid(nullable(number), null)).toBeNull();
    expect(valid(nullable(number), 2.5)).toBe(2.5);
    expect(valid(number, Number.NaN)).toBeUndefined();
    expect(() =>
      valid(() => {
        throw new TypeError('a bug');
      }, 1),
    ).toThrow(TypeError);
  });
});
