/**
 * The app's one way to the Web Locks API (W3C Web Locks API): what it needs of `navigator.locks`, a parameter of
 * every lock function so tests can hand in another, and the browser's own where it has one.
 */

/** How a lock is asked for: exclusive (the default), at once or not at all (`ifAvailable`), or until `signal` aborts. */
interface LockRequestOptions {
  readonly mode?: 'exclusive';
  readonly ifAvailable?: boolean;
  readonly signal?: AbortSignal;
}

/** What the app needs of `navigator.locks`. The lock is held until `callback`'s promise settles. */
export interface LockManagerLike {
  request(
    name: string,
    options: LockRequestOptions,
    callback: (lock: Lock | null) => unknown,
  ): Promise<unknown>;
  query?(): Promise<{ held?: { name?: string }[] }>;
}

/** The browser's lock manager, or null where the API is missing (very old browsers, insecure contexts). */
export function browserLocks(): LockManagerLike | null {
  return typeof navigator !== 'undefined' && 'locks' in navigator && navigator.locks ? navigator.locks : null;
}

/** The names of the locks some tab of this origin (this one included) holds now; none when it cannot be asked. */
export async function heldLockNames(locks: LockManagerLike | null): Promise<string[]> {
  if (!locks?.query) return [];
  const snapshot = await locks.query();
  return (snapshot.held ?? []).map((lock) => lock.name ?? '');
}
