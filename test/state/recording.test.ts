import 'fake-indexeddb/auto';
import { inProcessAnalyser } from '../../src/adapters/worker/in-process-analyser';
import { describe, expect, it, vi } from 'vitest';
import { LiveSession } from '../../src/state/session.svelte';
import type { HrvAnalyser } from '../../src/core/hrv/protocol';
import { LiveHrv } from '../../src/core/hrv/live';
import { Recording, toBeatRecord } from '../../src/state/recording.svelte';
import { ReplaySource } from '../../src/adapters/sources/replay-source';
import { ResonanceStore } from '../../src/adapters/storage/store';
import type { SessionRecord } from '../../src/core/session/record';

const analyser: HrvAnalyser = { reset() {}, push() {}, breaths() {}, dispose() {} };

describe('recording a live session', () => {
  it('stores the pacer phase as the fraction of the breath', () => {
    const record = toBeatRecord(
      { rrMs: 1000, timeMs: 5000, source: 'simulated' },
      {
        rateBpm: 6,
        breathTimeS: 2.5,
        phase: 'inhale',
        phaseProgress: 0.6,
        volume: 0.8,
        breathIndex: 0,
        breathStartS: 0,
      },
    );
    expect(record).toEqual({
      rrMs: 1000,
      timeMs: 5000,
      afterGap: false,
      artifact: 'normal',
      pacerRateBpm: 6,
      pacerPhase: 0.25,
    });
  });

  it('writes every beat of a session with its pacer rate, then the finished summary', async () => {
    const opened = await ResonanceStore.open(`recording-${Date.now()}`);
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    const store = opened.value;
    let fire: () => void = () => {};
    let finished: (r: SessionRecord) => void = () => {};
    const done = new Promise<SessionRecord>((resolve) => (finished = resolve));
    const recording = new Recording({
      onFinished: (r) => finished(r),
      timers: { setInterval: (fn) => ((fire = fn), 1), clearInterval: () => {} },
    });
    recording.attach(store);
    recording.setCheckInBefore({ stress: 6, note: '' });
    let nowMs = 0;
    const session = new LiveSession(
      () => analyser,
      () => nowMs,
    );
    session.observe(recording);
    const rr = Array.from({ length: 40 }, (_, i) => (i % 2 ? 950 : 1050));
    const source = new ReplaySource('r.txt', rr, { now: () => nowMs });
    await session.start(source);
    nowMs = 20_000;
    source.tick();
    expect(recording.recordedBeats).toBe(20);
    fire(); // the periodic flush
    nowMs = 60_000;
    source.tick();
    await session.stop();
    const record = await done;

    expect(record.status).toBe('finished');
    expect(record.sourceKind).toBe('replay');
    expect(record.summary.beatCount).toBe(40);
    expect(record.summary.rmssdMs).toBeCloseTo(100, 9);
    expect(record.summary.breathingRateBpm).toBe(6);
    const beats = await store.readBeats(record.id);
    if (!beats.ok) throw new Error(JSON.stringify(beats.error));
    expect(beats.value.map((b) => b.rrMs)).toEqual(rr);
    expect(
      beats.value.every(
        (b) => b.pacerRateBpm === 6 && b.pacerPhase !== null && b.pacerPhase >= 0 && b.pacerPhase <= 1,
      ),
    ).toBe(true);
    const stored = await store.getSession(record.id);
    expect(stored.ok && stored.value?.checkInBefore).toEqual({ stress: 6, note: '' });
    expect(recording.problem).toBeNull();
    store.close();
  });

  it('stores the HRV engine’s artifact label of each beat', async () => {
    const opened = await ResonanceStore.open(`labels-${Date.now()}`);
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    const store = opened.value;
    let finished: (r: SessionRecord) => void = () => {};
    const done = new Promise<SessionRecord>((resolve) => (finished = resolve));
    const recording = new Recording({
      onFinished: (r) => finished(r),
      timers: { setInterval: () => 1, clearInterval: () => {} },
    });
    recording.attach(store);
    let nowMs = 0;
    const session = new LiveSession(inProcessAnalyser, () => nowMs);
    session.observe(recording);
    // Steady beats with one missed beat (an interval twice as long) in the middle.
    const rr = Array.from({ length: 120 }, (_, i) => (i === 60 ? 2000 : 1000 + (i % 3) * 10));
    const source = new ReplaySource('r.txt', rr, { now: () => nowMs });
    await session.start(source);
    nowMs = 200_000;
    source.tick();
    await session.stop();
    const record = await done;
    const beats = await store.readBeats(record.id);
    if (!beats.ok) throw new Error(JSON.stringify(beats.error));
    // The same labels as the engine gives the same beats directly (the last two settle after the stop).
    const engine = new LiveHrv();
    const expected = new Array<string>(rr.length).fill('normal');
    let t = 0;
    rr.forEach((r, i) => {
      t += r;
      for (const { seq, label } of engine.push({ seq: i + 1, rrMs: r, timeMs: t }).labels)
        expected[seq - 1] = label;
    });
    expect(beats.value.map((b) => b.artifact).slice(0, -2)).toEqual(expected.slice(0, -2));
    expect(beats.value[60]?.artifact).toBe('missed');
    expect(record.summary.artifactCount).toBe(expected.slice(0, -2).filter((l) => l !== 'normal').length);
    store.close();
  });

  it('keeps a session under 30 s out of storage unless the person asks to keep it', async () => {
    const opened = await ResonanceStore.open(`short-${Date.now()}`);
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    const store = opened.value;
    let fire: () => void = () => {};
    const finishedIds: string[] = [];
    const recording = new Recording({
      onFinished: (r) => finishedIds.push(r.id),
      timers: { setInterval: (fn) => ((fire = fn), 1), clearInterval: () => {} },
    });
    recording.attach(store);
    recording.setCheckInBefore({ stress: 4, note: 'short' });
    let nowMs = 0;
    const session = new LiveSession(
      () => analyser,
      () => nowMs,
    );
    session.observe(recording);
    const source = new ReplaySource(
      'r.txt',
      Array.from({ length: 100 }, () => 1000),
      { now: () => nowMs },
    );
    await session.start(source);
    nowMs = 20_000;
    source.tick();
    fire();
    await session.stop();
    await vi.waitFor(() => expect(recording.lastFinished).not.toBeNull());
    expect(recording.unsavedShort).toBe(true);
    expect(recording.beats()).toHaveLength(20);
    expect(finishedIds).toEqual([]);
    const id = recording.lastFinished?.id ?? '';
    const before = await store.listSessions();
    expect(before.ok && before.value.length).toBe(0);

    await recording.keepShort();
    expect(recording.unsavedShort).toBe(false);
    expect(finishedIds).toEqual([id]);
    const kept = await store.getSession(id);
    expect(kept.ok && kept.value?.status).toBe('finished');
    expect(kept.ok && kept.value?.checkInBefore).toEqual({ stress: 4, note: 'short' });
    const beats = await store.readBeats(id);
    expect(beats.ok && beats.value.length).toBe(20);
    store.close();
  });
});
