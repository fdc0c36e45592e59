/**
 * The IndexedDB schema: names, versions and the upgrade from every earlier version.
 *
 * ╔══════════════════════════════════════════════════════════════════════════════════════════════════════════╗
 * ║ WARNING: the database name, the store names, the key paths and the index names below are on people's       ║
 * ║ devices. NEVER rename or remove one, never change what a version number did. To change the schema, add a   ║
 * ║ new version: a new entry in UPGRADES that moves the data, and a migration test that builds the old        ║
 * ║ database by hand (test/adapters/storage/migrations.browser.test.ts).                                       ║
 * ╚══════════════════════════════════════════════════════════════════════════════════════════════════════════╝
 *
 * Pattern after tldraw's LocalIndexedDb: a typed table map, upgrades that check before they create (so running one
 * twice does nothing), and one function per version step.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { ReadingRecord } from '../../core/readiness/reading';
import type { AssessmentRecord, CheckIn, SessionRecord } from '../../core/session/record';

export const DB_NAME = 'resonance';
export const DB_VERSION = 4;

export const STORE = {
  sessions: 'sessions',
  beatChunks: 'beat-chunks',
  settings: 'settings',
  checkIns: 'check-ins',
  assessments: 'assessments',
  readings: 'readings',
  /** Since version 4: heart-rate samples of sessions from devices without RR, in chunks like beats. */
  heartRateChunks: 'hr-chunks',
} as const;

export const INDEX = {
  sessionsByStart: 'by-start',
  assessmentsByTime: 'by-time',
  readingsByTime: 'by-time',
} as const;

/** A session row: the record without its check-ins, which live in their own store (since version 2). */
export type StoredSession = Omit<SessionRecord, 'checkInBefore' | 'checkInAfter'>;

/**
 * Up to BEATS_PER_CHUNK beats of one session, numbered from 0 in time order, stored column by column (see
 * chunks.ts: Float64Array columns with NaN for a missing pacer value; older chunks hold plain lists).
 */
export interface StoredChunk {
  readonly sessionId: string;
  readonly seq: number;
  readonly rrMs: Float64Array | readonly number[];
  readonly timeMs: Float64Array | readonly number[];
  readonly pacerRateBpm: Float64Array | readonly (number | null)[];
  readonly pacerPhase: Float64Array | readonly (number | null)[];
  readonly gaps: readonly number[];
  readonly artifacts: readonly (readonly [number, string])[];
  /**
   * The measured breath (chest accelerometer) from this chunk's time on, 4 Hz on session milliseconds
   * (src/core/respiration/breath-trace.ts); absent without a chest sensor and in chunks written before it existed
   * (an optional field: no schema version). Slices of consecutive chunks may overlap; the reader joins them.
   */
  readonly breath?: { readonly startMs: number; readonly values: Float32Array };
}

/** Beats per chunk: large enough that a 20-minute session is ~6 rows, small enough that a flush rewrites little. */
export const BEATS_PER_CHUNK = 256;

/**
 * Up to HR_SAMPLES_PER_CHUNK heart-rate samples of one session, numbered from 0 in time order, stored as Float64Array
 * columns like beat chunks (NaN for a missing pacer value).
 */
export interface StoredHeartRateChunk {
  readonly sessionId: string;
  readonly seq: number;
  readonly heartRateBpm: Float64Array;
  readonly timeMs: Float64Array;
  readonly pacerRateBpm: Float64Array;
  readonly pacerPhase: Float64Array;
  readonly gaps: readonly number[];
}

/** Samples per heart-rate chunk: about four minutes at one a second. */
export const HR_SAMPLES_PER_CHUNK = 256;

export type CheckInMoment = 'before' | 'after';

export interface StoredCheckIn extends CheckIn {
  readonly sessionId: string;
  readonly moment: CheckInMoment;
}

/** JSON-safe values for settings. */
export type SettingValue =
  string | number | boolean | null | SettingValue[] | { [key: string]: SettingValue };

export interface StoredSetting {
  readonly key: string;
  readonly value: SettingValue;
}

export interface ResonanceDb extends DBSchema {
  [STORE.sessions]: { key: string; value: StoredSession; indexes: { [INDEX.sessionsByStart]: number } };
  [STORE.beatChunks]: { key: [string, number]; value: StoredChunk };
  [STORE.settings]: { key: string; value: StoredSetting };
  [STORE.checkIns]: { key: [string, CheckInMoment]; value: StoredCheckIn };
  [STORE.assessments]: {
    key: string;
    value: AssessmentRecord;
    indexes: { [INDEX.assessmentsByTime]: number };
  };
  [STORE.readings]: { key: string; value: ReadingRecord; indexes: { [INDEX.readingsByTime]: number } };
  [STORE.heartRateChunks]: { key: [string, number]; value: StoredHeartRateChunk };
}

export type StoreName = StoreNames<ResonanceDb>;
type UpgradeTx = IDBPTransaction<ResonanceDb, StoreName[], 'versionchange'>;

/** Version 1: sessions (with check-ins inside the row), beat chunks, settings. */
function upgradeTo1(db: IDBPDatabase<ResonanceDb>, tx: UpgradeTx): void {
  if (!db.objectStoreNames.contains(STORE.sessions)) db.createObjectStore(STORE.sessions, { keyPath: 'id' });
  const sessions = tx.objectStore(STORE.sessions);
  if (!sessions.indexNames.contains(INDEX.sessionsByStart))
    sessions.createIndex(INDEX.sessionsByStart, 'startTimeMs');
  if (!db.objectStoreNames.contains(STORE.beatChunks))
    db.createObjectStore(STORE.beatChunks, { keyPath: ['sessionId', 'seq'] });
  if (!db.objectStoreNames.contains(STORE.settings)) db.createObjectStore(STORE.settings, { keyPath: 'key' });
}

/** Shape of a version-1 session row: check-ins were fields of the session. */
interface SessionRowV1 extends StoredSession {
  checkInBefore?: CheckIn | null;
  checkInAfter?: CheckIn | null;
}

/**
 * Version 2: check-ins move to their own store (so a check-in can be written without rewriting the session) and
 * assessments get a store. Existing check-ins are moved out of the session rows; a row already moved has no
 * check-in fields left, so a second run changes nothing.
 */
async function upgradeTo2(db: IDBPDatabase<ResonanceDb>, tx: UpgradeTx): Promise<void> {
  if (!db.objectStoreNames.contains(STORE.checkIns))
    db.createObjectStore(STORE.checkIns, { keyPath: ['sessionId', 'moment'] });
  if (!db.objectStoreNames.contains(STORE.assessments))
    db.createObjectStore(STORE.assessments, { keyPath: 'id' });
  const assessments = tx.objectStore(STORE.assessments);
  if (!assessments.indexNames.contains(INDEX.assessmentsByTime))
    assessments.createIndex(INDEX.assessmentsByTime, 'timeMs');
  const checkIns = tx.objectStore(STORE.checkIns);
  let cursor = await tx.objectStore(STORE.sessions).openCursor();
  while (cursor) {
    const row: SessionRowV1 = cursor.value;
    if ('checkInBefore' in row || 'checkInAfter' in row) {
      const { checkInBefore, checkInAfter, ...session } = row;
      if (checkInBefore) await checkIns.put({ ...checkInBefore, sessionId: row.id, moment: 'before' });
      if (checkInAfter) await checkIns.put({ ...checkInAfter, sessionId: row.id, moment: 'after' });
      await cursor.update(session);
    }
    cursor = await cursor.continue();
  }
}

/** Version 3: morning readings get a store of their own, indexed by time. Nothing existing moves. */
function upgradeTo3(db: IDBPDatabase<ResonanceDb>, tx: UpgradeTx): void {
  if (!db.objectStoreNames.contains(STORE.readings)) db.createObjectStore(STORE.readings, { keyPath: 'id' });
  const readings = tx.objectStore(STORE.readings);
  if (!readings.indexNames.contains(INDEX.readingsByTime))
    readings.createIndex(INDEX.readingsByTime, 'timeMs');
}

/**
 * Version 4: a store for heart-rate samples, for devices that send heart rate without RR intervals. Nothing moves:
 * existing sessions all measured beats. Creating the store only when it is missing makes a second run do nothing.
 */
function upgradeTo4(db: IDBPDatabase<ResonanceDb>): void {
  if (!db.objectStoreNames.contains(STORE.heartRateChunks))
    db.createObjectStore(STORE.heartRateChunks, { keyPath: ['sessionId', 'seq'] });
}

/** UPGRADES[v - 1] brings a database from version v - 1 to v. Append only. */
const UPGRADES: ((db: IDBPDatabase<ResonanceDb>, tx: UpgradeTx) => void | Promise<void>)[] = [
  upgradeTo1,
  upgradeTo2,
  upgradeTo3,
  upgradeTo4,
];

/** Run every upgrade step after `oldVersion`, in order, within the version-change transaction. */
export async function upgrade(
  db: IDBPDatabase<ResonanceDb>,
  oldVersion: number,
  newVersion: number,
  tx: UpgradeTx,
): Promise<void> {
  for (let v = oldVersion + 1; v <= newVersion; v += 1) {
    // Synchronous steps run without an await, so store creation happens while the transaction is surely active.
    const pending = UPGRADES[v - 1]?.(db, tx);
    if (pending) await pending;
  }
}
