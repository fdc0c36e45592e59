import { describe, expect, it } from 'vitest';
import type { AccelerationChunk, Beat, HeartStatus } from '../../../src/core/heart/types';
import { beatsCsv } from '../../../src/core/export/session-text';
import { ChestBreathingTracker } from '../../../src/core/respiration/chest-breathing';
import { ReplaySource } from '../../../src/adapters/sources/replay-source';
import { SimulatedHeartSource } from '../../../src/adapters/sources/simulated-source';
import { parseRrText } from '../../../src/core/rr-file/reader';
import { evenBeats } from '../../core/export/beats';

function collector() {
  const beats: Beat[] = [];
  const statuses: HeartStatus['state'][] = [];
  return {
    beats,
    statuses,
    listener: { beat: (b: Beat) => beats.push(b), status: (s: HeartStatus) => statuses.push(s.state) },
  };
}

describe('ReplaySource', () => {
  it('releases beats when their time comes, faster than real time at speed > 1, then finishes', async () => {
    let nowMs = 0;
    const source = new ReplaySource('test.txt', [1000, 800, 1200], { speed: 4, now: () => nowMs });
    const c = collector();
    await source.start(c.listener);
    expect(c.statuses).toEqual(['connecting', 'live']);
    nowMs = 240; // 960 ms of playback
    source.tick();
    expect(c.beats).toHaveLength(0);
    nowMs = 250; // 1000 ms
    source.tick();
    expect(c.beats.map((b) => b.timeMs)).toEqual([1000]);
    nowMs = 750; // 3000 ms: every beat is due and the file is over
    source.tick();
    expect(c.beats.map((b) => [b.rrMs, b.timeMs, b.source])).toEqual([
      [1000, 1000, 'replay'],
      [800, 1800, 'replay'],
      [1200, 3000, 'replay'],
    ]);
    expect(c.statuses.at(-1)).toBe('ended');
  });

  it('plays a read file with its own beat times and gaps (this app’s CSV, an impossible value left out)', async () => {
    const read = parseRrText(
      'time_s,rr_ms,after_gap,artifact,pacer_rate_bpm,pacer_phase\n1,1000,0,normal,,\n1.8,800,0,normal,,\n7,1200,1,normal,,\n',
    );
    if (!read.ok) throw new Error(read.error.kind);
    const fromText = parseRrText('rr\n1000\n64000\n800\n');
    if (!fromText.ok) throw new Error(fromText.error.kind);
    for (const [file, expected] of [
      [
        read.value,
        [
          [1000, 1000, false],
          [800, 1800, false],
          [1200, 7000, true],
        ],
      ],
      [
        fromText.value,
        [
          [1000, 1000, false],
          [800, 1800, true],
        ],
      ],
    ] as const) {
      let nowMs = 0;
      const source = new ReplaySource('r.csv', file.beats, { now: () => nowMs });
      const c = collector();
      await source.start(c.listener);
      nowMs = 60_000;
      source.tick();
      expect(c.beats.map((b) => [b.rrMs, b.timeMs, b.afterGap ?? false])).toEqual(expected);
    }
  });

  it('plays the measured breath column of its own CSV as chest motion that measures as that breath', async () => {
    // A recording at 72 bpm whose person breathed at 5.5/min; the breath unmeasured between 40 and 50 s.
    const beats = evenBeats(100, 833, 5.5);
    const values = Float32Array.from({ length: 4 * 90 }, (_, k) =>
      k >= 160 && k < 200 ? Number.NaN : 30 * Math.sin((2 * Math.PI * 5.5 * (k / 4)) / 60),
    );
    const read = parseRrText(beatsCsv(beats, { startMs: 0, values }));
    if (!read.ok) throw new Error(read.error.kind);
    expect(read.value.breath).toHaveLength(100);
    let nowMs = 0;
    const source = new ReplaySource(
      'breath.csv',
      { ...read.value.beats, breath: read.value.breath },
      { now: () => nowMs },
    );
    const chunks: AccelerationChunk[] = [];
    await source.start({ ...collector().listener, acceleration: (c) => chunks.push(c) });
    for (nowMs = 0; nowMs <= 90_000; nowMs += 250) source.tick();
    const times = chunks.flatMap((c) => Array.from(c.timeMs));
    // Every 100 ms, in order, nothing in the hole.
    expect(times.every((t, i) => i === 0 || t > times[i - 1]!)).toBe(true);
    expect(times.filter((t) => t > 41_000 && t < 49_000)).toEqual([]);
    expect(times.length).toBeGreaterThan(700);
    const tracker = new ChestBreathingTracker();
    for (const c of chunks)
      if (c.timeMs[0]! > 50_000)
        tracker.push({ timeS: Array.from(c.timeMs, (t) => t / 1000), xyzMg: c.xyzMg });
    const breathing = tracker.analyse();
    if (breathing.status !== 'ok') throw new Error(breathing.reason);
    expect(Math.abs(breathing.rateBpm - 5.5)).toBeLessThan(0.3);
  });

  it('plays no chest motion for a recording without a breath', async () => {
    const source = new ReplaySource(
      'r',
      { rrMs: [1000, 1000], timeMs: [1000, 2000], gaps: [] },
      { now: () => 5000 },
    );
    const chunks: AccelerationChunk[] = [];
    await source.start({ ...collector().listener, acceleration: (c) => chunks.push(c) });
    source.tick();
    expect(chunks).toEqual([]);
  });

  it('reports stopped when the person stops it', async () => {
    const source = new ReplaySource('x', [1000], { now: () => 0 });
    const c = collector();
    await source.start(c.listener);
    await source.stop();
    expect(c.statuses).toEqual(['connecting', 'live', 'ended']);
  });
});

describe('SimulatedHeartSource', () => {
  it('emits realistic beats on the session clock, breathing as told', async () => {
    let nowMs = 0;
    const source = new SimulatedHeartSource({ seed: 7 }, () => 0.5, { now: () => nowMs });
    const c = collector();
    await source.start(c.listener);
    nowMs = 60_000;
    source.tick();
    await source.stop();
    expect(c.beats.length).toBeGreaterThan(50);
    expect(c.beats.length).toBeLessThan(80);
    for (const b of c.beats) {
      expect(b.source).toBe('simulated');
      expect(b.timeMs).toBeLessThanOrEqual(60_000);
      expect(b.rrMs).toBeGreaterThan(600);
      expect(b.rrMs).toBeLessThan(1300);
    }
  });

  it('drives the heart with the breath its chest moves with: the heart answers the breath, not the pacer', async () => {
    /** The delay at which heart rate best follows the pacer's volume, s (0.1 s steps over 0-6 s). */
    async function heartLagS(lagS: number): Promise<number> {
      let nowMs = 0;
      const pacer = (t: number) => 0.5 - 0.5 * Math.cos((2 * Math.PI * t) / 10);
      const source = new SimulatedHeartSource(
        { seed: 3, mayerDrive: 0, directRsaBpm: 0 },
        pacer,
        { now: () => nowMs },
        { lagS },
      );
      const c = collector();
      await source.start({ ...c.listener, acceleration: () => {} });
      nowMs = 180_000;
      source.tick();
      await source.stop();
      const beats = c.beats.filter((b) => b.timeMs > 30_000);
      let best = { lag: 0, r: -Infinity };
      for (let lag = 0; lag <= 6; lag += 0.1) {
        const xs = beats.map((b) => pacer(b.timeMs / 1000 - lag));
        const ys = beats.map((b) => 60_000 / b.rrMs);
        const mx = xs.reduce((a, v) => a + v, 0) / xs.length;
        const my = ys.reduce((a, v) => a + v, 0) / ys.length;
        let sxy = 0;
        for (let i = 0; i < xs.length; i += 1) sxy += (xs[i]! - mx) * (ys[i]! - my);
        if (sxy > best.r) best = { lag, r: sxy };
      }
      return best.lag;
    }
    const early = await heartLagS(0.2);
    const late = await heartLagS(2.2);
    expect(Math.abs(late - early - 2)).toBeLessThan(0.4);
  });
});
