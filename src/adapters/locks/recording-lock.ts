/**
 * A Web Lock (W3C Web Locks API) held while a session records, so another tab's launch does not
 * "recover" a session that is still running: the browser releases the lock when the recording tab stops,
 * closes or crashes. Where the API is missing, recording works and recovery simply finds no lock.
 */
import { browserLocks, heldLockNames, type LockManagerLike } from './web-locks';

const LOCK_PREFIX = 'resonance-recording-';
const lockName = (sessionId: string) => `${LOCK_PREFIX}${sessionId}`;

/** Hold the session's lock until the returned function is called. */
export function holdRecordingLock(
  sessionId: string,
  locks: LockManagerLike | null = browserLocks(),
): () => void {
  if (!locks) return () => {};
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  void locks.request(lockName(sessionId), {}, () => held).catch(() => {});
  return release;
}

/** The sessions some tab (this one included) is recording now, from the browser's snapshot of held locks. */
export async function sessionsBeingRecorded(
  locks: LockManagerLike | null = browserLocks(),
): Promise<string[]> {
  try {
    return (await heldLockNames(locks))
      .filter((name) => name.startsWith(LOCK_PREFIX))
      .map((name) => name.slice(LOCK_PREFIX.length));
  } catch {
    return [];
  }
}

/**
 * Resolves once no tab records this session any more (it stopped, or its tab closed or crashed): the lock is
 * taken and given back at once. Rejects when `signal` aborts the wait.
 */
export async function whenRecordingEnds(
  sessionId: string,
  signal: AbortSignal,
  locks: LockManagerLike | null = browserLocks(),
): Promise<void> {
  if (!locks) return;
  await locks.request(lockName(sessionId), { signal }, () => undefined);
}

/** True when some tab is recording this session right now. */
export async function isBeingRecorded(
  sessionId: string,
  locks: LockManagerLike | null = browserLocks(),
): Promise<boolean> {
  if (!locks) return false;
  let taken = false;
  await locks.request(lockName(sessionId), { ifAvailable: true }, (lock) => {
    taken = lock === null;
  });
  return taken;
}
