/**
 * Persistent storage and the space used, through the Storage API (WHATWG Storage Standard): a
 * persisted origin's data is not evicted under storage pressure; `estimate()` reports usage and quota in bytes.
 */

export type Persistence = 'persisted' | 'not-persisted' | 'unsupported';

/** Ask once for persistent storage; the browser may grant it silently, ask the person, or refuse. */
export async function requestPersistence(): Promise<Persistence> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.persist || !storage.persisted) return 'unsupported';
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
