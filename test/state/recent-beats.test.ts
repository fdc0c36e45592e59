import { describe, expect, it } from 'vitest';
import { RecentBeats } from '../../src/state/recent-beats';

const beat = (timeMs: number) => ({ rrMs: 1000, timeMs, source: 'replay' as const });

describe('RecentBeats', () => {
  it('keeps only the window and numbers beats from 1 across trimming', () => {
    const recent = new RecentBeats(5000);
    for (let t = 1000; t <= 10_000; t += 1000) recent.push(beat(t));
    expect(recent.items.map((i) => i.seq)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(recent.items[0]?.beat.timeMs).toBe(5000);
  });

  it('labels beats by their session number and ignores beats already gone', () => {
    const recent = new RecentBeats(3000);
    for (let t = 1000; t <= 6000; t += 1000) recent.push(beat(t));
    recent.applyLabels([
      { seq: 1, label: 'ectopic' },
      { seq: 4, label: 'normal' },
      { seq: 5, label: 'missed' },
    ]);
    expect(recent.items.map((i) => [i.seq, i.label])).toEqual([
      [3, null],
      [4, 'normal'],
      [5, 'missed'],
      [6, null],
    ]);
  });

  it('starts again from 1 after clear', () => {
    const recent = new RecentBeats(3000);
    recent.push(beat(1000));
    recent.clear();
    expect(recent.push(beat(500)).seq).toBe(1);
  });
});
