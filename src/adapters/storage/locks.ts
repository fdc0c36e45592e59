/**
 * A Web Lock (W3C Web Locks API) held while a session records, so another tab's launch does not
 * "recover" a session that is still running: the browser releases the lock when the recording tab stops,
 * closes or crashes. Where the API is missing, recording works and recovery simply finds no lock.
 */

const lockName = (sessionId: string) => `resonance-recording-${sessionId}`;

function locks(): LockManager | null {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
}

/** Hold the session's lock until the returned function is called. */
export function holdRecordingLock(sessionId: string): () => void {
  const manager = locks();
  if (!manager) return () => {};
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  void manager.request(lockName(sessionId), () => held).catch(() => {});
  return release;
}

/** True when some tab is recording this session right now. */
export async function isBeingRecorded(sessionId: string): Promise<boolean> {
  const manager = locks();
  if (!manager) return false;
  return manager.request(lockName(sessionId), { ifAvailable: true }, (lock) => lock === null);
}
