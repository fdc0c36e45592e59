import { afterEach, describe, expect, it, vi } from 'vitest';
import { LiveSession } from '../../src/state/session.svelte';
import type { HrvAnalyser, WorkerHealth } from '../../src/core/hrv/protocol';
import { ReplaySource } from '../../src/adapters/sources/replay-source';
import { SimulatedHeartSource } from '../../src/adapters/sources/simulated-source';
import type { LiveBeat } from '../../src/core/hrv/live';
import type { LiveResponse, PacerBreaths } from '../../src/core/pacer/live-response';
import { breathingResponse } from '../../src/core/hrv/biofeedback';
import { beatsCsv } from '../../src/core/export/session-text';
import { parseRrText } from '../../src/core/rr-file/reader';
import { evenBeats } from '../core/export/beats';

class RecordingAnalyser implements HrvAnalyser {
  beats: LiveBeat[] = [];
  resets: string[] = [];
  /** Each update with the number of beats sent before it. */
  updates: { afterBeats: number; update: PacerBreaths }[] = [];
  reset(id: string) {
    this.resets.push(id);
  }
  push(beats: readonly LiveBeat[]) {
    this.beats.push(...beats);
  }
  breaths(update: PacerBreaths) {
    this.updates.push({ afterBeats: this.beats.length, update });
  }
  dispose() {}
}

/** A session with its analyser recorded, a clock the test moves, and the worker's answer and health to call. */
function clockedSession() {
  const analyser = new RecordingAnalyser();
  const clock = { nowMs: 0 };
  const worker = { answer: (_r: LiveResponse): void => {}, health: (_h: WorkerHealth): void => {} };
  const session = new LiveSession(
    (_m, _e, onHealth, onBreathResponse) => {
      worker.answer = onBreathResponse;
      worker.health = onHealth;
      return analyser;
    },
    () => clock.nowMs,
  );
  return { analyser, clock, session, worker };
}

/** A {@link clockedSession} on a replay of `beats` even 1 s beats. */
function evenReplaySession(beats: number) {
  const harness = clockedSession();
  const source = new ReplaySource(
    'r',
    Array.from({ length: beats }, () => 1000),
    { now: () => harness.clock.nowMs },
  );
  return { ...harness, source };
}

describe('LiveSession', () => {
  it('sends every beat to the analyser, keeps two minutes for the tachogram, and ends cleanly', async () => {
    const { analyser, clock, session, source } = evenReplaySession(200);
    const seen: number[] = [];
    const numbers: number[] = [];
    session.observe({
      beat: (b, pacer) => {
        seen.push(pacer.rateBpm);
        numbers.push(b.seq);
      },
    });
    await session.start(source);
    expect(session.running).toBe(true);
    clock.nowMs = 150_000;
    source.tick();
    expect(analyser.beats).toHaveLength(150);
    // One identity: the number the session gave each beat reaches the worker, the observers and the tachogram.
    const oneTo150 = Array.from({ length: 150 }, (_, i) => i + 1);
    expect(analyser.beats.map((b) => b.seq)).toEqual(oneTo150);
    expect(numbers).toEqual(oneTo150);
    expect(session.recentBeats.map((b) => b.beat.seq)).toEqual(oneTo150.slice(-121));
    expect(analyser.resets).toHaveLength(1);
    expect(session.recentBeats.length).toBe(121);
    expect(session.recentBeats[0]?.beat.timeMs).toBe(30_000);
    expect(seen).toHaveLength(150);
    expect(new Set(seen)).toEqual(new Set([6]));
    await session.stop();
    expect(session.running).toBe(false);
    expect(session.status).toEqual({ state: 'ended', reason: 'stopped' });
    // A new session numbers its beats from 1 again.
    const next = new ReplaySource(
      'r2',
      Array.from({ length: 5 }, () => 1000),
      { now: () => clock.nowMs },
    );
    await session.start(next);
    clock.nowMs += 3_000;
    next.tick();
    expect(analyser.beats.slice(150).map((b) => b.seq)).toEqual([1, 2, 3]);
    await session.stop();
  });

  it('passes the worker’s per-breath answers to observers while the session runs, and none after it ended', async () => {
    const { session, source, worker } = evenReplaySession(30);
    const heard: number[] = [];
    session.observe({ breathResponse: (r) => heard.push(r.breathIndex) });
    await session.start(source);
    const response = (breathIndex: number): LiveResponse => ({
      breathIndex,
      atS: 10 * breathIndex,
      breaths: [],
      indicator: breathingResponse([], () => 0, [], 0, 0, 0.1),
    });
    worker.answer(response(1));
    await session.stop();
    worker.answer(response(2));
    expect(heard).toEqual([1]);
  });

  it('tells the analyser each breath of the pacer once, with its pattern, after the beat that showed it', async () => {
    const { analyser, clock, session, source } = evenReplaySession(120);
    session.setRate(6);
    await session.start(source);
    clock.nowMs = 45_000;
    source.tick();
    session.setRate(5);
    clock.nowMs = 120_000;
    source.tick();
    const told = analyser.updates.flatMap((u) => u.update.breaths);
    expect(told.map((b) => b.index)).toEqual(session.schedule.breaths().map((b) => b.index));
    expect(told.map((b) => b.startS)).toEqual(session.schedule.breaths().map((b) => b.startS));
    // 6/min for the breaths begun before the change, then 5/min (12 s) from the next breath on.
    expect(told.slice(0, 5).map((b) => b.startS)).toEqual([0, 10, 20, 30, 40]);
    expect(told[5]?.startS).toBe(50);
    expect(told[6]?.startS).toBe(62);
    // Each breath is told at the first beat inside it (a beat a second: the beat at its start), that beat sent first.
    for (const { afterBeats, update } of analyser.updates) {
      const startS = update.breaths.at(-1)?.startS ?? NaN;
      expect(analyser.beats[afterBeats - 1]?.timeMs).toBe(Math.max(1000, Math.ceil(startS) * 1000));
      expect(update.measured).toEqual([]);
    }
    await session.stop();
  });

  it('measures the breath of a simulated chest against the pacer: its rate and its lag behind it', async () => {
    const { clock, session } = clockedSession();
    const source = new SimulatedHeartSource(
      { seed: 4 },
      session.breathingAt,
      { now: () => clock.nowMs },
      { lagS: 0.9 },
    );
    await session.start(source);
    expect(session.breathing).toBeNull();
    for (clock.nowMs = 0; clock.nowMs <= 80_000; clock.nowMs += 500) source.tick();
    const breathing = session.breathing;
    if (breathing?.status !== 'ok') throw new Error(`no breath: ${JSON.stringify(breathing)}`);
    expect(Math.abs(breathing.rateBpm - session.rateBpm)).toBeLessThan(0.5);
    expect(Math.abs((breathing.lagS ?? Number.NaN) - 0.9)).toBeLessThan(0.3);
    await session.stop();
  });

  it('measures the breath a replayed CSV carries, keeps it in the trace and hands its breaths to the pacer', async () => {
    const { clock, session } = clockedSession();
    // A recording at 75 bpm whose person breathed at 6/min, 1.5 s behind a pacer that started with the session.
    const beats = evenBeats(120, 800, 6);
    const values = Float32Array.from({ length: 4 * 100 }, (_, k) =>
      Math.sin((2 * Math.PI * (k / 4 - 1.5)) / 10 - Math.PI / 2),
    );
    const read = parseRrText(beatsCsv(beats, { startMs: 0, values: values.map((v) => 25 * v) }));
    if (!read.ok) throw new Error(read.error.kind);
    const source = new ReplaySource(
      'h10.csv',
      { ...read.value.beats, breath: read.value.breath },
      { now: () => clock.nowMs },
    );
    await session.start(source);
    for (clock.nowMs = 0; clock.nowMs <= 90_000; clock.nowMs += 500) source.tick();
    const breathing = session.breathing;
    if (breathing?.status !== 'ok') throw new Error(`no breath: ${JSON.stringify(breathing)}`);
    expect(Math.abs(breathing.rateBpm - 6)).toBeLessThan(0.5);
    expect(session.measuredBreaths.length).toBeGreaterThan(4);
    expect(session.breathTrace.sampleCount).toBeGreaterThan(4 * 40);
    await session.stop();
  });

  it('has no measured breath from a source without a chest sensor', async () => {
    const { clock, session } = clockedSession();
    const source = new SimulatedHeartSource({ seed: 4 }, session.breathingAt, { now: () => clock.nowMs });
    await session.start(source);
    for (clock.nowMs = 0; clock.nowMs <= 40_000; clock.nowMs += 1000) source.tick();
    expect(session.breathing).toBeNull();
    await session.stop();
  });

  it("follows the worker client's health: restarted, failed, and running again at the next start", async () => {
    const { clock, session, source, worker } = evenReplaySession(20);
    await session.start(source);
    expect(session.analysis).toEqual({ state: 'running' });
    worker.health({ state: 'restarted', restarts: 1, reason: { kind: 'crashed', detail: 'boom' } });
    expect(session.analysis.state).toBe('restarted');
    expect(session.running).toBe(true);
    worker.health({ state: 'failed', reason: { kind: 'crashed', detail: 'boom' } });
    expect(session.analysis.state).toBe('failed');
    await session.stop();
    await session.start(new ReplaySource('r2', [1000, 1000], { now: () => clock.nowMs }));
    expect(session.analysis).toEqual({ state: 'running' });
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
      const { clock, session, source } = evenReplaySession(600);
      session.setLength(5);
      session.setRate(6.5);
      await session.start(source);
      clock.nowMs = 294_000;
      vi.advanceTimersByTime(250);
      expect(session.remainingS()).toBeCloseTo(6, 9);
      expect(session.running).toBe(true);
      // 6.5 breaths/min: breaths of 120/13 s; the 33rd runs from 295.4 s to 304.6 s, across the 5 minutes.
      clock.nowMs = 303_000;
      vi.advanceTimersByTime(250);
      expect(session.remainingS()).toBe(0);
      expect(session.running).toBe(true);
      clock.nowMs = 304_000;
      vi.advanceTimersByTime(250);
      expect(session.running).toBe(true);
      clock.nowMs = 304_700;
      vi.advanceTimersByTime(250);
      await vi.waitFor(() => expect(session.running).toBe(false));
      expect(session.completed).toBe(true);
      expect(session.status).toEqual({ state: 'ended', reason: 'stopped' });
    });

    it('runs open-ended when no length is chosen, and a stopped session is not "completed"', async () => {
      vi.useFakeTimers();
      const { clock, session, source } = evenReplaySession(3000);
      session.setLength('open');
      await session.start(source);
      clock.nowMs = 25 * 60_000;
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
