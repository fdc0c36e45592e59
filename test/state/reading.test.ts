import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StorageError } from '../../src/adapters/storage/database';
import { MorningReading } from '../../src/state/reading.svelte';
import { ReplaySource } from '../../src/adapters/sources/replay-source';
import { SimulatedHeartSource } from '../../src/adapters/sources/simulated-source';
import { spontaneousBreathingOf } from '../../src/core/physiology/spontaneous-breathing';
import type { ReadingRecord } from '../../src/core/readiness/reading';
import type { Beat, HeartSource, HeartSourceListener } from '../../src/core/heart/types';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.UTC(2026, 10, 25, 7, 0));
});
afterEach(() => vi.useRealTimers());

/** A reading wired to the fake clock, saving into a list. */
function setUp(saveError: StorageError | null = null) {
  const saved: ReadingRecord[] = [];
  const reading = new MorningReading({
    save: async (r) => {
      saved.push(r);
      return saveError;
    },
    now: () => Date.now(),
    wallNow: () => Date.now(),
  });
  return { reading, saved };
}

/** RR of 1000 ms alternating ±20 ms: RMSSD exactly 40 ms, 60 bpm. */
const alternating = (n: number) => Array.from({ length: n }, (_, k) => (k % 2 === 0 ? 1020 : 980));

/** A strap the test drives itself: its listener once the reading has started it. */
function drivenStrap(): { source: HeartSource; listener: () => HeartSourceListener } {
  let started: HeartSourceListener | null = null;
  const source: HeartSource = {
    kind: 'bluetooth',
    label: 'Strap',
    start: async (l) => {
      started = l;
      l.status({ state: 'live' });
    },
    stop: async () => started?.status({ state: 'ended', reason: 'stopped' }),
  };
  const listener = () => {
    if (!started) throw new Error('the strap was not started');
    return started;
  };
  return { source, listener };
}

describe('MorningReading', () => {
  it('settles 30 s, measures the chosen length, and saves a reading of the measured beats only', async () => {
    const { reading, saved } = setUp();
    reading.setLength(60);
    reading.setPosition('lying');
    await reading.start(new ReplaySource('file', alternating(200), { now: () => Date.now() }));
    expect(reading.phase).toBe('settling');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(reading.phase).toBe('settling');
    expect(reading.phaseLeftS).toBe(10);
    reading.setLength(180); // ignored while running
    await vi.advanceTimersByTimeAsync(15_000);
    expect(reading.phase).toBe('measuring');
    expect(reading.heartRateBpm).toBeGreaterThan(55);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reading.phase).toBe('done');
    expect(saved).toHaveLength(1);
    const r = saved[0]!;
    // Beats end at 1.02, 2.00, 3.02 … s: those after 30 s up to 90 s are measured (60 of them).
    expect(r.beatCount).toBe(60);
    expect(r.rrMs).toEqual(alternating(200).slice(30, 90));
    expect(r.rmssdMs).toBeCloseTo(40, 9);
    expect(r.meanHrBpm).toBeCloseTo((60_000 / 1020 + 60_000 / 980) / 2, 9);
    expect(r.lengthS).toBe(60);
    expect(r.position).toBe('lying');
    expect(r.sourceKind).toBe('replay');
    expect(r.timeMs).toBe(Date.UTC(2026, 10, 25, 7, 0, 30));
    expect(reading.outcome?.record).toEqual(r);
    reading.reset();
    expect(reading.phase).toBe('idle');
  });

  it('with the simulated heart breathing on its own, gives a trusted reading', async () => {
    const { reading, saved } = setUp();
    await reading.start(
      new SimulatedHeartSource({ seed: 9 }, spontaneousBreathingOf({ seed: 9 }), { now: () => Date.now() }),
    );
    await vi.advanceTimersByTimeAsync(95_000);
    expect(reading.outcome?.analysis.status).toBe('ok');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.sourceKind).toBe('simulated');
  });

  it('does not save a reading with too many corrected beats, and says so', async () => {
    const { reading, saved } = setUp();
    // A person with frequent ectopic beats and a strap that drops beats: about 12 % of the intervals.
    await reading.start(
      new SimulatedHeartSource(
        { seed: 11, ectopicRate: 0.08, missedRate: 0.04 },
        spontaneousBreathingOf({ seed: 5 }),
        { now: () => Date.now() },
      ),
    );
    await vi.advanceTimersByTimeAsync(100_000);
    expect(reading.outcome?.analysis.status).toBe('too-many-corrected');
    expect(reading.outcome?.record).toBeNull();
    expect(saved).toEqual([]);
  });

  it('ends after the grace time when the signal stops, too short to keep', async () => {
    const { reading, saved } = setUp();
    await reading.start(new ReplaySource('short', alternating(50), { now: () => Date.now() }));
    await vi.advanceTimersByTimeAsync(60_000);
    // The file ran out at 50 s: the source finished, so the reading ends there.
    expect(reading.outcome?.analysis).toEqual({ status: 'too-short', haveS: 20, needS: 48 });
    expect(saved).toEqual([]);
  });

  it('marks the beat after a lost signal as following a gap', async () => {
    const { source, listener } = drivenStrap();
    const { reading, saved } = setUp();
    await reading.start(source);
    let t = 0;
    const beat = (rrMs: number, afterGap = false) => {
      t += rrMs;
      const b: Beat = { rrMs, timeMs: t, source: 'bluetooth', afterGap };
      listener().beat(b);
    };
    for (const rr of alternating(60)) beat(rr);
    listener().beat({ rrMs: Number.NaN, timeMs: t, source: 'bluetooth' }); // never stored
    listener().status({ state: 'signal-lost', reason: 'not-back', keptTryingMs: 600_000 });
    t += 3000;
    for (const rr of alternating(40)) beat(rr);
    await vi.advanceTimersByTimeAsync(1000);
    expect(reading.phase).toBe('done');
    expect(saved).toHaveLength(1);
    // 30 measured before the gap and 29 after it (the 30th passes the end): RMSSD stays 40 ms, no jump across.
    expect(saved[0]!.rmssdMs).toBeCloseTo(40, 9);
    expect(saved[0]!.rrMs.every(Number.isFinite)).toBe(true);
  });

  it('says while the strap is gone and shows no stale heart rate, until it is back', async () => {
    const { source, listener } = drivenStrap();
    const { reading } = setUp();
    await reading.start(source);
    listener().beat({ rrMs: 1000, timeMs: 1000, source: 'bluetooth' });
    expect(reading.heartRateBpm).toBe(60);
    expect(reading.signalLost).toBe(false);
    listener().status({ state: 'reconnecting', attempt: 1, nextRetryMs: 1000 });
    expect(reading.signalLost).toBe(true);
    expect(reading.heartRateBpm).toBeNull();
    listener().status({ state: 'live' });
    expect(reading.signalLost).toBe(false);
    listener().beat({ rrMs: 800, timeMs: 5000, source: 'bluetooth', afterGap: true });
    expect(reading.heartRateBpm).toBe(75);
    listener().status({ state: 'signal-lost', reason: 'not-back', keptTryingMs: 600_000 });
    expect(reading.signalLost).toBe(true);
    await reading.cancel();
  });

  it('reports a save failure and keeps no record', async () => {
    const { reading } = setUp({ kind: 'storage-full' });
    await reading.start(new ReplaySource('file', alternating(200), { now: () => Date.now() }));
    await vi.advanceTimersByTimeAsync(100_000);
    expect(reading.outcome?.saveError).toEqual({ kind: 'storage-full' });
    expect(reading.outcome?.record).toBeNull();
  });

  it('can be cancelled: the source stops and nothing is saved', async () => {
    const { reading, saved } = setUp();
    const source = new ReplaySource('file', alternating(200), { now: () => Date.now() });
    const stop = vi.spyOn(source, 'stop');
    await reading.start(source);
    await vi.advanceTimersByTimeAsync(40_000);
    await reading.cancel();
    expect(reading.phase).toBe('idle');
    expect(stop).toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100_000);
    expect(saved).toEqual([]);
  });

  it('refuses to start while a session runs in this page, and says so', async () => {
    const reading = new MorningReading({ save: async () => null, sessionRunning: () => true });
    const source = new ReplaySource('file', alternating(10));
    const start = vi.spyOn(source, 'start');
    await reading.start(source);
    expect(reading.error).toEqual({ kind: 'session-here' });
    expect(start).not.toHaveBeenCalled();
  });

  it('refuses to start while another tab holds the lock', async () => {
    const reading = new MorningReading({
      save: async () => null,
      acquireLock: async () => 'held-elsewhere',
    });
    const source = new ReplaySource('file', alternating(10));
    const start = vi.spyOn(source, 'start');
    await reading.start(source);
    expect(reading.phase).toBe('idle');
    expect(reading.error).toEqual({ kind: 'held-elsewhere' });
    expect(start).not.toHaveBeenCalled();
  });
});
