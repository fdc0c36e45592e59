import { describe, expect, it } from 'vitest';
import { RecentBeats } from '../../src/state/recent-beats';

/** The session's beat numbered `seq`, a beat a second. */
const beat = (seq: number) => ({ seq, rrMs: 1000, timeMs: seq * 1000, source: 'replay' as const });

describe('RecentBeats', () => {
  it('keeps only the window, each beat with the number the session gave it', () => {
    const recent = new RecentBeats(5000);
    for (let seq = 1; seq <= 10; seq += 1) recent.push(beat(seq));
    expect(recent.items.map((i) => i.beat.seq)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(recent.items[0]?.beat.timeMs).toBe(5000);
  });

  it('labels beats by their session number and ignores beats already gone', () => {
    const recent = new RecentBeats(3000);
    for (let seq = 1; seq <= 6; seq += 1) recent.push(beat(seq));
    recent.applyLabels([
      { seq: 1, label: 'ectopic' },
      { seq: 4, label: 'normal' },
      { seq: 5, label: 'missed' },
      { seq: 9, label: 'long' },
    ]);
    expect(recent.items.map((i) => [i.beat.seq, i.label])).toEqual([
      [3, null],
      [4, 'normal'],
      [5, 'missed'],
      [6, null],
    ]);
  });

  it('is empty after clear, and labels the next session’s beats by their own numbers', () => {
    const recent = new RecentBeats(3000);
    recent.push(beat(7));
    recent.clear();
    expect(recent.items).toEqual([]);
    recent.push(beat(1));
    recent.applyLabels([{ seq: 1, label: 'normal' }]);
    expect(recent.items.map((i) => i.label)).toEqual(['normal']);
  });
});
