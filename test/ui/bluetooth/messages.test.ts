import { describe, expect, it } from 'vitest';
import { problemMessage, signalLostText } from '../../../src/ui/bluetooth/messages';
import { statusText } from '../../../src/ui/session/status-text';

describe('words for a strap that does not come back', () => {
  it('says for how many minutes the source kept trying', () => {
    const status = { state: 'signal-lost', reason: 'not-back', keptTryingMs: 5 * 60_000 } as const;
    expect(signalLostText(status)).toBe('The strap has not come back for 5 minutes.');
    expect(statusText(status, 'Polar H10')).toBe(
      'Signal lost from Polar H10: The strap has not come back for 5 minutes.',
    );
  });
});

describe('words for a strap that did not answer', () => {
  it('gives the browser’s reason, or the time limit that ran out', () => {
    expect(problemMessage({ kind: 'connect-failed', message: 'GATT error.' }).detail).toMatch(
      /\(GATT error\.\)$/,
    );
    const timedOut = problemMessage({
      kind: 'connect-failed',
      timedOut: { waitedFor: 'connect', afterMs: 20_000 },
    });
    expect(timedOut.title).toBe('The strap did not answer.');
    expect(timedOut.detail).toMatch(/\(No answer within 20 s\.\)$/);
  });
});
