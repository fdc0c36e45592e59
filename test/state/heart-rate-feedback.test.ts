import { describe, expect, it, vi } from 'vitest';
import 'fake-indexeddb/auto';
import type { HeartSource, HeartSourceListener } from '../../src/core/heart/types';
import { HeartRateFeedback } from '../../src/state/heart-rate-feedback.svelte';
import { Recording } from '../../src/state/recording.svelte';
import { LiveSession } from '../../src/state/session.svelte';
import { ResonanceStore } from '../../src/adapters/storage/store';

/** A watch: heart rate only, pushed by the test. */
class Watch implements HeartSource {
  readonly kind = 'bluetooth';
  readonly label = 'Forerunner 265';
  listener: HeartSourceListener | null = null;
  start(listener: HeartSourceListener): Promise<void> {
    this.listener = listener;
    listener.status({ state: 'live' });
    return Promise.resolve();
  }
  stop(): Promise<void> {
    this.listener?.status({ state: 'ended', reason: 'stopped' });
    return Promise.resolve();
  }
}

const analyser = () => ({ reset() {}, push() {}, breaths() {}, dispose() {} });

/** Heart rate swinging 16 bpm peak to trough with the 6/min pacer (highest at full lungs, 5 s into the breath). */
const hrAt = (timeS: number) => Math.round(68 - 8 * Math.cos((2 * Math.PI * timeS) / 10));

describe('HeartRateFeedback', () => {
  it('shows the swing of each breath as it ends, and the resonance indicator after two breaths', async () => {
    let nowMs = 0;
    const session = new LiveSession(analyser, () => nowMs);
    session.setRate(6);
    session.setInhaleShare(0.5);
    const feedback = new HeartRateFeedback(session);
    const watch = new Watch();
    await session.start(watch);
    expect(feedback.lastSwingBpm).toBeNull();
    const send = (t: number) => {
      nowMs = t * 1000 + 120;
      watch.listener?.heartRate?.({ heartRateBpm: hrAt(t), timeMs: nowMs, source: 'bluetooth' });
    };
    for (let t = 0; t <= 10; t += 1) send(t);
    expect(session.heartRateOnly).toBe(true);
    expect(feedback.swings).toHaveLength(1);
    expect(Math.abs((feedback.lastSwingBpm ?? 0) - 16)).toBeLessThan(1.5);
    expect(feedback.response.breathLockedShare).toBeNull(); // one breath is not enough
    for (let t = 11; t <= 30; t += 1) send(t);
    expect(feedback.swings).toHaveLength(3);
    expect(feedback.response.breathLockedShare).toBeGreaterThan(0.9);
    expect(session.deviceHeartRate).toBe(hrAt(30));
    expect(session.recentReadings).toHaveLength(31);
    await session.stop();
  });

  it('a strap that sends beats is not heart-rate only, even after a few readings at the start', async () => {
    const session = new LiveSession(analyser, () => 0);
    const watch = new Watch();
    await session.start(watch);
    watch.listener?.heartRate?.({ heartRateBpm: 60, timeMs: 100, source: 'bluetooth' });
    expect(session.heartRateOnly).toBe(true);
    watch.listener?.beat({ rrMs: 1000, timeMs: 1100, source: 'bluetooth' });
    expect(session.heartRateOnly).toBe(false);
  });

  it('the recording keeps every reading with the pacer, so the stopped session is heart-rate only', async () => {
    const opened = await ResonanceStore.open(`hr-feedback-${Date.now()}`);
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    const records: string[] = [];
    const recording = new Recording({
      onFinished: (r) => records.push(r.signal ?? ''),
      timers: { setInterval: () => 1, clearInterval: () => {} },
    });
    recording.attach(opened.value);
    let nowMs = 0;
    const session = new LiveSession(analyser, () => nowMs);
    session.observe(recording);
    const watch = new Watch();
    await session.start(watch);
    for (let t = 0; t < 90; t += 1) {
      nowMs = t * 1000;
      watch.listener?.heartRate?.({ heartRateBpm: hrAt(t), timeMs: nowMs, source: 'bluetooth' });
    }
    await session.stop();
    await vi.waitFor(() => expect(records).toEqual(['heart-rate']));
    const id = recording.lastFinished?.id ?? '';
    const stored = await opened.value.readHeartRate(id);
    expect(stored.ok && stored.value.length).toBe(90);
    expect(stored.ok && stored.value[15]).toMatchObject({ heartRateBpm: hrAt(15), pacerRateBpm: 6 });
    opened.value.close();
  });
});
