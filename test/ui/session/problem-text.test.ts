import { describe, expect, it } from 'vitest';
import { HELD_ELSEWHERE_TEXT, sessionProblemText } from '../../../src/ui/session/problem-text';
import { readingProblemText } from '../../../src/ui/reading/reading-text';

describe('words for a session or reading that could not run', () => {
  it('says another tab runs a session, for both the session and the reading', () => {
    expect(HELD_ELSEWHERE_TEXT).toMatch(/another Resonance tab/);
    expect(sessionProblemText({ kind: 'held-elsewhere' })).toBe(HELD_ELSEWHERE_TEXT);
    expect(readingProblemText({ kind: 'held-elsewhere' })).toBe(HELD_ELSEWHERE_TEXT);
  });

  it("shows the source's own error text, or a plain sentence when it had none", () => {
    expect(sessionProblemText({ kind: 'source-failed', detail: 'GATT operation failed' })).toBe(
      'GATT operation failed',
    );
    expect(sessionProblemText({ kind: 'source-failed', detail: null })).toBe('The heart source failed.');
    expect(readingProblemText({ kind: 'source-failed', detail: null })).toBe(
      'The reading stopped: The heart source failed.',
    );
    expect(sessionProblemText({ kind: 'analysis-failed', detail: 'out of memory' })).toBe(
      'HRV analysis failed: out of memory',
    );
  });

  it('asks for the breathing session to stop before a reading', () => {
    expect(readingProblemText({ kind: 'session-here' })).toMatch(/breathing session is running/);
  });
});
