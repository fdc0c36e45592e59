import { describe, expect, it } from 'vitest';
import { BadValue, boolean, nullable, number, object, oneOf, string, valid } from '../../src/core/validate';

describe('validate', () => {
  it('names the path and what was expected, as a typed problem', () => {
    const problem = (check: () => unknown) => {
      try {
        check();
      } catch (error) {
        if (error instanceof BadValue) return { path: error.path, problem: error.problem };
      }
      return null;
    };
    expect(problem(() => number('7', 'band.maxBpm'))).toEqual({
      path: 'band.maxBpm',
      problem: { kind: 'wrong-type', expected: 'number', found: { type: 'text', text: '7' } },
    });
    expect(problem(() => number(8, 'band.maxBpm', 4, 7))).toEqual({
      path: 'band.maxBpm',
      problem: { kind: 'out-of-range', value: 8, min: 4, max: 7 },
    });
    expect(problem(() => boolean(1, 'adaptive'))?.problem).toEqual({
      kind: 'wrong-type',
      expected: 'boolean',
      found: { type: 'number', text: '1' },
    });
    expect(problem(() => object([], 'cues'))?.problem).toEqual({
      kind: 'wrong-type',
      expected: 'object',
      found: { type: 'list' },
    });
    expect(problem(() => string('x'.repeat(40), 'note', 10))?.problem).toEqual({
      kind: 'too-long',
      maxLength: 10,
    });
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
