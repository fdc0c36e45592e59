import { afterEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { toColumns } from '../../../src/core/session/columns';
import { chunksOf } from '../../../src/adapters/storage/chunks';
import { LOCAL_KEY_PREFIX, LOCAL_KEYS } from '../../../src/adapters/storage/keys';
import { ResonanceStore } from '../../../src/adapters/storage/store';
import { wipeEverything, type WipeHost } from '../../../src/adapters/storage/wipe';
import { makeBeats, makeSession, uniqueDbName } from './fixtures';
import { sampleReading } from '../../core/readiness/readings';

const opened: { store: ResonanceStore; name: string }[] = [];

async function open(): Promise<ResonanceStore> {
  const name = uniqueDbName('wipe');
  const result = await ResonanceStore.open(name);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  opened.push({ store: result.value, name });
  return result.value;
}

afterEach(async () => {
  for (const { store, name } of opened.splice(0)) {
    store.close();
    await deleteDB(name);
  }
  localStorage.clear();
});

/** A stand-in for navigator.bluetooth: straps that record being forgotten. */
function bluetoothWith(names: string[], canForget = true) {
  const forgotten: string[] = [];
  const devices = names.map((name) => ({
    name,
    ...(canForget ? { forget: async () => void forgotten.push(name) } : {}),
  }));
  const bluetooth = { getDevices: async () => devices as unknown as BluetoothDevice[] };
  return { bluetooth, forgotten };
}

async function countAll(store: ResonanceStore): Promise<number> {
  let n = 0;
  for (const name of store.db.objectStoreNames) n += await store.db.count(name as 'sessions');
  return n;
}

describe('wipeEverything against real IndexedDB and localStorage', () => {
  it('clears every store, every app key (and only those), and forgets every permitted strap', async () => {
    const store = await open();
    const session = makeSession('s1', 1000);
    await store.putSession(session);
    await store.putSessionAndChunks(session, chunksOf('s1', toColumns(makeBeats(300))));
    await store.putAssessment({ id: 'a', timeMs: 1, resonanceRateBpm: 6, candidates: [], sessionId: null });
    await store.putSetting('pacer', { presetId: 'custom' });
    await store.putReading(sampleReading('r1', 2000));
    for (const key of Object.values(LOCAL_KEYS)) localStorage.setItem(key, 'x');
    // A key an older version may have left (built, so the key-list test does not take it for a current one).
    localStorage.setItem(`${LOCAL_KEY_PREFIX}from-an-old-version`, '1');
    localStorage.setItem('another-app-on-this-origin', 'keep');
    expect(await countAll(store)).toBeGreaterThan(5);
    expect(await store.db.count('readings')).toBe(1);

    const { bluetooth, forgotten } = bluetoothWith(['Polar H10 1', 'TICKR 2']);
    const host: WipeHost = { localStorage, bluetooth };
    const report = await wipeEverything(store, host);

    expect(report).toEqual({ storageError: null, strapPermission: 'forgotten' });
    expect(await countAll(store)).toBe(0);
    expect(Object.keys(localStorage)).toEqual(['another-app-on-this-origin']);
    expect(forgotten.sort()).toEqual(['Polar H10 1', 'TICKR 2']);
  });

  it('says when the browser cannot withdraw a strap permission, and when there is none', async () => {
    const store = await open();
    const cannot = bluetoothWith(['Old Chromium strap'], false);
    expect((await wipeEverything(store, { localStorage, bluetooth: cannot.bluetooth })).strapPermission).toBe(
      'cannot-forget',
    );
    const none = bluetoothWith([]);
    expect((await wipeEverything(store, { localStorage, bluetooth: none.bluetooth })).strapPermission).toBe(
      'none',
    );
    expect((await wipeEverything(store, { localStorage, bluetooth: null })).strapPermission).toBe('none');
  });

  it('still removes the keys when the database never opened, or has been closed under it', async () => {
    localStorage.setItem(LOCAL_KEYS.assessment, '{}');
    expect((await wipeEverything(null, { localStorage, bluetooth: null })).storageError).toBeNull();
    expect(localStorage.getItem(LOCAL_KEYS.assessment)).toBeNull();

    const store = await open();
    store.close();
    localStorage.setItem(LOCAL_KEYS.strap, '{}');
    const report = await wipeEverything(store, { localStorage, bluetooth: null });
    expect(report.storageError?.kind).toBe('unavailable');
    expect(localStorage.getItem(LOCAL_KEYS.strap)).toBeNull();
  });
});
