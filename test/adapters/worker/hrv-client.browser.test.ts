import { describe, expect, it } from 'vitest';
import { HrvClient } from '../../../src/adapters/worker/hrv-client';
import { sessionSeries } from '../../../src/core/history/session-series';
import type { BeatRecord } from '../../../src/core/session/record';

/** Runs in real Chromium against the real module worker. */
describe('HrvClient chart series of a stored session', () => {
  const beats: BeatRecord[] = [];
  for (let t = 0; t < 300_000;) {
    const rrMs = 1000 + 50 * Math.sin((2 * Math.PI * 0.1 * t) / 1000);
    t += rrMs;
    beats.push({
      rrMs,
      timeMs: t,
      afterGap: false,
      artifact: beats.length === 100 ? 'ectopic' : 'normal',
      pacerRateBpm: t < 150_000 ? 6 : 5.5,
      pacerPhase: 0,
    });
  }

  it('computes them in the worker, the same as the core function gives', async () => {
    const client = new HrvClient(() => {});
    const series = await client.series(beats);
    expect(series).toEqual(sessionSeries(beats));
    expect(series?.artifacts).toHaveLength(1);
    expect(series?.rmssd.length).toBeGreaterThan(200);
    expect(series?.coherence.length).toBeGreaterThan(30);
    expect(series?.pacerRate.map((p) => p.y)).toEqual([6, 5.5, 5.5]);
    client.dispose();
  });

  it('resolves a superseded request with null (latest wins)', async () => {
    const client = new HrvClient(() => {});
    const first = client.series(beats);
    const second = client.series(beats.slice(0, 100));
    expect(await first).toBeNull();
    expect((await second)?.tachogram).toHaveLength(100);
    client.dispose();
  });
});
