import { describe, expect, it } from 'vitest';
import {
  comparisonText,
  feelingText,
  meaningText,
  rateResponseText,
} from '../../../src/ui/session/summary-text';

describe('summary words', () => {
  it('says the swing at each rate and what the largest one means', () => {
    expect(rateResponseText({ fromBpm: 6, toBpm: 6, breaths: 12, swingBpm: 9.4 })).toBe(
      'At 6.0 breaths a minute your heart rate rose and fell by 9 bpm with each breath.',
    );
    expect(rateResponseText({ fromBpm: 5.8, toBpm: 6.2, breaths: 12, swingBpm: 7.6 })).toBe(
      'At 5.8 to 6.2 breaths a minute your heart rate rose and fell by 8 bpm with each breath.',
    );
    expect(meaningText([])).toMatch(/too short/);
    expect(meaningText([{ rateBpm: 6, breaths: 3, swingBpm: 12 }])).toMatch(/strongly/);
    expect(meaningText([{ rateBpm: 6, breaths: 3, swingBpm: 3 }])).toMatch(/only a little/);
  });

  it('compares with recent sessions in plain words', () => {
    expect(comparisonText({ kind: 'first', shorterEarlier: 0 })).toBe(
      'This is your first session: the next ones will be compared with it.',
    );
    expect(comparisonText({ kind: 'first', shorterEarlier: 2 })).toBe(
      'This is your first session of a minute or more: the next ones will be compared with it.',
    );
    expect(comparisonText({ kind: 'too-short', minMs: 60_000 })).toBe(
      'Sessions of a minute or more are compared with your recent ones; this one was shorter.',
    );
    expect(
      comparisonText({
        kind: 'compared',
        count: 5,
        heartRateDiffBpm: -3.2,
        rmssdRatio: 1.3,
        coherenceDiff: null,
      }),
    ).toBe(
      'Your heart rate was 3 bpm lower than in your last 5 sessions, and its beat-to-beat variation was higher than usual, a sign of a relaxed heart.',
    );
    expect(
      comparisonText({
        kind: 'compared',
        count: 1,
        heartRateDiffBpm: 0.3,
        rmssdRatio: null,
        coherenceDiff: null,
      }),
    ).toBe('Your heart rate was about the same as in your one earlier session.');
  });

  it('puts the before and after check-ins side by side', () => {
    expect(feelingText({ stress: 7, note: '' }, { stress: 4, note: '' })).toBe(
      'Stress 7 before, 4 after: calmer.',
    );
    expect(feelingText(null, null)).toBeNull();
    expect(feelingText({ stress: 5, note: '' }, null)).toBe('Stress 5 before the session.');
  });
});
