import { describe, expect, it } from 'vitest';
import { heartRateSummaryText } from '../../../src/ui/hr-only/hr-only-text';
import { makeSession } from '../../adapters/storage/fixtures';

describe('heartRateSummaryText', () => {
  const watch = (meanSwingBpm: number | null) => {
    const session = makeSession('w', 0, { signal: 'heart-rate' });
    return { ...session, summary: { ...session.summary, meanSwingBpm } };
  };

  it('says the average swing, then what was measured, as two sentences with a space between', () => {
    const text = heartRateSummaryText(watch(16.94));
    expect(text).toMatch(
      /^Your heart rate rose and fell by 16\.9 bpm a breath on average\. Measured from heart rate only/,
    );
    expect(text).not.toMatch(/[a-z)]\.[A-Z]/);
  });

  it('says only what was measured when no breath gave a swing', () => {
    expect(heartRateSummaryText(watch(null))).toMatch(/^Measured from heart rate only/);
  });
});
