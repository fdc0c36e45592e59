import { describe, expect, it } from 'vitest';
import { signalLostText } from '../../../src/ui/bluetooth/messages';
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
