import { describe, expect, it } from 'vitest';
import type { ExpectedValue } from '../../../src/core/rr-file/problems';
import { fileProblemText } from '../../../src/ui/files/file-problem-text';

describe('fileProblemText', () => {
  it('names the file, the line, the column and what the column must hold', () => {
    expect(
      fileProblemText('beats.csv', {
        kind: 'bad-value',
        line: 3,
        column: 'time_s',
        text: '0.5',
        expected: 'not-earlier',
      }),
    ).toBe('beats.csv, line 3: "0.5" in column time_s, expected a time no earlier than the beat before.');
  });

  it('names a column by its header, or by its place in a file without one, saying "column" once', () => {
    expect(fileProblemText('rr.txt', { kind: 'not-a-number', line: 2, column: 1, text: 'NaN' })).toBe(
      'rr.txt, line 2: "NaN" is not a number (column 1).',
    );
    expect(fileProblemText('rr.csv', { kind: 'missing-value', line: 3, column: 'RR' })).toBe(
      'rr.csv, line 3: no value in column RR.',
    );
  });

  it('words every kind of value a column of the own CSV expects, each differently', () => {
    const kinds: ExpectedValue[] = [
      'seconds',
      'not-earlier',
      'flag',
      'beat-label',
      'pacer-rate',
      'pacer-phase',
      'breath',
    ];
    const words = kinds.map((expected) =>
      fileProblemText('x.csv', { kind: 'bad-value', line: 2, column: 'c', text: 't', expected }),
    );
    expect(new Set(words).size).toBe(kinds.length);
    expect(words.at(-1)).toContain('±16000 mG');
  });
});
