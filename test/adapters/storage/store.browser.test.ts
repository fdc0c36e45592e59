import { afterEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { toColumns } from '../../../src/core/session/columns';
import { ResonanceStore } from '../../../src/adapters/storage/store';
import { toStorageError } from '../../../src/adapters/storage/database';
import { makeBeats, makeSession, uniqueDbName } from './fixtures';
import { sampleReading } from '../../core/readiness/readings';

const opened: { store: ResonanceStore; name: string }[] = [];

async function open(): Promise<ResonanceStore> {
  const name = uniqueDbName('store');
  const result = await ResonanceStore.open(name);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  opened.push({ store: result.value, name });
  return result.value;
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

afterEach(async () => {
  for (const { store, name } of opened.splice(0)) {
    store.close();
    await deleteDB(name);
  }
});

describe('ResonanceStore against real IndexedDB', () => {
  it('lists sessions oldest first with their check-ins joined', async () => {
    const store = await open();
    value(await store.putSession(makeSession('b', 2000)));
    value(await store.putSession(makeSession('a', 1000, { checkInAfter: null })));
    const list = value(await store.listSessions());
    expect(list.map((s) => s.id)).toEqual(['a', 'b']);
    expect(list[0]?.checkInBefore).toEqual({ stress: 7, note: 'busy day' });
    expect(list[0]?.checkInAfter).toBeNull();
    expect(list[1]?.checkInAfter).toEqual({ stress: 4, note: '' });
  });

  it('stores beats in chunks and reads them back in order, labels and gaps intact', async () => {
    const store = await open();
    const session = makeSession('s', 1000);
    const beats = makeBeats(600);
    const { checkInBefore: _b, checkInAfter: _a, ...row } = session;
    // Written out of order on purpose: the key order, not the write order, decides.
    value(await store.putSessionAndChunks(row, [{ sessionId: 's', seq: 2, ...toColumns(beats.slice(512)) }]));
    value(
      await store.putSessionAndChunks(row, [{ sessionId: 's', seq: 0, ...toColumns(beats.slice(0, 256)) }]),
    );
    value(
      await store.putSessionAndChunks(row, [{ sessionId: 's', seq: 1, ...toColumns(beats.slice(256, 512)) }]),
    );
    expect(value(await store.readBeats('s'))).toEqual(beats);
  });

  it('keeps one session’s beats apart from another whose id shares a prefix', async () => {
    const store = await open();
    const { checkInBefore: _b, checkInAfter: _a, ...row } = makeSession('x', 1);
    value(await store.putSessionAndChunks(row, [{ sessionId: 'x', seq: 0, ...toColumns(makeBeats(3)) }]));
    value(
      await store.putSessionAndChunks({ ...row, id: 'xy' }, [
        { sessionId: 'xy', seq: 0, ...toColumns(makeBeats(5)) },
      ]),
    );
    expect(value(await store.readBeats('x'))).toHaveLength(3);
    expect(value(await store.readBeats('xy'))).toHaveLength(5);
  });

  it('finds sessions left recording', async () => {
    const store = await open();
    value(await store.putSession(makeSession('done', 1)));
    value(await store.putSession(makeSession('open', 2, { status: 'recording', end: null })));
    expect(value(await store.unfinishedSessions()).map((s) => s.id)).toEqual(['open']);
  });

  it('deletes one session with its beats and check-ins, leaving others', async () => {
    const store = await open();
    const { checkInBefore: _b, checkInAfter: _a, ...row } = makeSession('gone', 1);
    value(await store.putSession(makeSession('gone', 1)));
    value(await store.putSessionAndChunks(row, [{ sessionId: 'gone', seq: 0, ...toColumns(makeBeats(10)) }]));
    value(await store.putSession(makeSession('kept', 2)));
    value(await store.deleteSession('gone'));
    expect(value(await store.listSessions()).map((s) => s.id)).toEqual(['kept']);
    expect(value(await store.readBeats('gone'))).toEqual([]);
    expect(value(await store.getSession('gone'))).toBeNull();
    expect(value(await store.getSession('kept'))?.checkInBefore?.stress).toBe(7);
  });

  it('updates and clears a check-in without touching the session row', async () => {
    const store = await open();
    value(await store.putSession(makeSession('s', 1)));
    value(await store.putCheckIn('s', 'after', { stress: 2, note: 'calm' }));
    expect(value(await store.getSession('s'))?.checkInAfter).toEqual({ stress: 2, note: 'calm' });
    value(await store.putCheckIn('s', 'before', null));
    expect(value(await store.getSession('s'))?.checkInBefore).toBeNull();
  });

  it('keeps assessments in time order and settings by key', async () => {
    const store = await open();
    value(
      await store.putAssessment({
        id: 'late',
        timeMs: 20,
        resonanceRateBpm: 5.5,
        candidates: [],
        sessionId: null,
      }),
    );
    value(
      await store.putAssessment({
        id: 'early',
        timeMs: 10,
        resonanceRateBpm: 6,
        candidates: [{ rateBpm: 6, score: 1 }],
        sessionId: null,
      }),
    );
    expect(value(await store.listAssessments()).map((a) => a.id)).toEqual(['early', 'late']);
    value(await store.putSetting('reminder', { hour: 7, minute: 30 }));
    expect(value(await store.getSetting('reminder'))).toEqual({ hour: 7, minute: 30 });
    expect(value(await store.getSetting('missing'))).toBeUndefined();
  });

  it('keeps morning readings oldest first, deletes one by id', async () => {
    const store = await open();
    value(await store.putReading(sampleReading('late', 2000)));
    value(await store.putReading(sampleReading('early', 1000, 35)));
    const list = value(await store.listReadings());
    expect(list.map((r) => r.id)).toEqual(['early', 'late']);
    expect(list[0]).toEqual(sampleReading('early', 1000, 35));
    value(await store.deleteReading('late'));
    expect(value(await store.listReadings()).map((r) => r.id)).toEqual(['early']);
  });

  it('deletes everything', async () => {
    const store = await open();
    value(await store.putSession(makeSession('s', 1)));
    value(await store.putSetting('k', 1));
    value(await store.putReading(sampleReading('r', 1)));
    value(await store.deleteEverything());
    expect(value(await store.listReadings())).toEqual([]);
    expect(value(await store.listSessions())).toEqual([]);
    expect(value(await store.getSetting('k'))).toBeUndefined();
  });

  it('reports a failed transaction as a typed error, and writes nothing of it', async () => {
    const store = await open();
    // A session row without its key path makes put() throw inside the transaction.
    const bad = { ...makeSession('bad', 1), id: undefined as unknown as string };
    const result = await store.putSession(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('failed');
    expect(value(await store.listSessions())).toEqual([]);
  });

  it('turns a quota error into storage-full', () => {
    expect(toStorageError(new DOMException('quota', 'QuotaExceededError')).kind).toBe('storage-full');
    expect(toStorageError(new DOMException('x', 'DataError')).kind).toBe('failed');
  });
});
