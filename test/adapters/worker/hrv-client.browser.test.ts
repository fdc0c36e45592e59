import { describe, expect, it } from 'vitest';
import { HrvClient } from '../../../src/adapters/worker/hrv-client';
import { BeatLabel } from '../../../src/core/hrv/artifacts';

/** Runs in real Chromium against the real module worker. */
describe('HrvClient whole-recording analysis', () => {
  const rr: number[] = [];
  for (let t = 0; t < 200;) {
    const v = 1000 + 50 * Math.sin(2 * Math.PI * 0.1 * t);
    rr.push(v);
    t += v / 1000;
  }

  it('analyses a recording in the worker, labels and all', async () => {
    const client = new HrvClient(() => {});
    const withBad = [...rr];
    withBad[10] = Number.NaN;
    const analysis = await client.analyze(withBad);
    expect(analysis).not.toBeNull();
    expect(analysis?.report.beats).toBe(rr.length);
    expect(analysis?.report.artifacts.indices).toEqual([10]);
    expect(analysis?.labels[10]).toBe(BeatLabel.invalid);
    expect(analysis?.report.frequencyDomain.welch.lfPeakHz).toBeCloseTo(0.1, 2);
    expect(analysis?.report.coherence.ratio).toBeGreaterThan(8);
    client.dispose();
  });

  it('resolves a superseded analysis with null (latest wins)', async () => {
    const client = new HrvClient(() => {});
    const first = client.analyze(rr);
    const second = client.analyze(rr.slice(0, 100), { correct: false });
    expect(await first).toBeNull();
    expect((await second)?.report.beats).toBe(100);
    client.dispose();
  });
});
