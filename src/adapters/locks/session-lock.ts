/**
 * One session at a time across every tab and window of this origin, with the Web Locks API
 * (W3C Web Locks API): the tab that holds the exclusive lock `resonance-session` may run a session
 * and use the strap; any other tab asking with `ifAvailable` is refused at once instead of queueing, and says why.
 * The browser releases the lock by itself when the holding tab closes or crashes, so a lock never outlives its tab.
 */

/** The lock's name, shared by every tab of the app. */
const SESSION_LOCK_NAME = 'resonance-session';

/** Release a held lock; safe to call more than once. */
export type ReleaseLock = () => void;

/** Ask for the session lock: a release function, or 'held-elsewhere' when another tab or window has it. */
export type AcquireSessionLock = () => Promise<ReleaseLock | 'held-elsewhere'>;

/** What this adapter needs of `navigator.locks` (a parameter, so tests can hand in another). */
export interface LockManagerLike {
  request(
    name: string,
    options: { mode: 'exclusive'; ifAvailable: true },
    callback: (lock: Lock | null) => Promise<void> | void,
  ): Promise<unknown>;
  query?(): Promise<{ held?: { name?: string }[] }>;
}

/**
 * How many session locks this page holds per lock manager, counted until the browser has really let go (the
 * request's promise settles). A query made in between still lists the lock, and without this count the page would
 * take its own lock, just released at Stop, for another tab's: the false "running in another tab" banner.
 */
const heldHere = new WeakMap<LockManagerLike, number>();

function countHeld(locks: LockManagerLike, by: 1 | -1): void {
  heldHere.set(locks, (heldHere.get(locks) ?? 0) + by);
}

function browserLocks(): LockManagerLike | null {
  return typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : null;
}

/**
 * Take the session lock if no other tab holds it. Browsers without Web Locks (very old ones) get a release that
 * does nothing: there the app cannot coordinate tabs and behaves as a single tab.
 */
export function acquireSessionLock(
  locks: LockManagerLike | null = browserLocks(),
): Promise<ReleaseLock | 'held-elsewhere'> {
  if (!locks) return Promise.resolve(() => {});
  return new Promise((resolve, reject) => {
    let release: () => void = () => {};
    let granted = false;
    const held = new Promise<void>((done) => (release = done));
    locks
      .request(SESSION_LOCK_NAME, { mode: 'exclusive', ifAvailable: true }, (lock) => {
        if (lock === null) {
          resolve('held-elsewhere');
          return;
        }
        // Counted as this page's until the request itself settles, once the browser has released it.
        granted = true;
        countHeld(locks, 1);
        resolve(release);
        // The lock is held until this promise settles.
        return held;
      })
      .finally(() => {
        if (granted) countHeld(locks, -1);
      })
      .catch(reject);
  });
}

/** True when another tab or window holds the session lock now (to say so before anyone presses Start). */
export async function sessionLockHeldElsewhere(
  locks: LockManagerLike | null = browserLocks(),
): Promise<boolean> {
  if (!locks?.query) return false;
  // This page holds it (or has only just let go): whatever the query says, it is not another tab's.
  if ((heldHere.get(locks) ?? 0) > 0) return false;
  const snapshot = await locks.query();
  return (snapshot.held ?? []).some((lock) => lock.name === SESSION_LOCK_NAME);
}

/** What a second tab tells the person. */
export const HELD_ELSEWHERE_MESSAGE =
  'A session is already running in another Resonance tab or window. Only one session can use the heart strap and ' +
  'record at a time: stop it there, or close that tab, then start here.';
