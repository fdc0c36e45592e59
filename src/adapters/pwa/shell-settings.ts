/**
 * The few settings the app shell keeps (has the person read the first-run screen?). An interface, so the storage
 * engineer's settings store can back it later; until then it lives in localStorage under one key.
 */
export interface ShellSettings {
  firstRunDone(): Promise<boolean>;
  setFirstRunDone(): Promise<void>;
}

/** The localStorage key; listed on the privacy page. */
export const FIRST_RUN_KEY = 'resonance.first-run-done';

/**
 * Settings in `storage` (localStorage by default). When storage is missing or refuses (some private modes throw),
 * the answer is remembered for this page only: the person still gets past the first-run screen.
 */
export function localShellSettings(
  storage: Pick<Storage, 'getItem' | 'setItem'> | null = defaultStorage(),
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

function defaultStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
