import { describe, expect, it } from 'vitest';
import { HrvClient, MAX_RESTARTS } from '../../../src/adapters/worker/hrv-client';
import type { WorkerHealth } from '../../../src/core/hrv/protocol';
import type { LiveBeat, LiveMetrics } from '../../../src/core/hrv/live';
import type { LiveResponse } from '../../../src/core/pacer/live-response';
import { patternFromRate } from '../../../src/core/pacer/pattern';

/** Runs in real Chromium: the real HRV worker, and workers that fail the way a crashed one does (an uncaught error). */
const realWorker = () =>
  new Worker(new URL('../../../workers/hrv.worker.ts', import.meta.url), { type: 'module' });

/** A worker that throws, uncaught, at the `nth` message of the given type (and ignores the others). */
function failingWorker(on: 'beats' | 'series', nth = 1): Worker {
  const source = `let n = 0; self.onmessage = (e) => {
    if (e.data.type === '${on}' && ++n === ${nth}) throw new Error('simulated crash');
  };`;
  return new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
}

const beats = (from: number, count: number): LiveBeat[] =>
  Array.from({ length: count }, (_, i) => ({
    seq: from + i + 1,
    rrMs: 950 + 40 * Math.sin(from + i),
    timeMs: (from + i + 1) * 950,
    afterGap: false,
  }));

function until<T>(read: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const look = () => {
      const value = read();
      if (value !== undefined) resolve(value);
      else if (performance.now() - start > timeoutMs) reject(new Error('timed out'));
      else setTimeout(look, 20);
    };
    look();
  });
}

describe('HrvClient after its worker fails', () => {
  it('starts a new worker, gives it the session so far, and the figures carry on from every beat', async () => {
    const workers = [() => failingWorker('beats', 10), realWorker];
    const metrics: LiveMetrics[] = [];
    const health: WorkerHealth[] = [];
    const client = new HrvClient((m) => metrics.push(m), undefined, {
      onHealth: (h) => health.push(h),
      createWorker: () => workers.shift()!(),
    });
    client.reset('s1');
    for (const beat of beats(0, 30)) client.push([beat]);
    const restarted = await until(() => health.find((h) => h.state === 'restarted'));
    expect(restarted).toEqual({
      state: 'restarted',
      restarts: 1,
      reason: { kind: 'crashed', detail: expect.stringContaining('simulated crash') as string },
    });
    // All 30 beats reached the new worker: the count and the figures come from the whole session.
    await until(() => (metrics.at(-1)?.beatCount === 30 ? true : undefined));
    for (const beat of beats(30, 5)) client.push([beat]);
    await until(() => (metrics.at(-1)?.beatCount === 35 ? true : undefined));
    expect(health).toHaveLength(1);
    client.dispose();

    // The same figures as a worker that never failed, from the same beats.
    const steady: LiveMetrics[] = [];
    const reference = new HrvClient((m) => steady.push(m));
    reference.reset('s1');
    for (const beat of beats(0, 35)) reference.push([beat]);
    await until(() => (steady.at(-1)?.beatCount === 35 ? true : undefined));
    expect(metrics.at(-1)).toEqual(steady.at(-1));
    expect(steady.at(-1)?.heartRateBpm.status).toBe('ok');
    reference.dispose();
  });

  it(`gives up after ${MAX_RESTARTS} restarts in a session and says so; a new session gets a working worker`, async () => {
    let made = 0;
    const health: WorkerHealth[] = [];
    const metrics: LiveMetrics[] = [];
    const client = new HrvClient((m) => metrics.push(m), undefined, {
      onHealth: (h) => health.push(h),
      createWorker: () => {
        made += 1;
        return made <= MAX_RESTARTS + 1 ? failingWorker('beats') : realWorker();
      },
    });
    client.reset('s1');
    client.push(beats(0, 3));
    const failed = await until(() => health.find((h) => h.state === 'failed'));
    expect(failed.state).toBe('failed');
    expect(health.filter((h) => h.state === 'restarted')).toHaveLength(MAX_RESTARTS);
    expect(made).toBe(MAX_RESTARTS + 1);
    // Nothing restarts it any more in this session...
    client.push(beats(3, 3));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(made).toBe(MAX_RESTARTS + 1);
    // ...but the next session has a worker that runs.
    client.reset('s2');
    expect(health.at(-1)).toEqual({ state: 'running' });
    client.push(beats(0, 4));
    await until(() => (metrics.at(-1)?.beatCount === 4 ? true : undefined));
    client.dispose();
  });

  it('gives the new worker the pacer’s breaths too: each breath answered once, as if it had never failed', async () => {
    const pattern = patternFromRate(6, 0.4);
    /** 60 beats, with a breath of the pacer told every 10 s (after the beat that showed it). */
    const feed = (client: HrvClient) => {
      client.reset('s1');
      let told = -1;
      for (const beat of beats(0, 60)) {
        client.push([beat]);
        const index = Math.floor(beat.timeMs / 10_000);
        if (index === told) continue;
        const breaths = [];
        for (let k = told + 1; k <= index; k += 1) breaths.push({ index: k, startS: 10 * k, pattern });
        told = index;
        client.breaths({ breaths, measured: [] });
      }
    };
    const workers = [() => failingWorker('beats', 45), realWorker];
    const answers: LiveResponse[] = [];
    const health: WorkerHealth[] = [];
    const client = new HrvClient(() => {}, undefined, {
      onHealth: (h) => health.push(h),
      onBreathResponse: (r) => answers.push(r),
      createWorker: () => workers.shift()!(),
    });
    feed(client);
    await until(() => (answers.at(-1)?.breathIndex === 5 ? true : undefined));
    expect(health.map((h) => h.state)).toEqual(['restarted']);
    const steady: LiveResponse[] = [];
    const reference = new HrvClient(() => {}, undefined, { onBreathResponse: (r) => steady.push(r) });
    feed(reference);
    await until(() => (steady.at(-1)?.breathIndex === 5 ? true : undefined));
    expect(answers.map((a) => a.breathIndex)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(answers.at(-1)).toEqual(steady.at(-1));
    expect(answers.at(-1)?.breaths.some((b) => b.steer.swingBpm !== null)).toBe(true);
    client.dispose();
    reference.dispose();
  });

  it('sends a pending chart-series request to the new worker', async () => {
    const workers = [() => failingWorker('series'), realWorker];
    const client = new HrvClient(() => {}, undefined, { createWorker: () => workers.shift()!() });
    const stored = beats(0, 120).map((b) => ({
      rrMs: b.rrMs,
      timeMs: b.timeMs,
      afterGap: false,
      artifact: 'normal',
      pacerRateBpm: 6,
      pacerPhase: 0,
    }));
    const series = await client.series(stored);
    expect(series?.tachogram).toHaveLength(120);
    client.dispose();
  });
});
