import { afterEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { exportBackup, importSessions, restoreBackup } from '../../../src/adapters/storage/backup';
import { chunksOf } from '../../../src/adapters/storage/chunks';
import { ResonanceStore } from '../../../src/adapters/storage/store';
import { STORE } from '../../../src/adapters/storage/schema';
import { backupJson, parseBackup } from '../../../src/core/export/backup';
import { toColumns } from '../../../src/core/session/columns';
import { makeBeats, makeHeartRateSamples, makeSession, uniqueDbName } from './fixtures';
import { SessionRecorder } from '../../../src/adapters/storage/recorder';
import { sampleReading } from '../../core/readiness/readings';
import { BreathTrace } from '../../../src/core/respiration/breath-trace';

const names: string[] = [];

async function openStore(): Promise<ResonanceStore> {
  const name = uniqueDbName('backup');
  names.push(name);
  const result = await ResonanceStore.open(name);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

afterEach(async () => {
  for (const name of names.splice(0)) await deleteDB(name);
});

async function filled(): Promise<ResonanceStore> {
  const store = await openStore();
  const a = makeBeats(600);
  const b = makeBeats(40);
  value(
    await importSessions(store, [
      {
        session: makeSession('a', 1000, { summary: { ...makeSession('a', 0).summary, beatCount: 600 } }),
        beats: a,
      },
      {
        session: makeSession('b', 2000, { summary: { ...makeSession('b', 0).summary, beatCount: 40 } }),
        beats: b,
      },
    ]),
  );
  value(await store.putSession(makeSession('open', 3000, { status: 'recording', end: null })));
  value(
    await store.putAssessment({ id: 'as', timeMs: 1, resonanceRateBpm: 6, candidates: [], sessionId: 'a' }),
  );
  value(await store.putSetting('reminder', '07:30'));
  value(await store.putReading(sampleReading('r2', 20_000, 50)));
  value(await store.putReading(sampleReading('r1', 10_000, 40)));
  return store;
}

describe('backup export and restore on real IndexedDB', () => {
  it('splits columns into chunks whose gaps and labels are re-based', () => {
    const beats = makeBeats(300);
    const chunks = chunksOf('s', toColumns(beats));
    expect(chunks.map((c) => c.rrMs.length)).toEqual([256, 44]);
    expect(chunks[1]?.artifacts[0]).toEqual([299 - 256, 'ectopic']);
    expect(chunks[0]?.gaps).toEqual([100]);
  });

  it('restores into a fresh database the same history, and a second restore adds nothing', async () => {
    const source = await filled();
    const backup = value(await exportBackup(source, 42));
    expect(backup.sessions.map((s) => s.session.id)).toEqual(['a', 'b']); // the unfinished one is left out
    const parsed = parseBackup(backupJson(backup));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));

    const target = await openStore();
    expect(value(await restoreBackup(target, parsed.value))).toEqual({
      addedSessions: 2,
      skippedSessions: 0,
      addedAssessments: 1,
      addedReadings: 2,
      skippedReadings: 0,
    });
    const again = value(await restoreBackup(target, parsed.value));
    expect(again).toEqual({
      addedSessions: 0,
      skippedSessions: 2,
      addedAssessments: 0,
      addedReadings: 0,
      skippedReadings: 2,
    });
    expect(backup.readings.map((r) => r.id)).toEqual(['r1', 'r2']); // oldest first
    expect(value(await target.listReadings())).toEqual(value(await source.listReadings()));

    const sourceList = value(await source.listSessions()).filter((s) => s.status === 'finished');
    expect(value(await target.listSessions())).toEqual(sourceList);
    expect(value(await target.readBeats('a'))).toEqual(makeBeats(600));
    // Written as typed columns, which IndexedDB clones as blocks of bytes.
    expect((await target.db.get(STORE.beatChunks, ['a', 0]))?.rrMs).toBeInstanceOf(Float64Array);
    expect(value(await target.listAssessments())).toEqual(value(await source.listAssessments()));
    expect(value(await target.getSetting('reminder'))).toBe('07:30');
    source.close();
    target.close();
  });

  it('keeps settings already set here when restoring', async () => {
    const source = await filled();
    const backup = value(await exportBackup(source, 1));
    const target = await openStore();
    value(await target.putSetting('reminder', '21:00'));
    value(await restoreBackup(target, backup));
    expect(value(await target.getSetting('reminder'))).toBe('21:00');
    source.close();
    target.close();
  });

  it('a heart-rate-only session goes out with its samples and comes back into an empty database', async () => {
    const store = await openStore();
    const recorder = new SessionRecorder(
      store,
      { id: 'w', startTimeMs: 5000, sourceKind: 'bluetooth', sourceLabel: 'Forerunner 265' },
      { timers: { setInterval: () => 0, clearInterval: () => {} } },
    );
    await recorder.begin();
    const samples = makeHeartRateSamples(300);
    samples.forEach((s) => recorder.recordHeartRate(s));
    const record = await recorder.stop();
    const backup = value(await exportBackup(store, 7));
    const text = backupJson(backup);
    store.close();

    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const fresh = await openStore();
    value(await restoreBackup(fresh, parsed.value));
    const session = value(await fresh.getSession('w'));
    expect(session).toEqual(record);
    expect(session?.signal).toBe('heart-rate');
    expect(value(await fresh.readHeartRate('w'))).toEqual(samples);
    fresh.close();
  });

  it('a session with a measured breath goes out with it and comes back the same, once however often restored', async () => {
    const store = await openStore();
    const recorder = new SessionRecorder(
      store,
      { id: 'h10', startTimeMs: 5000, sourceKind: 'bluetooth', sourceLabel: 'Polar H10 1A2B' },
      { timers: { setInterval: () => 0, clearInterval: () => {} }, holdLock: () => () => {} },
    );
    const trace = new BreathTrace();
    recorder.recordBreath(trace);
    await recorder.begin();
    const beats = makeBeats(700); // four chunks: the stored breath is in slices
    let next = 0;
    for (let s = 10; s <= 620; s += 10) {
      while (next < beats.length && (beats[next]?.timeMs ?? 0) <= s * 1000) recorder.record(beats[next++]!);
      // A one-minute chest window at 10 Hz ending at s, a 6/min breath; a hole between 200 and 260 s.
      const startS = Math.max(0, s - 60);
      const values = Float32Array.from({ length: (s - startS) * 10 + 1 }, (_, k) =>
        Math.sin((2 * Math.PI * (startS + k / 10)) / 10),
      );
      if (s < 200 || s > 260) trace.add({ startS, stepS: 0.1, values });
      await recorder.flush();
    }
    while (next < beats.length) recorder.record(beats[next++]!);
    await recorder.stop();
    const stored = value(await store.readBreath('h10'));
    expect(stored?.values.some(Number.isNaN)).toBe(true);
    const text = backupJson(value(await exportBackup(store, 7)));
    store.close();

    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.value.version).toBe(4);
    const fresh = await openStore();
    value(await restoreBackup(fresh, parsed.value));
    const again = value(await restoreBackup(fresh, parsed.value));
    expect(again.addedSessions).toBe(0);
    expect(again.skippedSessions).toBe(1);
    const restored = value(await fresh.readBreath('h10'));
    expect(restored?.startMs).toBe(stored?.startMs);
    expect(Array.from(restored?.values ?? [])).toEqual(Array.from(stored?.values ?? []));
    expect(value(await fresh.readBeats('h10'))).toHaveLength(700);
    const chunks = await fresh.db.getAll(STORE.beatChunks);
    expect(chunks.filter((c) => c.breath !== undefined)).toHaveLength(1);
    fresh.close();
  });

  it('an imported CSV with the measured breath keeps it with the session', async () => {
    const store = await openStore();
    const values = Float32Array.from({ length: 40 }, (_, k) => (k === 5 ? Number.NaN : k / 3));
    const beats = makeBeats(30);
    const session = makeSession('imp', 1000, {
      summary: { ...makeSession('imp', 0).summary, beatCount: 30 },
    });
    expect(value(await importSessions(store, [{ session, beats, breath: { startMs: 750, values } }]))).toBe(
      1,
    );
    const read = value(await store.readBreath('imp'));
    expect(read?.startMs).toBe(750);
    expect(Array.from(read?.values ?? [])).toEqual(Array.from(values));
    store.close();
  });
});
