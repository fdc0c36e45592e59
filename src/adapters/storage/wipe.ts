/**
 * "Delete all data": the one wipe of everything Resonance keeps in this browser. It clears every IndexedDB store
 * (whatever stores the schema has now, so a store added later is cleared too), removes every localStorage key the
 * app owns (the list in keys.ts, plus any `resonance.` key an older version left), and asks the browser to forget
 * the Bluetooth straps this site was allowed to use (`BluetoothDevice.forget()`, Web Bluetooth; Chromium 101+).
 *
 * It leaves the service worker and its caches alone: they hold only the app's own code, no personal data, and the
 * person keeps using the app offline after the wipe.
 */
import type { StorageError } from './database';
import { browserLocalStorage, LOCAL_KEY_PREFIX, LOCAL_KEYS } from './keys';
import type { ResonanceStore } from './store';

/** What the wipe needs of the browser (parameters, so tests can hand in others). */
export interface WipeHost {
  readonly localStorage: Pick<Storage, 'length' | 'key' | 'removeItem'> | null;
  readonly bluetooth: Pick<Bluetooth, 'getDevices'> | null;
}

function browserWipeHost(): WipeHost {
  const bluetooth =
    typeof navigator !== 'undefined' && 'bluetooth' in navigator ? (navigator.bluetooth ?? null) : null;
  return { localStorage: browserLocalStorage(), bluetooth };
}

/** How the Bluetooth permission fared: forgotten, nothing to forget, or a browser that cannot forget one. */
type StrapPermission = 'forgotten' | 'none' | 'cannot-forget';

export interface WipeReport {
  /** Null when every store was cleared; otherwise why not (the keys and the strap were still wiped). */
  readonly storageError: StorageError | null;
  readonly strapPermission: StrapPermission;
}

/** The app's keys now in `storage`: the known ones and any other under the app's prefix. */
export function ownedKeys(storage: Pick<Storage, 'length' | 'key'>): string[] {
  const found = new Set<string>(Object.values(LOCAL_KEYS));
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key?.startsWith(LOCAL_KEY_PREFIX)) found.add(key);
  }
  return [...found];
}

function removeKeys(storage: WipeHost['localStorage']): void {
  if (!storage) return;
  for (const key of ownedKeys(storage)) {
    try {
      storage.removeItem(key);
    } catch {
      // Blocked storage holds nothing of ours.
    }
  }
}

async function forgetStraps(bluetooth: WipeHost['bluetooth']): Promise<StrapPermission> {
  // No Web Bluetooth: no strap permission either. No getDevices(): the browser keeps permissions out of reach.
  if (!bluetooth) return 'none';
  if (typeof bluetooth.getDevices !== 'function') return 'cannot-forget';
  try {
    const devices = await bluetooth.getDevices();
    if (devices.length === 0) return 'none';
    if (devices.some((d) => typeof d.forget !== 'function')) return 'cannot-forget';
    await Promise.all(devices.map((d) => d.forget()));
    return 'forgotten';
  } catch {
    return 'cannot-forget';
  }
}

/**
 * The page's one channel to its other tabs (BroadcastChannel, HTML Standard). One object both sends and listens:
 * a channel never receives its own messages, so the tab that wiped does not react to its own announcement.
 */
let channel: BroadcastChannel | null = null;
function wipeChannel(): BroadcastChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  channel ??= new BroadcastChannel('resonance-wipe');
  return channel;
}

/** Tell the app's other tabs and windows that everything was deleted (they start over too). */
export function announceWipe(): void {
  wipeChannel()?.postMessage('wiped');
}

/** Call `then` when another tab or window of the app has deleted everything; returns the teardown. */
export function onWipeElsewhere(then: () => void): () => void {
  const listening = wipeChannel();
  if (!listening) return () => {};
  const listener = (): void => then();
  listening.addEventListener('message', listener);
  return () => listening.removeEventListener('message', listener);
}

/** Delete everything the app keeps in this browser; `store` is null when the database never opened. */
export async function wipeEverything(
  store: ResonanceStore | null,
  host: WipeHost = browserWipeHost(),
): Promise<WipeReport> {
  const cleared = store ? await store.deleteEverything() : null;
  const storageError = cleared && !cleared.ok ? cleared.error : null;
  removeKeys(host.localStorage);
  const strapPermission = await forgetStraps(host.bluetooth);
  return { storageError, strapPermission };
}
