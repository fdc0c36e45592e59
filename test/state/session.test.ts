import { afterEach, describe, expect, it, vi } from 'vitest';
import { LiveSession } from '../../src/state/session.svelte';
import type { HrvAnalyser } from '../../src/core/hrv/protocol';
import { ReplaySource } from '../../src/adapters/sources/replay-source';
import { SimulatedHeartSource } from '../../src/adapters/sources/simulated-source';
import type { LiveBeat } from '../../src/core/hrv/live';

class RecordingAnalyser implements HrvAnalyser {
  beats: LiveBeat[] = [];
  resets: string[] = [];
  reset(id: string) {
    this.resets.push(id);
  }
  push(beats: readonly LiveBeat[]) {
    this.beats.push(...beats);
  }
  dispose() {}
}

describe('LiveSession', () => {
  it('sends every beat to the analyser, keeps two minutes for the tachogram, and ends cleanly', async () => {
    const analyser = new RecordingAnalyser();
    let nowMs = 0;
    const session = new LiveSession(
      () => analyser,
      () => nowMs,
    );
    const source = new ReplaySource(
      'r',
      Array.from({ length: 200 }, () => 1000),
      { now: () => nowMs },
    );
    const seen: number[] = [];
    session.observe({ beat: (_b, pacer) => seen.push(pacer.rateBpm) });
    await session.start(source);
    expect(session.running).toBe(true);
    nowMs = 150_000;
    source.tick();
    expect(analyser.beats).toHaveLength(150);
    expect(analyser.resets).toHaveLength(1);
    expect(session.recentBeats.length).toBe(121);
    expect(session.recentBeats[0]?.beat.timeMs).toBe(30_000);
    expect(seen).toHaveLength(150);
    expect(new Set(seen)).toEqual(new Set([6]));
    await session.stop();
    expect(session.running).toBe(false);
    expect(session.status).toEqual({ state: 'ended', reason: 'stopped' });
  });

  it('measures the breath of a simulated chest against the pacer: its rate and its lag behind it', async () => {
    let nowMs = 0;
    const session = new LiveSession(
      () => new RecordingAnalyser(),
      () => nowMs,
    );
    const source = new SimulatedHeartSource(
      { seed: 4 },
      session.breathingAt,
      { now: () => nowMs },
      { lagS: 0.9 },
    );
    await session.start(source);
    expect(session.breathing).toBeNull();
    for (nowMs = 0; nowMs <= 80_000; nowMs += 500) source.tick();
    const breathing = session.breathing;
    if (breathing?.status !== 'ok') throw new Error(`no breath: ${JSON.stringify(breathing)}`);
    expect(Math.abs(breathing.rateBpm - session.rateBpm)).toBeLessThan(0.5);
    expect(Math.abs((breathing.lagS ?? Number.NaN) - 0.9)).toBeLessThan(0.3);
    await session.stop();
  });

  it('has no measured breath from a source without a chest sensor', async () => {
    let nowMs = 0;
    const session = new LiveSession(
      () => new RecordingAnalyser(),
      () => nowMs,
    );
    const source = new SimulatedHeartSource({ seed: 4 }, session.breathingAt, { now: () => nowMs });
    await session.start(source);
    for (nowMs = 0; nowMs <= 40_000; nowMs += 1000) source.tick();
    expect(session.breathing).toBeNull();
    await session.stop();
  });

  it('keeps the pacer rate in 3-10 breaths per minute', () => {
    const session = new LiveSession(() => new RecordingAnalyser());
    session.setRate(12);
    expect(session.rateBpm).toBe(10);
    session.setRate(1);
    expect(session.rateBpm).toBe(3);
  });

  describe('with a length', () => {
    afterEach(() => vi.useRealTimers());

    it('ends by itself at the end of the breath in progress when its length is reached', async () => {
      vi.useFakeTimers();
      let nowMs = 0;
      const session = new LiveSession(
        () => new RecordingAnalyser(),
        () => nowMs,
      );
      session.setLength(5);
      session.setRate(6.5);
      const source = new ReplaySource(
        'r',
        Array.from({ length: 600 }, () => 1000),
        { now: () => nowMs },
      );
      await session.start(source);
      nowMs = 294_000;
      vi.advanceTimersByTime(250);
      expect(session.remainingS()).toBeCloseTo(6, 9);
      expect(session.running).toBe(true);
      // 6.5 breaths/min: breaths of 120/13 s; the 33rd runs from 295.4 s to 304.6 s, across the 5 minutes.
      nowMs = 303_000;
      vi.advanceTimersByTime(250);
      expect(session.remainingS()).toBe(0);
      expect(session.running).toBe(true);
      nowMs = 304_000;
      vi.advanceTimersByTime(250);
      expect(session.running).toBe(true);
      nowMs = 304_700;
      vi.advanceTimersByTime(250);
      await vi.waitFor(() => expect(session.running).toBe(false));
      expect(session.completed).toBe(true);
      expect(session.status).toEqual({ state: 'ended', reason: 'stopped' });
    });

    it('runs open-ended when no length is chosen, and a stopped session is not "completed"', async () => {
      vi.useFakeTimers();
      let nowMs = 0;
      const session = new LiveSession(
        () => new RecordingAnalyser(),
        () => nowMs,
      );
      session.setLength('open');
      const source = new ReplaySource(
        'r',
        Array.from({ length: 3000 }, () => 1000),
        { now: () => nowMs },
      );
      await session.start(source);
      nowMs = 25 * 60_000;
      vi.advanceTimersByTime(1000);
      expect(session.running).toBe(true);
      expect(session.remainingS()).toBeNull();
      await session.stop();
      expect(session.completed).toBe(false);
    });

    it('refuses a length it does not offer', () => {
      const session = new LiveSession(() => new RecordingAnalyser());
      session.setLength(7 as never);
      expect(session.length).toBe(10);
    });
  });
});
