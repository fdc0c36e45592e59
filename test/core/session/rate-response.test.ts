import { describe, expect, it } from 'vitest';
import { pacedBreaths, rateBands, responseByRate } from '../../../src/core/session/rate-response';
import type { BeatRecord } from '../../../src/core/session/record';

/** The pacer at time `t` s for `steps` of [rate, seconds], each a whole number of breaths. */
function pacerAt(steps: readonly Step[], t: number): { rate: number; phase: number } {
  let from = 0;
  for (const [rate, seconds] of steps) {
    if (t < from + seconds) return { rate, phase: ((t - from) % (60 / rate)) / (60 / rate) };
    from += seconds;
  }
  return { rate: NaN, phase: NaN };
}

type Step = readonly [rateBpm: number, seconds: number, swingBpm: number];

/** Beats of a heart whose rate swings by `swingBpm` peak to trough with each paced breath. */
function pacedHeart(steps: readonly Step[]): BeatRecord[] {
  const totalS = steps.reduce((a, s) => a + s[1], 0);
  const beats: BeatRecord[] = [];
  let t = 0;
  for (;;) {
    const { phase } = pacerAt(steps, t);
    const swing = steps.find((s) => s[0] === pacerAt(steps, t).rate)?.[2] ?? 0;
    const rrMs = 60_000 / (65 + (swing / 2) * Math.sin(2 * Math.PI * phase));
    t += rrMs / 1000;
    if (t >= totalS) return beats;
    const at = pacerAt(steps, t);
    beats.push({
      rrMs,
      timeMs: t * 1000,
      afterGap: false,
      artifact: 'normal',
      pacerRateBpm: at.rate,
      pacerPhase: at.phase,
    });
  }
}

describe('responseByRate', () => {
  it('gives the per-breath heart-rate swing at each rate breathed, slowest first', () => {
    const beats = pacedHeart([
      [6, 60, 6],
      [5, 60, 10],
    ]);
    const out = responseByRate(beats);
    expect(out.map((r) => r.rateBpm)).toEqual([5, 6]);
    const [five, six] = out;
    // Beats sample the swing about once a second, so the measured peak-to-trough is a little under the true one.
    expect(five?.swingBpm).toBeGreaterThan(8.5);
    expect(five?.swingBpm).toBeLessThanOrEqual(10);
    expect(six?.swingBpm).toBeGreaterThan(5);
    expect(six?.swingBpm).toBeLessThanOrEqual(6);
    // Whole breaths only: the last breath (no breath after it) is left out.
    expect(six?.breaths).toBe(6);
    expect(five?.breaths).toBe(4);
  });

  it('rebuilds breaths from the stored pacer phase', () => {
    const breaths = pacedBreaths(pacedHeart([[6, 40, 6]]));
    expect(breaths.map((b) => Math.round(b.startS))).toEqual([0, 10, 20]);
    expect(breaths.every((b) => Math.abs(b.endS - b.startS - 10) < 1e-9)).toBe(true);
  });

  it('gives nothing for beats without a pacer (an imported file) and leaves out breaths across a gap', () => {
    const imported = pacedHeart([[6, 60, 6]]).map((b) => ({ ...b, pacerRateBpm: null, pacerPhase: null }));
    expect(responseByRate(imported)).toEqual([]);
    const gapped = pacedHeart([[6, 60, 6]]).filter((b) => b.timeMs < 15_000 || b.timeMs > 38_000);
    // Breaths 0-10 s and 40-50 s stay; those touching the 15-38 s gap have no whole-breath neighbours.
    expect(pacedBreaths(gapped).map((b) => Math.round(b.startS))).toEqual([0, 40]);
  });
});

describe('rateBands', () => {
  it('pools an adaptive drift of 0.1 a minute into half-rate bands, weighted by breaths', () => {
    const drift = [
      { rateBpm: 5.8, breaths: 2, swingBpm: 8 },
      { rateBpm: 5.9, breaths: 4, swingBpm: 11 },
      { rateBpm: 6.2, breaths: 2, swingBpm: 5 },
      { rateBpm: 6.3, breaths: 3, swingBpm: 6 },
      { rateBpm: 6.7, breaths: 3, swingBpm: 6 },
    ];
    expect(rateBands(drift)).toEqual([
      { fromBpm: 5.8, toBpm: 6.2, breaths: 8, swingBpm: (16 + 44 + 10) / 8 },
      { fromBpm: 6.3, toBpm: 6.7, breaths: 6, swingBpm: 6 },
    ]);
  });

  it('keeps a single rate as it is, and nothing as nothing', () => {
    expect(rateBands([{ rateBpm: 6, breaths: 30, swingBpm: 9 }])).toEqual([
      { fromBpm: 6, toBpm: 6, breaths: 30, swingBpm: 9 },
    ]);
    expect(rateBands([])).toEqual([]);
  });
});
