import { describe, expect, it } from 'vitest';
import { LiveSession } from '../../src/state/session.svelte';
import { ReplaySource } from '../../src/adapters/sources/replay-source';
import type { WorkerHealth } from '../../src/core/hrv/protocol';

describe("the session's word on its HRV analysis", () => {
  it('follows the worker client: restarted, failed, and running again at the next start', async () => {
    let report: (health: WorkerHealth) => void = () => {};
    const nowMs = 0;
    const session = new LiveSession(
      (_metrics, _error, onHealth) => {
        report = onHealth;
        return { reset() {}, push() {}, breaths() {}, dispose() {} };
      },
      () => nowMs,
    );
    const rr = Array.from({ length: 20 }, () => 1000);
    await session.start(new ReplaySource('r', rr, { now: () => nowMs }));
    expect(session.analysis).toEqual({ state: 'running' });
    report({ state: 'restarted', restarts: 1, reason: { kind: 'crashed', detail: 'boom' } });
    expect(session.analysis.state).toBe('restarted');
    expect(session.running).toBe(true);
    report({ state: 'failed', reason: { kind: 'crashed', detail: 'boom' } });
    expect(session.analysis.state).toBe('failed');
    await session.stop();
    await session.start(new ReplaySource('r', rr, { now: () => nowMs }));
    expect(session.analysis).toEqual({ state: 'running' });
    await session.stop();
  });
});
