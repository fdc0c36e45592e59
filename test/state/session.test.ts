import { describe, expect, it } from 'vitest';
import { LiveSession, type HrvAnalyser } from '../../src/state/session.svelte';
import { ReplaySource } from '../../src/adapters/sources/replay-source';
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

  it('keeps the pacer rate in 3-10 breaths per minute', () => {
    const session = new LiveSession(() => new RecordingAnalyser());
    session.setRate(12);
    expect(session.rateBpm).toBe(10);
    session.setRate(1);
    expect(session.rateBpm).toBe(3);
  });
});
