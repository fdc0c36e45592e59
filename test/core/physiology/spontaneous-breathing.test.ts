import { describe, expect, it } from 'vitest';
import { spontaneousBreathingOf } from '../../../src/core/physiology/spontaneous-breathing';

/** Breath starts: the times the volume turns from falling to rising, sampled every 10 ms. */
function breathStarts(at: (t: number) => number, seconds: number): number[] {
  const starts: number[] = [];
  let prev = at(0);
  let falling = false;
  for (let t = 0.01; t < seconds; t += 0.01) {
    const v = at(t);
    if (falling && v > prev) starts.push(t);
    falling = v < prev;
    prev = v;
  }
  return starts;
}

describe('spontaneous breathing', () => {
  it('breathes 12-16 times a minute with breath lengths that differ', () => {
    const at = spontaneousBreathingOf({ seed: 7 });
    const starts = breathStarts(at, 600);
    const periods = starts.slice(1).map((s, i) => s - (starts[i] ?? 0));
    for (const p of periods) {
      expect(p).toBeGreaterThanOrEqual(60 / 16 - 0.05);
      expect(p).toBeLessThanOrEqual(60 / 12 + 0.05);
    }
    const rate = (60 * periods.length) / (starts[starts.length - 1]! - starts[0]!);
    expect(rate).toBeGreaterThan(12.5);
    expect(rate).toBeLessThan(15.5);
    const distinct = new Set(periods.map((p) => p.toFixed(2)));
    expect(distinct.size).toBeGreaterThan(periods.length / 2);
  });

  it('keeps the volume within 0..1 and is the same for the same seed, in any order of asking', () => {
    const a = spontaneousBreathingOf({ seed: 3 });
    const b = spontaneousBreathingOf({ seed: 3 });
    const late = b(100);
    for (let t = 0; t < 120; t += 0.37) {
      const v = a(t);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(a(100)).toBe(late);
    expect(a(-5)).toBe(a(0));
    expect(spontaneousBreathingOf({ seed: 4 })(100)).not.toBe(late);
  });
});
