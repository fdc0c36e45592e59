/**
 * The full backup out of and back into the database. Export reads everything in one transaction (a consistent
 * picture); restore writes everything in one transaction, so a failure part way leaves nothing behind.
 */
import { makeBackup, planRestore, type Backup, type BackupSession } from '../../core/export/backup';
import { toColumns, type BeatColumns } from '../../core/session/columns';
import type { BreathTraceSlice } from '../../core/respiration/breath-trace';
import { fromBreathColumn, toBreathColumn } from '../../core/session/breath-column';
import { chunksOf, decodeBreath, decodeChunks, decodeHeartRateChunks, heartRateChunksOf } from './chunks';
import type { HeartRateColumns } from '../../core/session/heart-rate-columns';
import type { BeatRecord, SessionRecord } from '../../core/session/record';
import { transact, type StorageResult } from './database';
import { STORE, type StoredChunk, type StoredHeartRateChunk } from './schema';
import { joinCheckIns, splitCheckIns, type ResonanceStore } from './store';

const ALL = [
  STORE.sessions,
  STORE.beatChunks,
  STORE.heartRateChunks,
  STORE.checkIns,
  STORE.assessments,
  STORE.settings,
  STORE.readings,
];

/** Every finished session with its beats (and measured breath), every assessment, morning reading and setting. */
export function exportBackup(store: ResonanceStore, exportedAtMs: number): Promise<StorageResult<Backup>> {
  return transact(store.db, ALL, 'readonly', async (tx) => {
    const [rows, chunks, heartRateChunks, checkIns, assessments, settings, readings] = await Promise.all([
      tx.objectStore(STORE.sessions).index('by-start').getAll(),
      tx.objectStore(STORE.beatChunks).getAll(),
      tx.objectStore(STORE.heartRateChunks).getAll(),
      tx.objectStore(STORE.checkIns).getAll(),
      tx.objectStore(STORE.assessments).getAll(),
      tx.objectStore(STORE.settings).getAll(),
      tx.objectStore(STORE.readings).index('by-time').getAll(),
    ]);
    // Chunks come in key order: by session id, then by sequence number.
    const bySession = groupBySession(chunks);
    const samplesBySession = groupBySession(heartRateChunks);
    const sessions: BackupSession[] = joinCheckIns(rows, checkIns)
      .filter((s) => s.status === 'finished')
      .map((session): BackupSession => {
        const chunks = bySession.get(session.id) ?? [];
        const samples = samplesBySession.get(session.id);
        const breath = decodeBreath(chunks);
        return {
          session,
          beats: decodeChunks(chunks),
          ...(samples ? { heartRate: decodeHeartRateChunks(samples) } : {}),
          ...(breath ? { breath: toBreathColumn(breath) } : {}),
        };
      });
    return makeBackup(exportedAtMs, sessions, assessments, settings, readings);
  });
}

/** Chunks (in key order: session id, then sequence number) grouped by session. */
function groupBySession<C extends StoredChunk | StoredHeartRateChunk>(
  chunks: readonly C[],
): Map<string, C[]> {
  const bySession = new Map<string, C[]>();
  for (const chunk of chunks) {
    const list = bySession.get(chunk.sessionId);
    if (list) list.push(chunk);
    else bySession.set(chunk.sessionId, [chunk]);
  }
  return bySession;
}

export interface RestoreOutcome {
  readonly addedSessions: number;
  readonly skippedSessions: number;
  readonly addedAssessments: number;
  readonly addedReadings: number;
  readonly skippedReadings: number;
}

/**
 * Merge a checked backup into the database: sessions, assessments and readings already present (same id) are skipped,
 * settings from the backup fill only keys not set here. All or nothing.
 */
export function restoreBackup(store: ResonanceStore, backup: Backup): Promise<StorageResult<RestoreOutcome>> {
  return transact(store.db, ALL, 'readwrite', async (tx) => {
    const [sessionIds, assessmentIds, settingKeys, readingIds] = await Promise.all([
      tx.objectStore(STORE.sessions).getAllKeys(),
      tx.objectStore(STORE.assessments).getAllKeys(),
      tx.objectStore(STORE.settings).getAllKeys(),
      tx.objectStore(STORE.readings).getAllKeys(),
    ]);
    const plan = planRestore(backup, new Set(sessionIds), new Set(assessmentIds), new Set(readingIds));
    const writes: Promise<unknown>[] = [];
    for (const { session, beats, heartRate, breath } of plan.sessions)
      writes.push(...putSessionWrites(tx, session, beats, heartRate, breath && fromBreathColumn(breath)));
    for (const a of plan.assessments) writes.push(tx.objectStore(STORE.assessments).put(a));
    for (const r of plan.readings) writes.push(tx.objectStore(STORE.readings).put(r));
    const keys = new Set(settingKeys);
    for (const s of backup.settings) if (!keys.has(s.key)) writes.push(tx.objectStore(STORE.settings).put(s));
    await Promise.all(writes);
    return {
      addedSessions: plan.sessions.length,
      skippedSessions: plan.skippedSessions,
      addedAssessments: plan.assessments.length,
      addedReadings: plan.readings.length,
      skippedReadings: backup.readings.length - plan.readings.length,
    };
  });
}

type WriteTx = Parameters<Parameters<typeof transact<typeof ALL, 'readwrite', unknown>>[3]>[0];

function putSessionWrites(
  tx: WriteTx,
  session: SessionRecord,
  beats: BeatColumns,
  heartRate?: HeartRateColumns,
  breath?: BreathTraceSlice | null,
): Promise<unknown>[] {
  const { row, checkIns } = splitCheckIns(session);
  // The whole measured breath rides in the first chunk (the reader joins slices from any chunks).
  const chunks = chunksOf(session.id, beats).map((c) => (c.seq === 0 && breath ? { ...c, breath } : c));
  return [
    tx.objectStore(STORE.sessions).put(row),
    ...checkIns.map((c) => tx.objectStore(STORE.checkIns).put(c)),
    ...chunks.map((c) => tx.objectStore(STORE.beatChunks).put(c)),
    ...(heartRate ? heartRateChunksOf(session.id, heartRate) : []).map((c) =>
      tx.objectStore(STORE.heartRateChunks).put(c),
    ),
  ];
}

/**
 * Store whole finished sessions (RR-file imports, with the measured breath this app's CSV may carry): all of them or
 * none. A session whose id is already stored is left as it is; returns how many were added.
 */
export function importSessions(
  store: ResonanceStore,
  sessions: readonly {
    session: SessionRecord;
    beats: readonly BeatRecord[];
    breath?: BreathTraceSlice | null;
  }[],
): Promise<StorageResult<number>> {
  return transact(store.db, ALL, 'readwrite', async (tx) => {
    const stored = new Set(await tx.objectStore(STORE.sessions).getAllKeys());
    const fresh = sessions.filter(({ session }) => !stored.has(session.id));
    await Promise.all(
      fresh.flatMap(({ session, beats, breath }) =>
        putSessionWrites(tx, session, toColumns(beats), undefined, breath),
      ),
    );
    return fresh.length;
  });
}
