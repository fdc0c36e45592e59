/**
 * What the app does with storage at launch: open the database and finish sessions a crash left open. Failures
 * become messages; the app runs on (sessions are then kept in memory). Persistent storage is not asked for here:
 * Firefox's request waits on a prompt, and nothing may wait on it (the history asks after the first saved session).
 */
import type { StorageError, StorageResult } from './database';
import { recoverUnfinished, type Recovered } from './recovery';
import { ResonanceStore } from './store';

export interface Launch {
  readonly store: ResonanceStore | null;
  readonly error: StorageError | null;
  readonly recovered: Recovered | null;
}

/** `opened`: the database as the page opened it first (to read the settings before the first paint). */
export async function launchStorage(
  opened: StorageResult<ResonanceStore> | Promise<StorageResult<ResonanceStore>> = ResonanceStore.open(),
): Promise<Launch> {
  opened = await opened;
  if (!opened.ok) return { store: null, error: opened.error, recovered: null };
  const store = opened.value;
  const recovered = await recoverUnfinished(store);
  return {
    store,
    error: recovered.ok ? null : recovered.error,
    recovered: recovered.ok ? recovered.value : null,
  };
}
