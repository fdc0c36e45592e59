/** Storage's typed problems ({@link StorageError}, src/adapters/storage/database.ts) in words. */
import type { StorageError } from '../adapters/storage/database';

/** One sentence on what went wrong with storage, wherever it happened (a read, a restore, a deletion). */
export function storageErrorText(error: StorageError): string {
  switch (error.kind) {
    case 'storage-full':
      return 'Storage on this device is full. Free some space, then try again.';
    case 'no-indexeddb':
      return 'This browser has no IndexedDB storage.';
    case 'not-open':
      return 'Storage is not available on this device.';
    case 'unavailable':
      return `The browser's storage is unavailable (${error.detail}).`;
    case 'failed':
      return `The browser's storage failed (${error.detail}).`;
  }
}

/** What the live session says when its recording stops being saved (the beats go on in memory). */
export function recordingProblemText(error: StorageError): string {
  switch (error.kind) {
    case 'storage-full':
      return 'Storage on this device is full, so the session is no longer being saved. It continues in memory: export it before closing the page, then free some space.';
    case 'no-indexeddb':
    case 'not-open':
      return 'Storage is unavailable: this session is kept in memory only.';
    case 'unavailable':
    case 'failed':
      return `${storageErrorText(error)} The session continues in memory: export it before closing the page.`;
  }
}
