/**
 * Persistent storage and the space used, through the Storage API (WHATWG Storage Standard): a
 * persisted origin's data is not evicted under storage pressure; `estimate()` reports usage and quota in bytes.
 */

export type Persistence = 'persisted' | 'not-persisted' | 'unsupported';

function storageManager(): StorageManager | null {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.persist || !storage.persisted) return null;
  return storage;
}

/** Whether this origin's storage is persistent now. Never asks the person. */
export async function persistenceNow(): Promise<Persistence> {
  const storage = storageManager();
  if (!storage) return 'unsupported';
  try {
    return (await storage.persisted()) ? 'persisted' : 'not-persisted';
  } catch {
    return 'unsupported';
  }
}

/**
 * Ask for persistent storage; the browser may grant it silently (Chromium), ask the person (Firefox shows a
 * prompt, and the promise waits for the answer, however long that takes), or refuse. So never wait on it before
 * using storage: storage works the same meanwhile, only eviction under pressure differs.
 */
export async function requestPersistence(): Promise<Persistence> {
  const storage = storageManager();
  if (!storage) return 'unsupported';
  try {
    if (await storage.persisted()) return 'persisted';
    return (await storage.persist()) ? 'persisted' : 'not-persisted';
  } catch {
    return 'unsupported';
  }
}

export interface SpaceUsed {
  readonly usedBytes: number;
  readonly quotaBytes: number;
}

export async function estimateSpace(): Promise<SpaceUsed | null> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.estimate) return null;
  try {
    const { usage, quota } = await storage.estimate();
    return usage === undefined || quota === undefined ? null : { usedBytes: usage, quotaBytes: quota };
  } catch {
    return null;
  }
}
