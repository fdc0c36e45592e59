import { browserLocalStorage, LOCAL_KEYS } from '../storage/keys';

/**
 * The few settings the app shell keeps (has the person read the first-run screen?). An interface, so another store
 * can back it (tests hand in their own); the app's lives in localStorage under one key.
 */
export interface ShellSettings {
  firstRunDone(): Promise<boolean>;
  setFirstRunDone(): Promise<void>;
}

/** The localStorage key (in the storage module's list of keys, which the privacy page and the wipe read). */
export const FIRST_RUN_KEY = LOCAL_KEYS.firstRun;

/**
 * Settings in `storage` (localStorage by default). When storage is missing or refuses (some private modes throw),
 * the answer is remembered for this page only: the person still gets past the first-run screen.
 */
export function localShellSettings(
  storage: Pick<Storage, 'getItem' | 'setItem'> | null = browserLocalStorage(),
): ShellSettings {
  let doneInMemory = false;
  return {
    async firstRunDone() {
      if (doneInMemory) return true;
      try {
        return storage?.getItem(FIRST_RUN_KEY) === '1';
      } catch {
        return false;
      }
    },
    async setFirstRunDone() {
      doneInMemory = true;
      try {
        storage?.setItem(FIRST_RUN_KEY, '1');
      } catch {
        // Remembered in memory only.
      }
    },
  };
}
