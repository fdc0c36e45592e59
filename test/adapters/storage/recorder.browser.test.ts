import { afterEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { SessionRecorder, type RecorderStore } from '../../../src/adapters/storage/recorder';
import type { Intervals } from '../../../src/adapters/timers';
import { recoverUnfinished } from '../../../src/adapters/storage/recovery';
import { ResonanceStore } from '../../../src/adapters/storage/store';
import type { StorageResult } from '../../../src/adapters/storage/database';
import { summariseBeats } from '../../../src/core/session/summary';
import { makeBeats, makeHeartRateSamples, uniqueDbName } from './fixtures';
import { summariseHeartRate } from '../../../src/core/hr-only/summary';

const names: string[] = [];

async function openStore(name = uniqueDbName('recorder')): Promise<ResonanceStore> {
  if (!names.includes(name)) names.push(name);
  const result = await ResonanceStore.open(name);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** Timers the test fires by hand. */
function manualTimers(): Intervals & { fire(): void; active: number } {
  let fn: (() => void) | null = null;
  const timers = {
    active: 0,
    setInterval(f: () => void) {
      fn = f;
      timers.active += 1;
      return 1;
    },
    clearInterval() {
      fn = null;
      timers.active -= 1;
    },
    fire() {
      fn?.();
    },
  };
  return timers;
}

/** The tab that held the recording lock has closed: nothing holds it. */
const closedTab = () => () => {};

const start = (id: string) => ({
  id,
  startTimeMs: 1_700_000_000_000,
  sourceKind: 'simulated' as const,
  sourceLabel: 'Simulated heart',
});

afterEach(async () => {
  for (const name of names.splice(0)) await deleteDB(name);
});

describe('SessionRecorder', () => {
  it('a closed tab loses only the beats after the last flush, and the next launch finishes the session', async () => {
    const name = uniqueDbName('crash');
    const store = await openStore(name);
    const timers = manualTimers();
    const recorder = new SessionRecorder(
      store,
      { ...start('s'), checkInBefore: { stress: 6, note: 'tense' } },
      { timers, holdLock: closedTab },
    );
    await recorder.begin();
    const beats = makeBeats(700);
    beats.slice(0, 650).forEach((b) => recorder.record(b));
    timers.fire();
    await recorder.flush(); // wait for the timer's write
    beats.slice(650).forEach((b) => recorder.record(b)); // never flushed: the tab closes now
    store.close();

    const next = await openStore(name);
    const recovered = await recoverUnfinished(next);
    if (!recovered.ok) throw new Error(JSON.stringify(recovered.error));
    expect(recovered.value.finished.map((s) => s.id)).toEqual(['s']);
    const session = await next.getSession('s');
    if (!session.ok || !session.value) throw new Error('session missing');
    expect(session.value.status).toBe('finished');
    expect(session.value.end).toBe('recovered');
    expect(session.value.checkInBefore).toEqual({ stress: 6, note: 'tense' });
    expect(session.value.summary).toEqual(summariseBeats(beats.slice(0, 650)));
    expect(session.value.durationMs).toBe(beats[649]?.timeMs);
    expect(await next.readBeats('s')).toEqual({ ok: true, value: beats.slice(0, 650) });
    // Running recovery again finds nothing left to do.
    const again = await recoverUnfinished(next);
    expect(again.ok && again.value.finished).toEqual([]);
    next.close();
  });

  it('grows chunks across flushes and stop writes the finished record with every beat', async () => {
    const store = await openStore();
    const timers = manualTimers();
    const recorder = new SessionRecorder(store, start('s'), { timers });
    await recorder.begin();
    const beats = makeBeats(600);
    for (let i = 0; i < beats.length; i += 1) {
      recorder.record(beats[i]!);
      if (i % 97 === 0) void recorder.flush();
    }
    const record = await recorder.stop({ checkInAfter: { stress: 3, note: '' } });
    expect(timers.active).toBe(0);
    expect(record.status).toBe('finished');
    expect(record.summary).toEqual(summariseBeats(beats));
    expect(await store.readBeats('s')).toEqual({ ok: true, value: beats });
    const stored = await store.getSession('s');
    expect(stored.ok && stored.value?.checkInAfter).toEqual({ stress: 3, note: '' });
    expect(stored.ok && stored.value?.summary.beatCount).toBe(600);
    store.close();
  });

  it('on a full disk says so, keeps the session in memory, and saves everything once space returns', async () => {
    const real = await openStore();
    let full = true;
    const problems: (string | null)[] = [];
    const flaky: RecorderStore = {
      putSession: (s) => real.putSession(s),
      putSessionAndChunks: (row, chunks): Promise<StorageResult<void>> =>
        full
          ? Promise.resolve({ ok: false, error: { kind: 'storage-full' } })
          : real.putSessionAndChunks(row, chunks),
    };
    const recorder = new SessionRecorder(flaky, start('s'), {
      timers: manualTimers(),
      onProblem: (p) => problems.push(p?.kind ?? null),
    });
    await recorder.begin();
    const beats = makeBeats(300);
    beats.slice(0, 200).forEach((b) => recorder.record(b));
    await recorder.flush();
    expect(recorder.problem?.kind).toBe('storage-full');
    expect(recorder.savedCount).toBe(0);
    beats.slice(200).forEach((b) => recorder.record(b));
    const snapshot = recorder.snapshot();
    expect(snapshot.beats).toEqual(beats);
    // A snapshot stays as it was taken: a beat recorded after it is not in it, and its summary agrees with it.
    const later = { ...beats.at(-1)!, timeMs: beats.at(-1)!.timeMs + 1000 };
    recorder.record(later);
    expect(snapshot.beats).toHaveLength(beats.length);
    expect(snapshot.session.summary.beatCount).toBe(snapshot.beats.length);
    full = false;
    await recorder.flush();
    expect(recorder.problem).toBeNull();
    expect(problems).toEqual(['storage-full', null]);
    expect(await real.readBeats('s')).toEqual({ ok: true, value: [...beats, later] });
    real.close();
  });

  it('rewrites an already stored chunk when the HRV engine relabels one of its beats', async () => {
    const store = await openStore();
    const recorder = new SessionRecorder(store, start('s'), { timers: manualTimers() });
    await recorder.begin();
    const beats = makeBeats(300);
    beats.forEach((b) => recorder.record(b));
    await recorder.flush();
    recorder.relabel(10, 'missed'); // in the first, already closed chunk
    recorder.relabel(299, 'long'); // in the open chunk
    recorder.relabel(5000, 'long'); // no such beat: ignored
    await recorder.flush();
    const stored = await store.readBeats('s');
    if (!stored.ok) throw new Error(JSON.stringify(stored.error));
    expect(stored.value[10]?.artifact).toBe('missed');
    expect(stored.value[299]?.artifact).toBe('long');
    expect(stored.value.filter((b, i) => b.artifact !== beats[i]?.artifact)).toHaveLength(2);
    store.close();
  });

  it('leaves alone a session another tab is still recording, and recovers it once that stops holding it', async () => {
    const store = await openStore();
    const recorder = new SessionRecorder(store, start('live'), { timers: manualTimers() });
    await recorder.begin();
    makeBeats(30).forEach((b) => recorder.record(b));
    await recorder.flush();
    const during = await recoverUnfinished(store);
    expect(during.ok && during.value).toEqual({ finished: [], removed: [] });
    await recorder.stop();
    const list = await store.listSessions();
    expect(list.ok && list.value.map((s) => [s.id, s.status, s.end])).toEqual([
      ['live', 'finished', 'stopped'],
    ]);
    store.close();
  });

  it('a stopped session too short to keep holds its lock until it is kept or let go', async () => {
    const store = await openStore();
    const lockNow = { held: 0, released: 0 };
    const countingLock = () => {
      lockNow.held += 1;
      return () => (lockNow.released += 1);
    };
    const kept = new SessionRecorder(store, start('kept'), {
      timers: manualTimers(),
      holdLock: countingLock,
      minKeptMs: 30_000,
    });
    await kept.begin();
    makeBeats(10).forEach((b) => kept.record(b));
    await kept.stop();
    expect(kept.held).toBe(true);
    expect(lockNow.released).toBe(0);
    await kept.keep();
    expect(lockNow.released).toBe(1);
    const list = await store.listSessions();
    expect(list.ok && list.value.map((s) => [s.id, s.status])).toEqual([['kept', 'finished']]);

    const dropped = new SessionRecorder(store, start('dropped'), {
      timers: manualTimers(),
      holdLock: countingLock,
      minKeptMs: 30_000,
    });
    await dropped.begin();
    makeBeats(10).forEach((b) => dropped.record(b));
    dropped.discard(); // still recording: the lock stays
    expect(lockNow.released).toBe(1);
    await dropped.stop();
    expect(lockNow.released).toBe(1);
    dropped.discard();
    expect(lockNow.released).toBe(2);
    store.close();
  });

  it('removes an unfinished session that stored no beats', async () => {
    const store = await openStore();
    const recorder = new SessionRecorder(store, start('empty'), {
      timers: manualTimers(),
      holdLock: closedTab,
    });
    await recorder.begin();
    const recovered = await recoverUnfinished(store);
    expect(recovered.ok && recovered.value.removed).toEqual(['empty']);
    const list = await store.listSessions();
    expect(list.ok && list.value).toEqual([]);
    store.close();
  });

  it('without storage, records in memory and reports why', async () => {
    const recorder = new SessionRecorder(null, start('m'), { timers: manualTimers() });
    await recorder.begin();
    makeBeats(5).forEach((b) => recorder.record(b));
    const record = await recorder.stop();
    expect(recorder.problem?.kind).toBe('not-open');
    expect(record.summary.beatCount).toBe(5);
  });
});

describe('SessionRecorder with a heart-rate-only device', () => {
  it('a closed tab loses only the samples after the last flush; the next launch finishes a heart-rate session', async () => {
    const name = uniqueDbName('hr-crash');
    const store = await openStore(name);
    const timers = manualTimers();
    const recorder = new SessionRecorder(
      store,
      { ...start('w'), sourceKind: 'bluetooth' },
      {
        timers,
        holdLock: closedTab,
      },
    );
    await recorder.begin();
    const samples = makeHeartRateSamples(600);
    samples.slice(0, 300).forEach((s) => recorder.recordHeartRate(s));
    timers.fire();
    await recorder.flush();
    samples.slice(300, 550).forEach((s) => recorder.recordHeartRate(s));
    await recorder.flush(); // rewrites the open chunk and adds the next
    samples.slice(550).forEach((s) => recorder.recordHeartRate(s)); // never flushed
    const during = await store.getSession('w');
    expect(during.ok && during.value?.signal).toBe('heart-rate');
    store.close();

    const next = await openStore(name);
    const recovered = await recoverUnfinished(next);
    if (!recovered.ok) throw new Error(JSON.stringify(recovered.error));
    expect(recovered.value.finished.map((s) => s.id)).toEqual(['w']);
    expect(recovered.value.removed).toEqual([]);
    const session = await next.getSession('w');
    if (!session.ok || !session.value) throw new Error('session missing');
    expect(session.value).toMatchObject({ status: 'finished', end: 'recovered', signal: 'heart-rate' });
    expect(session.value.summary).toEqual(summariseHeartRate(samples.slice(0, 550)));
    expect(session.value.summary.rmssdMs).toBeNull();
    expect(session.value.durationMs).toBe(samples[549]?.timeMs);
    expect(await next.readHeartRate('w')).toEqual({ ok: true, value: samples.slice(0, 550) });
    expect(await next.readBeats('w')).toEqual({ ok: true, value: [] });
    next.close();
  });

  it('never stores an impossible heart rate, and keeps the gap marks', async () => {
    const store = await openStore();
    const recorder = new SessionRecorder(store, start('w'), { timers: manualTimers() });
    await recorder.begin();
    const good = makeHeartRateSamples(120);
    good.forEach((s, i) => {
      recorder.recordHeartRate(s);
      if (i === 10) recorder.recordHeartRate({ ...s, heartRateBpm: 0 });
      if (i === 20) recorder.recordHeartRate({ ...s, heartRateBpm: 19 });
      if (i === 30) recorder.recordHeartRate({ ...s, heartRateBpm: 301 });
      if (i === 40) recorder.recordHeartRate({ ...s, heartRateBpm: Number.NaN });
    });
    const record = await recorder.stop();
    expect(record.signal).toBe('heart-rate');
    expect(record.summary.heartRateSamples).toBe(120);
    expect(record.summary.beatCount).toBe(0);
    // A 16 bpm swing in whole bpm sampled at 1 Hz with a 10 s breath.
    expect(record.summary.meanSwingBpm).toBeGreaterThan(14);
    expect(record.summary.meanSwingBpm).toBeLessThan(17.5);
    const stored = await store.readHeartRate('w');
    expect(stored).toEqual({ ok: true, value: good });
    expect(stored.ok && stored.value.filter((s) => s.afterGap).map((s) => s.timeMs)).toEqual([
      good[100]?.timeMs,
    ]);
    store.close();
  });

  it('a session that stored neither beats nor samples is still removed', async () => {
    const name = uniqueDbName('hr-empty');
    const store = await openStore(name);
    const recorder = new SessionRecorder(store, start('e'), { timers: manualTimers(), holdLock: closedTab });
    await recorder.begin();
    const recovered = await recoverUnfinished(store);
    expect(recovered.ok && recovered.value.removed).toEqual(['e']);
    store.close();
  });

  it('a heart-rate-only session shorter than the kept minimum is held back; a longer one is written', async () => {
    const store = await openStore();
    const samples = makeHeartRateSamples(60);
    const short = new SessionRecorder(store, start('short'), { timers: manualTimers(), minKeptMs: 30_000 });
    await short.begin();
    samples.slice(0, 20).forEach((s) => short.recordHeartRate(s));
    await short.stop();
    expect(short.held).toBe(true);
    const long = new SessionRecorder(store, start('long'), { timers: manualTimers(), minKeptMs: 30_000 });
    await long.begin();
    samples.slice(0, 40).forEach((s) => long.recordHeartRate(s));
    await long.stop();
    expect(long.held).toBe(false);
    const list = await store.listSessions();
    expect(list.ok && list.value.map((s) => [s.id, s.signal])).toEqual([['long', 'heart-rate']]);
    store.close();
  });
});
