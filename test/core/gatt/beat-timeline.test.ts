import { describe, expect, it } from 'vitest';
import { BeatTimeline, type TimelineBeat } from '../../../src/core/gatt/beat-timeline';
import { Random } from '../../../src/core/random';

/** True beats of a heart with RR around `meanMs`, sent in packets about once a second with radio delay. */
function strapStream(seed: number, beats: number, meanMs: number) {
  const random = new Random(seed);
  const trueTimes: number[] = [];
  const rr: number[] = [];
  let t = 0;
  for (let i = 0; i < beats; i += 1) {
    const interval = meanMs + 80 * Math.sin(i / 2) + 10 * random.normal();
    t += interval;
    rr.push(interval);
    trueTimes.push(t);
  }
  const packets: { rrMs: number[]; heartRateBpm: number; arrivalMs: number }[] = [];
  let next = 0;
  for (let sendMs = 1000; next < beats; sendMs += 1000) {
    const batch: number[] = [];
    while (next < beats && (trueTimes[next] ?? Infinity) <= sendMs) batch.push(rr[next++] ?? 0);
    packets.push({ rrMs: batch, heartRateBpm: 70, arrivalMs: sendMs + 20 + 30 * random.next() });
  }
  return { trueTimes, rr, packets };
}

const times = (beats: TimelineBeat[]) => beats.map((b) => b.timeMs);

describe('BeatTimeline', () => {
  it('anchors the first packet: its last beat at the arrival, earlier beats before it by their RR', () => {
    const timeline = new BeatTimeline();
    const beats = timeline.push({ rrMs: [800, 900], heartRateBpm: 70, arrivalMs: 5000 });
    expect(beats).toEqual([
      { rrMs: 800, timeMs: 4100, heartRateBpm: 70, afterGap: false },
      { rrMs: 900, timeMs: 5000, heartRateBpm: 70, afterGap: false },
    ]);
  });

  it('chains every beat of a steady stream by RR sums: all beats kept, spacing exact, offset constant', () => {
    const { trueTimes, rr, packets } = strapStream(3, 600, 850);
    const timeline = new BeatTimeline();
    const beats = packets.flatMap((p) => timeline.push(p));
    expect(beats.map((b) => b.rrMs)).toEqual(rr);
    expect(beats.some((b) => b.afterGap)).toBe(false);
    const offsets = beats.map((b, i) => b.timeMs - (trueTimes[i] ?? 0));
    const spread = Math.max(...offsets) - Math.min(...offsets);
    expect(spread).toBeLessThan(1e-6);
    // The anchor trails the true beat by no more than one packet interval plus radio delay.
    expect(offsets[0]).toBeGreaterThanOrEqual(0);
    expect(offsets[0]).toBeLessThan(1100);
  });

  it('re-anchors after a dropped connection, marks the first beat after the gap, loses and repeats nothing', () => {
    const timeline = new BeatTimeline();
    const before = [
      ...timeline.push({ rrMs: [1000], heartRateBpm: 60, arrivalMs: 1000 }),
      ...timeline.push({ rrMs: [1000], heartRateBpm: 60, arrivalMs: 2010 }),
    ];
    timeline.markGap();
    const after = [
      ...timeline.push({ rrMs: [950, 960], heartRateBpm: 62, arrivalMs: 12_000 }),
      ...timeline.push({ rrMs: [970], heartRateBpm: 62, arrivalMs: 13_000 }),
    ];
    expect(times(before)).toEqual([1000, 2000]);
    expect(times(after)).toEqual([11_040, 12_000, 12_970]);
    expect(after.map((b) => b.afterGap)).toEqual([true, false, false]);
  });

  it('does not count a beat twice when a packet after a gap repeats beats already on the timeline', () => {
    const timeline = new BeatTimeline();
    timeline.push({ rrMs: [800], heartRateBpm: 75, arrivalMs: 1000 });
    timeline.markGap();
    const after = timeline.push({ rrMs: [800, 790], heartRateBpm: 75, arrivalMs: 1790 });
    expect(after).toEqual([{ rrMs: 790, timeMs: 1790, heartRateBpm: 75, afterGap: true }]);
  });

  it('re-anchors a chain that runs ahead of the clock and drops the beats it already has', () => {
    const timeline = new BeatTimeline();
    timeline.push({ rrMs: [1000], heartRateBpm: 60, arrivalMs: 1000 });
    expect(timeline.push({ rrMs: [1000, 1000, 1000], heartRateBpm: 60, arrivalMs: 1100 })).toEqual([]);
    expect(times(timeline.push({ rrMs: [1000], heartRateBpm: 60, arrivalMs: 2050 }))).toEqual([2000]);
  });

  it('re-anchors by itself when packets stop for longer than a packet can explain', () => {
    const timeline = new BeatTimeline();
    timeline.push({ rrMs: [900], heartRateBpm: 66, arrivalMs: 900 });
    const late = timeline.push({ rrMs: [910], heartRateBpm: 66, arrivalMs: 9000 });
    expect(late).toEqual([{ rrMs: 910, timeMs: 9000, heartRateBpm: 66, afterGap: true }]);
  });

  it('keeps chaining through small arrival jitter in both directions', () => {
    const timeline = new BeatTimeline();
    timeline.push({ rrMs: [1000], heartRateBpm: 60, arrivalMs: 1000 });
    const early = timeline.push({ rrMs: [1000], heartRateBpm: 60, arrivalMs: 1500 });
    const late = timeline.push({ rrMs: [1000], heartRateBpm: 60, arrivalMs: 4900 });
    expect([...early, ...late].map((b) => [b.timeMs, b.afterGap])).toEqual([
      [2000, false],
      [3000, false],
    ]);
  });

  it('ignores RR values that are not positive finite numbers', () => {
    const timeline = new BeatTimeline();
    expect(
      times(timeline.push({ rrMs: [Number.NaN, 0, -5, 700], heartRateBpm: 80, arrivalMs: 700 })),
    ).toEqual([700]);
  });
});

describe('BeatTimeline RR support', () => {
  it('recognises a heart-rate-only device after five seconds and four packets without RR', () => {
    const timeline = new BeatTimeline();
    const seen = [0, 1000, 2000, 3000, 4000, 5000].map((arrivalMs) => {
      timeline.push({ rrMs: [], heartRateBpm: 64, arrivalMs });
      return timeline.rrSupport;
    });
    expect(seen).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'no-rr']);
  });

  it('does not call a strap without skin contact (heart rate 0) heart-rate-only', () => {
    const timeline = new BeatTimeline();
    for (let t = 0; t <= 10_000; t += 1000) timeline.push({ rrMs: [], heartRateBpm: 0, arrivalMs: t });
    expect(timeline.rrSupport).toBe('unknown');
  });

  it('says the device sends RR as soon as one arrives, even after heart-rate-only packets', () => {
    const timeline = new BeatTimeline();
    for (let t = 0; t <= 6000; t += 1000) timeline.push({ rrMs: [], heartRateBpm: 64, arrivalMs: t });
    expect(timeline.rrSupport).toBe('no-rr');
    timeline.push({ rrMs: [940], heartRateBpm: 64, arrivalMs: 7000 });
    expect(timeline.rrSupport).toBe('sends-rr');
  });

  it('tolerates packets without a beat between RR packets at a slow heart rate', () => {
    const timeline = new BeatTimeline();
    for (let t = 0; t <= 20_000; t += 1000) {
      timeline.push({ rrMs: t % 2000 === 0 ? [1900] : [], heartRateBpm: 32, arrivalMs: t });
    }
    expect(timeline.rrSupport).toBe('sends-rr');
  });

  it('after a lost packet keeps the anchor and marks only the next beat as following a gap', () => {
    const timeline = new BeatTimeline();
    timeline.markLostPacket(); // nothing before it: nothing to break
    const first = timeline.push({ rrMs: [1000, 1000], heartRateBpm: 60, arrivalMs: 2000 });
    expect(first.map((b) => b.afterGap)).toEqual([false, false]);
    timeline.markLostPacket();
    // The lost packet held the beat at 3000 ms; the next one arrives on time for the chain.
    const next = timeline.push({ rrMs: [1000, 1000], heartRateBpm: 60, arrivalMs: 4000 });
    expect(times(next)).toEqual([3000, 4000]);
    expect(next.map((b) => b.afterGap)).toEqual([true, false]);
    const later = timeline.push({ rrMs: [1000], heartRateBpm: 60, arrivalMs: 5000 });
    expect(later.map((b) => b.afterGap)).toEqual([false]);
  });
});
