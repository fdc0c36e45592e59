import { describe, expect, it } from 'vitest';
import type { Beat, HeartStatus } from '../../../src/core/heart/types';
import { ReplaySource } from '../../../src/adapters/sources/replay-source';
import { SimulatedHeartSource } from '../../../src/adapters/sources/simulated-source';
import { parseRrText } from '../../../src/core/rr-file/reader';

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
});
