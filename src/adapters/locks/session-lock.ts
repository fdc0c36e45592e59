/**
 * One session at a time across every tab and window of this origin, with the Web Locks API
 * (W3C Web Locks API): the tab that holds the exclusive lock `resonance-session` may run a session
 * and use the strap; any other tab asking with `ifAvailable` is refused at once instead of queueing
 * (the words for that are in src/ui/session/problem-text.ts).
 * The browser releases the lock by itself when the holding tab closes or crashes, so a lock never outlives its tab.
 */
import { browserLocks, heldLockNames, type LockManagerLike } from './web-locks';

/** The lock's name, shared by every tab of the app. */
const SESSION_LOCK_NAME = 'resonance-session';

/** Release a held lock; safe to call more than once. */
export type ReleaseLock = () => void;

/** Ask for the session lock: a release function, or 'held-elsewhere' when another tab or window has it. */
export type AcquireSessionLock = () => Promise<ReleaseLock | 'held-elsewhere'>;

/**
 * How many session locks this page holds per lock manager, counted until the browser has really let go (the
 * request's promise settles). A query made in between still lists the lock, and without this count the page would
 * take its own lock, just released at Stop, for another tab's: the false "running in another tab" banner.
 */
const heldHere = new WeakMap<LockManagerLike, number>();

function countHeld(locks: LockManagerLike, by: 1 | -1): void {
  heldHere.set(locks, (heldHere.get(locks) ?? 0) + by);
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
  if (!locks) return false;
  // This page holds it (or has only just let go): whatever the query says, it is not another tab's.
  if ((heldHere.get(locks) ?? 0) > 0) return false;
  return (await heldLockNames(locks)).includes(SESSION_LOCK_NAME);
}
