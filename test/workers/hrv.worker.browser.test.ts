import { describe, expect, it } from 'vitest';
import { HrvClient } from '../../src/adapters/worker/hrv-client';
import type { LiveMetrics } from '../../src/core/hrv/live';
import type { LiveResponse } from '../../src/core/pacer/live-response';
import { patternFromRate } from '../../src/core/pacer/pattern';
import { breathSwings } from '../../src/core/pacer/response';

/** Runs in real Chromium: the real module worker, fed a stream of beats the way a session feeds it. */
describe('HRV worker', () => {
  it('answers a stream of beats with heart rate and RMSSD', async () => {
    const received: LiveMetrics[] = [];
    const client = new HrvClient((m) => received.push(m));
    client.reset('session-a');
    let t = 0;
    const rr = Array.from({ length: 90 }, (_, i) => 1000 + (i % 2 === 0 ? 25 : -25));
    rr.forEach((rrMs, i) => {
      t += rrMs;
      client.push([{ seq: i + 1, rrMs, timeMs: t }]);
    });
    await expect.poll(() => received.at(-1)?.beatCount, { timeout: 5000 }).toBe(90);
    const last = received.at(-1);
    expect(last?.heartRateBpm.status).toBe('ok');
    expect(last?.heartRateBpm.status === 'ok' && last.heartRateBpm.value).toBeCloseTo(60, 0);
    expect(last?.rmssdMs).toEqual({ status: 'ok', value: 50 });
    // Early answers said "not enough data" rather than NaN.
    expect(received[0]?.rmssdMs.status).toBe('not-enough-data');
    client.dispose();
  });

  it('answers each breath of the pacer it is told with the swings of the breaths finished', async () => {
    const answers: LiveResponse[] = [];
    const client = new HrvClient(() => {}, undefined, { onBreathResponse: (r) => answers.push(r) });
    client.reset('session-b');
    const pattern = patternFromRate(6, 0.4);
    let t = 0;
    let told = -1;
    const series = { timeS: [] as number[], hrBpm: [] as number[] };
    for (let i = 0; i < 120; i += 1) {
      // Heart rate swings 60 ± 6 bpm with the 10 s breath.
      const rrMs = 60000 / (60 + 6 * Math.sin((2 * Math.PI * t) / 10_000));
      t += rrMs;
      series.timeS.push((t - rrMs / 2) / 1000);
      series.hrBpm.push(60000 / rrMs);
      client.push([{ seq: i + 1, rrMs, timeMs: t }]);
      const index = Math.floor(t / 10_000);
      if (index === told) continue;
      told = index;
      client.breaths({ breaths: [{ index, startS: 10 * index, pattern }], measured: [] });
    }
    await expect.poll(() => answers.at(-1)?.breathIndex, { timeout: 5000 }).toBe(told);
    expect(answers.map((a) => a.breathIndex)).toEqual(Array.from({ length: told + 1 }, (_, i) => i));
    const last = answers.at(-1);
    expect(last?.breaths.at(-1)?.index).toBe(told - 1);
    // A breath whose beats are all labelled (all normal here): the swing the core's definition gives.
    const settled = last?.breaths.find((b) => b.index === told - 2);
    const span = { startS: 10 * (told - 2), endS: 10 * (told - 1) };
    const [want] = breathSwings(series, [span]);
    expect(settled?.assess.swingBpm).toBeCloseTo(want?.swingBpm ?? NaN, 9);
    expect(want?.swingBpm).toBeGreaterThan(9);
    expect(last?.indicator.amplitudeBpm.status).toBe('ok');
    client.dispose();
  });

  it('drops answers from an earlier session (latest wins)', async () => {
    const received: LiveMetrics[] = [];
    const client = new HrvClient((m) => received.push(m));
    client.reset('old');
    client.push(Array.from({ length: 10 }, (_, i) => ({ seq: i + 1, rrMs: 800, timeMs: (i + 1) * 800 })));
    client.reset('new');
    client.push([{ seq: 1, rrMs: 1000, timeMs: 1000 }]);
    await expect.poll(() => received.length, { timeout: 5000 }).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 100));
    expect(received.every((m) => m.beatCount === 1)).toBe(true);
    client.dispose();
  });
});
