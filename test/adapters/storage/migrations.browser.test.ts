/**
 * One test per schema version: each builds the older database by hand with the raw IndexedDB API (not with the
 * app's upgrade code), fills it the way that version wrote data, then opens it with the current module.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { openDatabase } from '../../../src/adapters/storage/database';
import { DB_VERSION, STORE } from '../../../src/adapters/storage/schema';
import { ResonanceStore } from '../../../src/adapters/storage/store';
import { toColumns } from '../../../src/core/session/columns';
import { makeBeats, makeSession, uniqueDbName } from './fixtures';
import { sampleReading } from '../../core/readiness/readings';

const names: string[] = [];

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Create a database at `version` with `build` as its upgrade, then close it. */
async function buildByHand(
  version: number,
  build: (db: IDBDatabase) => void,
  fill: (db: IDBDatabase) => Promise<void> = async () => {},
): Promise<string> {
  const name = uniqueDbName('migration');
  names.push(name);
  const req = indexedDB.open(name, version);
  req.onupgradeneeded = () => build(req.result);
  const db = await request(req);
  await fill(db);
  db.close();
  return name;
}

function put(db: IDBDatabase, store: string, value: unknown): Promise<IDBValidKey> {
  return request(db.transaction(store, 'readwrite').objectStore(store).put(value));
}

/** Version 1 exactly as it was: check-ins inside the session row. */
function buildVersion1(db: IDBDatabase): void {
  db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('by-start', 'startTimeMs');
  db.createObjectStore('beat-chunks', { keyPath: ['sessionId', 'seq'] });
  db.createObjectStore('settings', { keyPath: 'key' });
}

/** Version 2 exactly as it was: check-ins and assessments in their own stores, no readings. */
function buildVersion2(db: IDBDatabase): void {
  buildVersion1(db);
  db.createObjectStore('check-ins', { keyPath: ['sessionId', 'moment'] });
  db.createObjectStore('assessments', { keyPath: 'id' }).createIndex('by-time', 'timeMs');
}

/** Version 3 exactly as it was: version 2 and the morning readings, indexed by time. */
function buildVersion3(db: IDBDatabase): void {
  buildVersion2(db);
  db.createObjectStore('readings', { keyPath: 'id' }).createIndex('by-time', 'timeMs');
}

async function openStore(name: string): Promise<ResonanceStore> {
  const result = await ResonanceStore.open(name);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

afterEach(async () => {
  for (const name of names.splice(0)) await deleteDB(name);
});

describe('schema migrations', () => {
  it('creates every store in a new database (version 0 to current)', async () => {
    const name = uniqueDbName('fresh');
    names.push(name);
    const result = await openDatabase(name);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const db = result.value;
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(Object.values(STORE).sort());
    db.close();
  });

  it('version 1 → 2 moves check-ins out of session rows and keeps beats and settings', async () => {
    const beats = makeBeats(300);
    const v1Row = makeSession('s1', 1000); // version 1 rows carried checkInBefore/After
    const name = await buildByHand(1, buildVersion1, async (db) => {
      await put(db, 'sessions', v1Row);
      await put(db, 'sessions', { ...makeSession('s2', 2000), checkInBefore: null, checkInAfter: null });
      await put(db, 'beat-chunks', { sessionId: 's1', seq: 0, ...toColumns(beats.slice(0, 256)) });
      await put(db, 'beat-chunks', { sessionId: 's1', seq: 1, ...toColumns(beats.slice(256)) });
      await put(db, 'settings', { key: 'reminder', value: '07:30' });
    });
    const store = await openStore(name);
    expect(store.db.version).toBe(DB_VERSION); // every later step ran too
    const list = await store.listSessions();
    if (!list.ok) throw new Error(JSON.stringify(list.error));
    expect(list.value.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(list.value[0]?.checkInBefore).toEqual(v1Row.checkInBefore);
    expect(list.value[0]?.checkInAfter).toEqual(v1Row.checkInAfter);
    expect(list.value[1]?.checkInBefore).toBeNull();
    // The rows themselves no longer carry check-ins.
    const raw = await store.db.get(STORE.sessions, 's1');
    expect(raw && 'checkInBefore' in raw).toBe(false);
    expect(await store.readBeats('s1')).toEqual({ ok: true, value: beats });
    expect(await store.getSetting('reminder')).toEqual({ ok: true, value: '07:30' });
    store.close();
  });

  it('version 1 → 2 is safe to re-run over a database that already has some version-2 parts', async () => {
    // As if an earlier build had created the check-ins store and moved one session already.
    const name = await buildByHand(
      1,
      (db) => {
        buildVersion1(db);
        db.createObjectStore('check-ins', { keyPath: ['sessionId', 'moment'] });
      },
      async (db) => {
        const { checkInBefore: _b, checkInAfter: _a, ...moved } = makeSession('moved', 1);
        await put(db, 'sessions', moved);
        await put(db, 'check-ins', { sessionId: 'moved', moment: 'before', stress: 3, note: 'kept' });
        await put(db, 'sessions', makeSession('pending', 2));
      },
    );
    const store = await openStore(name);
    const list = await store.listSessions();
    if (!list.ok) throw new Error(JSON.stringify(list.error));
    expect(list.value.map((s) => [s.id, s.checkInBefore?.stress])).toEqual([
      ['moved', 3],
      ['pending', 7],
    ]);
    store.close();
  });

  it('version 2 → 3 adds the readings store and keeps sessions, check-ins, assessments and settings', async () => {
    const beats = makeBeats(40);
    const { checkInBefore: _b, checkInAfter: _a, ...row } = makeSession('s1', 1000);
    const assessment = { id: 'as', timeMs: 5, resonanceRateBpm: 6, candidates: [], sessionId: 's1' };
    const name = await buildByHand(2, buildVersion2, async (db) => {
      await put(db, 'sessions', row);
      await put(db, 'check-ins', { sessionId: 's1', moment: 'after', stress: 2, note: 'calm' });
      await put(db, 'assessments', assessment);
      await put(db, 'beat-chunks', { sessionId: 's1', seq: 0, ...toColumns(beats) });
      await put(db, 'settings', { key: 'theme', value: 'dark' });
    });
    const store = await openStore(name);
    expect(store.db.version).toBe(DB_VERSION);
    expect(store.db.objectStoreNames.contains(STORE.readings)).toBe(true);
    expect([...store.db.transaction(STORE.readings).store.indexNames]).toEqual(['by-time']);
    const list = await store.listSessions();
    if (!list.ok) throw new Error(JSON.stringify(list.error));
    expect(list.value.map((s) => [s.id, s.checkInAfter?.note])).toEqual([['s1', 'calm']]);
    expect(await store.listAssessments()).toEqual({ ok: true, value: [assessment] });
    expect(await store.readBeats('s1')).toEqual({ ok: true, value: beats });
    expect(await store.getSetting('theme')).toEqual({ ok: true, value: 'dark' });
    expect(await store.listReadings()).toEqual({ ok: true, value: [] });
    expect((await store.putReading(sampleReading('r', 7))).ok).toBe(true);
    store.close();
  });

  it('version 2 → 3 is safe to re-run over a database that already has the readings store', async () => {
    const name = await buildByHand(
      2,
      (db) => {
        buildVersion2(db);
        db.createObjectStore('readings', { keyPath: 'id' });
      },
      (db) => put(db, 'readings', sampleReading('kept', 3)).then(() => undefined),
    );
    const store = await openStore(name);
    expect(await store.listReadings()).toEqual({ ok: true, value: [sampleReading('kept', 3)] });
    store.close();
  });

  it('version 3 → 4 adds the heart-rate store and keeps sessions, beats, check-ins and assessments', async () => {
    const beats = makeBeats(300);
    const { checkInBefore: _b, checkInAfter: _a, ...row } = makeSession('s1', 1000);
    const name = await buildByHand(3, buildVersion3, async (db) => {
      await put(db, 'sessions', row);
      await put(db, 'beat-chunks', { sessionId: 's1', seq: 0, ...toColumns(beats.slice(0, 256)) });
      await put(db, 'beat-chunks', { sessionId: 's1', seq: 1, ...toColumns(beats.slice(256)) });
      await put(db, 'check-ins', { sessionId: 's1', moment: 'before', stress: 5, note: 'kept' });
      await put(db, 'assessments', {
        id: 'a1',
        timeMs: 5,
        resonanceRateBpm: 5.5,
        candidates: [],
        sessionId: 's1',
      });
    });
    const store = await openStore(name);
    expect(store.db.version).toBe(DB_VERSION);
    expect(store.db.objectStoreNames.contains(STORE.heartRateChunks)).toBe(true);
    const session = await store.getSession('s1');
    expect(session.ok && session.value?.checkInBefore).toEqual({ stress: 5, note: 'kept' });
    expect(session.ok && session.value?.signal).toBeUndefined(); // an older row: it measured beats
    expect(await store.readBeats('s1')).toEqual({ ok: true, value: beats });
    expect(await store.readHeartRate('s1')).toEqual({ ok: true, value: [] });
    const assessments = await store.listAssessments();
    expect(assessments.ok && assessments.value.map((a) => a.id)).toEqual(['a1']);
    store.close();
  });

  it('version 4 is safe to re-run: a heart-rate store already there is kept with its samples', async () => {
    const name = await buildByHand(
      3,
      (db) => {
        buildVersion3(db);
        db.createObjectStore('hr-chunks', { keyPath: ['sessionId', 'seq'] });
      },
      async (db) => {
        await put(db, 'hr-chunks', {
          sessionId: 'w',
          seq: 0,
          heartRateBpm: Float64Array.from([61, 62]),
          timeMs: Float64Array.from([0, 1010]),
          pacerRateBpm: Float64Array.from([6, 6]),
          pacerPhase: Float64Array.from([0, 0.1]),
          gaps: [1],
        });
      },
    );
    const store = await openStore(name);
    const samples = await store.readHeartRate('w');
    expect(samples.ok && samples.value.map((s) => [s.heartRateBpm, s.timeMs, s.afterGap])).toEqual([
      [61, 0, false],
      [62, 1010, true],
    ]);
    store.close();
  });

  it('opening the current version again changes nothing', async () => {
    const name = uniqueDbName('reopen');
    names.push(name);
    const first = await openStore(name);
    await first.putSession(makeSession('s', 1));
    first.close();
    const second = await openStore(name);
    const list = await second.listSessions();
    expect(list.ok && list.value.map((s) => s.id)).toEqual(['s']);
    second.close();
  });
});
