/**
 * Opening the database and running every transaction through one helper, which turns IndexedDB's failures into
 * a typed result: a full disk becomes `storage-full` (so the app can say so plainly and keep the session in
 * memory), anything else `unavailable` or `failed` with the browser's own message. The words for people are the
 * UI's (src/ui/storage-text.ts).
 */
import type { Result } from '../../core/result';
import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { DB_NAME, DB_VERSION, upgrade, type ResonanceDb, type StoreName } from './schema';

/** Why storage did not do what was asked. `detail` is the browser's own message, for the curious. */
export type StorageError =
  /** The device's storage is full (a quota error): nothing more can be written. */
  | { readonly kind: 'storage-full' }
  /** This browser has no IndexedDB at all (some private modes, old browsers). */
  | { readonly kind: 'no-indexeddb' }
  /** Storage did not open at launch, so there is no store to use (sessions are kept in memory). */
  | { readonly kind: 'not-open' }
  /** The browser's storage refused to work (closed, being deleted, broken). */
  | { readonly kind: 'unavailable'; readonly detail: string }
  /** Anything else the browser threw. */
  | { readonly kind: 'failed'; readonly detail: string };

export type StorageResult<T> = Result<T, StorageError>;

export type Db = IDBPDatabase<ResonanceDb>;
export type Tx<S extends StoreName[], M extends IDBTransactionMode> = IDBPTransaction<ResonanceDb, S, M>;

function errorName(error: unknown): string {
  if (error instanceof DOMException || error instanceof Error) return error.name;
  return '';
}

function errorMessage(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException) return error.message;
  return String(error);
}

/** Map anything IndexedDB throws (or a transaction's abort reason) to a StorageError. */
export function toStorageError(error: unknown): StorageError {
  const name = errorName(error);
  if (name === 'QuotaExceededError') return { kind: 'storage-full' };
  if (name === 'InvalidStateError' || name === 'UnknownError')
    return { kind: 'unavailable', detail: errorMessage(error) };
  return { kind: 'failed', detail: errorMessage(error) };
}

/** Open (creating or upgrading) the database. `name` is for tests; the app uses DB_NAME. */
export async function openDatabase(name: string = DB_NAME): Promise<StorageResult<Db>> {
  if (typeof indexedDB === 'undefined') return { ok: false, error: { kind: 'no-indexeddb' } };
  try {
    const db = await openDB<ResonanceDb>(name, DB_VERSION, {
      upgrade(database, oldVersion, newVersion, tx) {
        void upgrade(database, oldVersion, newVersion ?? DB_VERSION, tx);
      },
    });
    // A newer version of the app (another tab) wants to upgrade: step aside so it can.
    db.addEventListener('versionchange', () => db.close());
    return { ok: true, value: db };
  } catch (error) {
    return { ok: false, error: toStorageError(error) };
  }
}

/**
 * Run `work` in one transaction over `stores` and wait for it to commit. Every read and write goes through here,
 * so each failure, including a quota abort that surfaces only at commit, comes back as a StorageResult.
 */
export async function transact<S extends StoreName[], M extends IDBTransactionMode, T>(
  db: Db,
  stores: S,
  mode: M,
  work: (tx: Tx<S, M>) => Promise<T>,
): Promise<StorageResult<T>> {
  let tx: Tx<S, M>;
  try {
    tx = db.transaction(stores, mode);
  } catch (error) {
    return { ok: false, error: toStorageError(error) };
  }
  try {
    const [value] = await Promise.all([work(tx), tx.done]);
    return { ok: true, value };
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted: nothing to undo.
    }
    return { ok: false, error: toStorageError(tx.error ?? error) };
  }
}
