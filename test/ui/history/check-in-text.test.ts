import { describe, expect, it } from 'vitest';
import { checkInQuestion, notePlaceholder } from '../../../src/ui/history/check-in-text';

describe('check-in words', () => {
  it('asks in the present around a session, and of a past session in the past', () => {
    expect(checkInQuestion('before', 'now')).toBe('How stressed are you now?');
    expect(checkInQuestion('after', 'now')).toBe('How stressed are you now?');
    expect(checkInQuestion('before', 'past')).toBe('How stressed did you feel before this session?');
    expect(checkInQuestion('after', 'past')).toBe('How stressed did you feel after this session?');
    for (const moment of ['before', 'after'] as const) {
      expect(checkInQuestion(moment, 'past')).not.toMatch(/\bnow\b|\bare you\b|\bdo you\b/);
    }
  });

  it('gives the note after a session an example of its own', () => {
    expect(notePlaceholder('before')).not.toBe(notePlaceholder('after'));
    expect(notePlaceholder('after')).not.toBe('');
  });
});
