import { describe, expect, it } from 'vitest';
import { analysisText } from '../../../src/ui/session/analysis-text';

describe('analysisText', () => {
  it('says nothing while it runs, and in words otherwise', () => {
    expect(analysisText({ state: 'running' })).toBeNull();
    expect(
      analysisText({ state: 'restarted', restarts: 1, reason: { kind: 'crashed', detail: null } }),
    ).toContain('was restarted. Every beat');
    expect(
      analysisText({ state: 'restarted', restarts: 2, reason: { kind: 'crashed', detail: null } }),
    ).toContain('(2 times)');
    expect(analysisText({ state: 'failed', reason: { kind: 'crashed', detail: null } })).toContain(
      'could not be restarted',
    );
  });
});
