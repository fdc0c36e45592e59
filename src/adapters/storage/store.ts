/**
 * The one storage module's public face: typed reads and writes of sessions, their beats (in chunks), check-ins,
 * assessments and settings. Every call goes through `transact`, so every failure is a StorageResult.
 */
import { fromColumns, type BeatColumns } from '../../core/session/columns';
import { decodeBreath, decodeChunks, decodeHeartRateChunks } from './chunks';
import type { BreathTraceSlice } from '../../core/respiration/breath-trace';
import { fromHeartRateColumns, type HeartRateColumns } from '../../core/session/heart-rate-columns';
import type {
  AssessmentRecord,
  BeatRecord,
  CheckIn,
  HeartRateRecord,
  SessionRecord,
} from '../../core/session/record';
import type { ReadingRecord } from '../../core/readiness/reading';
import { openDatabase, transact, type Db, type StorageResult } from './database';
import {
  INDEX,
  STORE,
  type CheckInMoment,
  type SettingValue,
  type StoredCheckIn,
  type StoredChunk,
  type StoredHeartRateChunk,
  type StoreName,
  type StoredSession,
  type StoredSetting,
} from './schema';

/** Sessions joined with their check-ins. */
export function joinCheckIns(
  sessions: readonly StoredSession[],
  checkIns: readonly StoredCheckIn[],
): SessionRecord[] {
  const before = new Map<string, CheckIn>();
  const after = new Map<string, CheckIn>();
  for (const c of checkIns)
    (c.moment === 'before' ? before : after).set(c.sessionId, { stress: c.stress, note: c.note });
  return sessions.map((s) => ({
    ...s,
    checkInBefore: before.get(s.id) ?? null,
    checkInAfter: after.get(s.id) ?? null,
  }));
}

export function splitCheckIns(session: SessionRecord): { row: StoredSession; checkIns: StoredCheckIn[] } {
  const { checkInBefore, checkInAfter, ...row } = session;
  const checkIns: StoredCheckIn[] = [];
  if (checkInBefore) checkIns.push({ ...checkInBefore, sessionId: session.id, moment: 'before' });
  if (checkInAfter) checkIns.push({ ...checkInAfter, sessionId: session.id, moment: 'after' });
  return { row, checkIns };
}

/** All chunks of one session, in order. */
function chunkRange(sessionId: string): IDBKeyRange {
  return IDBKeyRange.bound([sessionId, 0], [sessionId, Number.MAX_SAFE_INTEGER]);
}

export class ResonanceStore {
  readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  static async open(name?: string): Promise<StorageResult<ResonanceStore>> {
    const opened = await openDatabase(name);
    return opened.ok ? { ok: true, value: new ResonanceStore(opened.value) } : opened;
  }

  close(): void {
    this.db.close();
  }

  /** Write (create or replace) a session row and its check-ins. */
  putSession(session: SessionRecord): Promise<StorageResult<void>> {
    const { row, checkIns } = splitCheckIns(session);
    return transact(this.db, [STORE.sessions, STORE.checkIns], 'readwrite', async (tx) => {
      await tx.objectStore(STORE.sessions).put(row);
      for (const c of checkIns) await tx.objectStore(STORE.checkIns).put(c);
    });
  }

  /** Write a session row and some of its beat and heart-rate chunks in one transaction (the recorder's flush). */
  putSessionAndChunks(
    session: StoredSession,
    chunks: readonly StoredChunk[],
    heartRateChunks: readonly StoredHeartRateChunk[] = [],
  ): Promise<StorageResult<void>> {
    const stores = [STORE.sessions, STORE.beatChunks, STORE.heartRateChunks];
    return transact(this.db, stores, 'readwrite', async (tx) => {
      await tx.objectStore(STORE.sessions).put(session);
      for (const chunk of chunks) await tx.objectStore(STORE.beatChunks).put(chunk);
      for (const chunk of heartRateChunks) await tx.objectStore(STORE.heartRateChunks).put(chunk);
    });
  }

  putCheckIn(
    sessionId: string,
    moment: CheckInMoment,
    checkIn: CheckIn | null,
  ): Promise<StorageResult<void>> {
    return transact(this.db, [STORE.checkIns], 'readwrite', async (tx) => {
      const store = tx.objectStore(STORE.checkIns);
      if (checkIn) await store.put({ ...checkIn, sessionId, moment });
      else await store.delete([sessionId, moment]);
    });
  }

  /** Every session, oldest first, with check-ins; reads no beats. */
  listSessions(): Promise<StorageResult<SessionRecord[]>> {
    return transact(this.db, [STORE.sessions, STORE.checkIns], 'readonly', async (tx) => {
      const [rows, checkIns] = await Promise.all([
        tx.objectStore(STORE.sessions).index(INDEX.sessionsByStart).getAll(),
        tx.objectStore(STORE.checkIns).getAll(),
      ]);
      return joinCheckIns(rows, checkIns);
    });
  }

  getSession(id: string): Promise<StorageResult<SessionRecord | null>> {
    return transact(this.db, [STORE.sessions, STORE.checkIns], 'readonly', async (tx) => {
      const row = await tx.objectStore(STORE.sessions).get(id);
      if (!row) return null;
      const checkIns = await tx
        .objectStore(STORE.checkIns)
        .getAll(IDBKeyRange.bound([id, ''], [id, '\uffff']));
      return joinCheckIns([row], checkIns)[0] ?? null;
    });
  }

  /** Sessions left in `recording` (the tab closed or crashed mid-session). */
  unfinishedSessions(): Promise<StorageResult<StoredSession[]>> {
    return transact(this.db, [STORE.sessions], 'readonly', async (tx) => {
      const rows = await tx.objectStore(STORE.sessions).getAll();
      return rows.filter((r) => r.status === 'recording');
    });
  }

  /** A session's beats as columns (chunks joined in order). */
  readColumns(sessionId: string): Promise<StorageResult<BeatColumns>> {
    return transact(this.db, [STORE.beatChunks], 'readonly', async (tx) => {
      const chunks = await tx.objectStore(STORE.beatChunks).getAll(chunkRange(sessionId));
      return decodeChunks(chunks);
    });
  }

  /** A session's measured breath (4 Hz), or null when it was recorded without a chest sensor. */
  readBreath(sessionId: string): Promise<StorageResult<BreathTraceSlice | null>> {
    return transact(this.db, [STORE.beatChunks], 'readonly', async (tx) => {
      const chunks = await tx.objectStore(STORE.beatChunks).getAll(chunkRange(sessionId));
      return decodeBreath(chunks);
    });
  }

  async readBeats(sessionId: string): Promise<StorageResult<BeatRecord[]>> {
    const cols = await this.readColumns(sessionId);
    return cols.ok ? { ok: true, value: fromColumns(cols.value) } : cols;
  }

  /** A session's heart-rate samples as columns (empty for sessions that measured beats). */
  readHeartRateColumns(sessionId: string): Promise<StorageResult<HeartRateColumns>> {
    return transact(this.db, [STORE.heartRateChunks], 'readonly', async (tx) =>
      decodeHeartRateChunks(await tx.objectStore(STORE.heartRateChunks).getAll(chunkRange(sessionId))),
    );
  }

  async readHeartRate(sessionId: string): Promise<StorageResult<HeartRateRecord[]>> {
    const cols = await this.readHeartRateColumns(sessionId);
    return cols.ok ? { ok: true, value: fromHeartRateColumns(cols.value) } : cols;
  }

  /** Delete one session with its beats and check-ins (assessments stay: they are the resonance-rate history). */
  deleteSession(id: string): Promise<StorageResult<void>> {
    const stores = [STORE.sessions, STORE.beatChunks, STORE.heartRateChunks, STORE.checkIns];
    return transact(this.db, stores, 'readwrite', async (tx) => {
      await tx.objectStore(STORE.sessions).delete(id);
      await tx.objectStore(STORE.beatChunks).delete(chunkRange(id));
      await tx.objectStore(STORE.heartRateChunks).delete(chunkRange(id));
      await tx.objectStore(STORE.checkIns).delete(IDBKeyRange.bound([id, ''], [id, '\uffff']));
    });
  }

  /**
   * Delete every record of every store the database has (sessions, beats, check-ins, assessments, settings, and
   * any store a later version adds). Only the wipe (wipe.ts) calls this: it also clears the app's other keys.
   */
  deleteEverything(): Promise<StorageResult<void>> {
    const all = [...this.db.objectStoreNames] as StoreName[];
    return transact(this.db, all, 'readwrite', async (tx) => {
      await Promise.all(all.map((name) => tx.objectStore(name).clear()));
    });
  }

  putAssessment(assessment: AssessmentRecord): Promise<StorageResult<void>> {
    return transact(this.db, [STORE.assessments], 'readwrite', async (tx) => {
      await tx.objectStore(STORE.assessments).put(assessment);
    });
  }

  /** Assessments, oldest first. */
  listAssessments(): Promise<StorageResult<AssessmentRecord[]>> {
    return transact(this.db, [STORE.assessments], 'readonly', (tx) =>
      tx.objectStore(STORE.assessments).index(INDEX.assessmentsByTime).getAll(),
    );
  }

  putReading(reading: ReadingRecord): Promise<StorageResult<void>> {
    return transact(this.db, [STORE.readings], 'readwrite', async (tx) => {
      await tx.objectStore(STORE.readings).put(reading);
    });
  }

  /** Morning readings, oldest first. */
  listReadings(): Promise<StorageResult<ReadingRecord[]>> {
    return transact(this.db, [STORE.readings], 'readonly', (tx) =>
      tx.objectStore(STORE.readings).index(INDEX.readingsByTime).getAll(),
    );
  }

  deleteReading(id: string): Promise<StorageResult<void>> {
    return transact(this.db, [STORE.readings], 'readwrite', async (tx) => {
      await tx.objectStore(STORE.readings).delete(id);
    });
  }

  getSetting(key: string): Promise<StorageResult<SettingValue | undefined>> {
    return transact(
      this.db,
      [STORE.settings],
      'readonly',
      async (tx) => (await tx.objectStore(STORE.settings).get(key))?.value,
    );
  }

  /** Every stored setting (the settings state checks each value as it reads it). */
  listSettings(): Promise<StorageResult<StoredSetting[]>> {
    return transact(this.db, [STORE.settings], 'readonly', (tx) => tx.objectStore(STORE.settings).getAll());
  }

  putSetting(key: string, value: SettingValue): Promise<StorageResult<void>> {
    return transact(this.db, [STORE.settings], 'readwrite', async (tx) => {
      await tx.objectStore(STORE.settings).put({ key, value });
    });
  }
}
