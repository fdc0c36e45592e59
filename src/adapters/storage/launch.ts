/**
 * What the app does with storage at launch: open the database, finish sessions a crash left open, and ask for
 * persistent storage. Failures become messages; the app runs on (sessions are then kept in memory).
 */
import type { StorageError, StorageResult } from './database';
import { recoverUnfinished, type Recovered } from './recovery';
import { requestPersistence, type Persistence } from './space';
import { ResonanceStore } from './store';

export interface Launch {
  readonly store: ResonanceStore | null;
  readonly error: StorageError | null;
  readonly recovered: Recovered | null;
  readonly persistence: Persistence;
}

/** `opened`: the database as the page opened it first (to read the settings before the first paint). */
export async function launchStorage(
  opened: StorageResult<ResonanceStore> | Promise<StorageResult<ResonanceStore>> = ResonanceStore.open(),
): Promise<Launch> {
  opened = await opened;
  if (!opened.ok) return { store: null, error: opened.error, recovered: null, persistence: 'unsupported' };
  const store = opened.value;
  const [recovered, persistence] = await Promise.all([recoverUnfinished(store), requestPersistence()]);
  return {
    store,
    error: recovered.ok ? null : recovered.error,
    recovered: recovered.ok ? recovered.value : null,
    persistence,
  };
}
