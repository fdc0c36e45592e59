import { describe, expect, it } from 'vitest';
import { countOf, pluralWord } from '../../src/ui/plural';

describe('countOf', () => {
  it('picks one or other by the plural rule, with the number grouped', () => {
    expect(countOf(1, 'day', 'days')).toBe('1 day');
    expect(countOf(0, 'day', 'days')).toBe('0 days');
    expect(countOf(2, 'session', 'sessions')).toBe('2 sessions');
    expect(countOf(1250, 'beat', 'beats')).toBe('1,250 beats');
    // English: only exactly one is singular; 1.5 and 21 are plural.
    expect(countOf(1.5, 'minute', 'minutes')).toBe('1.5 minutes');
    expect(countOf(21, 'day', 'days')).toBe('21 days');
  });

  it('pluralWord gives the word alone', () => {
    expect(pluralWord(1, 'breath', 'breaths')).toBe('breath');
    expect(pluralWord(7, 'breath', 'breaths')).toBe('breaths');
  });
});
