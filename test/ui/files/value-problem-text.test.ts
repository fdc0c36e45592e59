import { describe, expect, it } from 'vitest';
import { valueProblemText } from '../../../src/ui/files/value-problem-text';

describe('valueProblemText', () => {
  it('says what was expected and what was found', () => {
    expect(
      valueProblemText({ kind: 'wrong-type', expected: 'number', found: { type: 'text', text: 'x' } }),
    ).toBe('expected a number, found "x"');
    expect(valueProblemText({ kind: 'wrong-type', expected: 'list', found: { type: 'missing' } })).toBe(
      'expected a list, found nothing',
    );
    expect(valueProblemText({ kind: 'out-of-range', value: 8, min: 4, max: 7 })).toBe('8 is outside 4 to 7');
  });

  it('names only the bound a value passes when the other end is open (no "Infinity" or "5e-324")', () => {
    expect(valueProblemText({ kind: 'out-of-range', value: -1, min: 0, max: Infinity })).toBe(
      '-1 is below 0',
    );
    expect(valueProblemText({ kind: 'out-of-range', value: -5, min: Number.MIN_VALUE, max: 65_536 })).toBe(
      '-5 is not above 0',
    );
    expect(valueProblemText({ kind: 'out-of-range', value: 1e300, min: Number.MIN_VALUE, max: 65_536 })).toBe(
      '1e+300 is above 65536',
    );
    expect(valueProblemText({ kind: 'out-of-range', value: 900, min: -Infinity, max: 400 })).toBe(
      '900 is above 400',
    );
  });

  it("says a file that is not JSON may be cut short, the browser's words last", () => {
    expect(valueProblemText({ kind: 'malformed-json', detail: 'Unexpected end of JSON input' })).toBe(
      'this is not a whole backup: its text is not valid JSON, perhaps because the file was cut short. The browser says: Unexpected end of JSON input',
    );
  });

  it("words a backup's own checks with their figures", () => {
    expect(valueProblemText({ kind: 'count-mismatch', what: 'beats', holds: 30, says: 3 })).toBe(
      'holds 30 beats but the summary says 3',
    );
    expect(
      valueProblemText({ kind: 'too-many', what: 'session-beats', count: 500_001, limit: 500_000 }),
    ).toBe('holds 500001 beats, more than the 500000 a session may');
    expect(valueProblemText({ kind: 'breath-too-long', endMs: 3_600_000, durationMs: 29_400 })).toBe(
      'runs to 3600 s, longer than the session (29 s) can have breathed',
    );
    expect(valueProblemText({ kind: 'newer-version', version: 99, understood: 4 })).toBe(
      'backup version 99 is newer than this app understands (4)',
    );
  });
});
