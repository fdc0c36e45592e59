import { describe, expect, it } from 'vitest';
import { HrvClient } from '../../src/adapters/worker/hrv-client';
import type { LiveMetrics } from '../../src/core/hrv/live';

/** Runs in real Chromium: the real module worker, fed a stream of beats the way a session feeds it. */
describe('HRV worker', () => {
  it('answers a stream of beats with heart rate and RMSSD', async () => {
    const received: LiveMetrics[] = [];
    const client = new HrvClient((m) => received.push(m));
    client.reset('session-a');
    let t = 0;
    const rr = Array.from({ length: 90 }, (_, i) => 1000 + (i % 2 === 0 ? 25 : -25));
    for (const rrMs of rr) {
      t += rrMs;
      client.push([{ rrMs, timeMs: t }]);
    }
    await expect.poll(() => received.at(-1)?.beatCount, { timeout: 5000 }).toBe(90);
    const last = received.at(-1);
    expect(last?.heartRateBpm.status).toBe('ok');
    expect(last?.heartRateBpm.status === 'ok' && last.heartRateBpm.value).toBeCloseTo(60, 0);
    expect(last?.rmssdMs).toEqual({ status: 'ok', value: 50 });
    // Early answers said "not enough data" rather than NaN.
    expect(received[0]?.rmssdMs.status).toBe('not-enough-data');
    client.dispose();
  });

  it('drops answers from an earlier session (latest wins)', async () => {
    const received: LiveMetrics[] = [];
    const client = new HrvClient((m) => received.push(m));
    client.reset('old');
    client.push(Array.from({ length: 10 }, (_, i) => ({ rrMs: 800, timeMs: (i + 1) * 800 })));
    client.reset('new');
    client.push([{ rrMs: 1000, timeMs: 1000 }]);
    await expect.poll(() => received.length, { timeout: 5000 }).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 100));
    expect(received.every((m) => m.beatCount === 1)).toBe(true);
    client.dispose();
  });
});
