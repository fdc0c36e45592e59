/**
 * The full backup: every session with its beats, the assessments and the settings, in one versioned JSON file.
 * Beats travel as columns (see session/columns.ts) to keep a year of practice to tens of megabytes.
 *
 * Format history (append only; a reader accepts every version it knows):
 *   1: { format: 'resonance-backup', version: 1, exportedAtMs, sessions: [{ session, beats }], assessments, settings }
 *   2: version 1 plus `readings`: the morning readings (core/readiness/reading.ts), each with its RR intervals.
 *      A version-1 file reads as having no readings.
 *   3: version 2, and a session may carry `heartRate`: the heart-rate samples of a device without RR (a watch),
 *      as columns (session/heart-rate-columns.ts), one per `summary.heartRateSamples`; `session.signal` says what
 *      the session measured. Older files read as sessions of beats with no samples.
 */
import { columnLength, fromColumns, type BeatColumns } from '../session/columns';
import type { HeartRateColumns } from '../session/heart-rate-columns';
import { durationOfBeats, summariseBeats } from '../session/summary';
import type { ReadingRecord } from '../readiness/reading';
import type { AssessmentRecord, SessionRecord } from '../session/record';
import {
  checkAssessment,
  checkColumns,
  checkHeartRateColumns,
  checkReading,
  checkSession,
  checkSetting,
  withoutImpossibleBeats,
  type BackupSetting,
} from './backup-check';
import { BadValue, integer, list, object } from '../validate';
import type { Result } from '../result';

const BACKUP_FORMAT = 'resonance-backup';
const BACKUP_VERSION = 3;

export interface BackupSession {
  readonly session: SessionRecord;
  readonly beats: BeatColumns;
  /** Heart-rate samples (devices without RR); absent when the session has none. */
  readonly heartRate?: HeartRateColumns;
}

export interface Backup {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: typeof BACKUP_VERSION;
  readonly exportedAtMs: number;
  readonly sessions: readonly BackupSession[];
  readonly assessments: readonly AssessmentRecord[];
  readonly settings: readonly BackupSetting[];
  readonly readings: readonly ReadingRecord[];
}

export type { BackupSetting };

export function makeBackup(
  exportedAtMs: number,
  sessions: readonly BackupSession[],
  assessments: readonly AssessmentRecord[],
  settings: readonly BackupSetting[],
  readings: readonly ReadingRecord[] = [],
): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAtMs,
    sessions,
    assessments,
    settings,
    readings,
  };
}

export function backupJson(backup: Backup): string {
  return JSON.stringify(backup);
}

export interface ImportProblem {
  /** Where: a JSON path in a backup, or "line 12" in a text file; "" for the whole file. */
  readonly where: string;
  readonly message: string;
}

export type BackupResult = Result<Backup, ImportProblem>;

/** Parse and check a backup file's text completely before anything is imported. */
export function parseBackup(text: string): BackupResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: { where: '', message: `not a backup file: the JSON is malformed (${detail})` },
    };
  }
  try {
    return { ok: true, value: checkBackup(data) };
  } catch (error) {
    if (error instanceof BadValue) return { ok: false, error: { where: error.path, message: error.message } };
    throw error;
  }
}

function checkBackup(data: unknown): Backup {
  const root = object(data, 'file');
  if (root['format'] !== BACKUP_FORMAT) throw new BadValue('format', 'this is not a Resonance backup');
  const version = integer(root['version'], 'version', 1);
  if (version > BACKUP_VERSION)
    throw new BadValue(
      'version',
      `backup version ${version} is newer than this app understands (${BACKUP_VERSION})`,
    );
  const seen = new Set<string>();
  const sessions = list(root['sessions'], 'sessions').map((entry, i): BackupSession => {
    const path = `sessions[${i}]`;
    const e = object(entry, path);
    const session = checkSession(e['session'], `${path}.session`);
    if (seen.has(session.id)) throw new BadValue(`${path}.session.id`, `session ${session.id} appears twice`);
    seen.add(session.id);
    const beats = checkColumns(e['beats'], `${path}.beats`);
    if (columnLength(beats) !== session.summary.beatCount)
      throw new BadValue(
        `${path}.beats`,
        `holds ${columnLength(beats)} beats but the summary says ${session.summary.beatCount}`,
      );
    const samples = session.summary.heartRateSamples ?? 0;
    const heartRate =
      version < 3 || (e['heartRate'] === undefined && samples === 0)
        ? null
        : checkHeartRateColumns(e['heartRate'] ?? null, `${path}.heartRate`);
    if (heartRate !== null && heartRate.heartRateBpm.length !== samples)
      throw new BadValue(
        `${path}.heartRate`,
        `holds ${heartRate.heartRateBpm.length} heart-rate samples but the summary says ${samples}`,
      );
    // Impossible beats (from an older version, or edited in) are never stored: left out, the figures redone.
    const cleaned = withoutImpossibleBeats(beats);
    const checked: BackupSession =
      cleaned.left === 0
        ? { session, beats }
        : {
            session: {
              ...session,
              durationMs: durationOfBeats(fromColumns(cleaned.beats)),
              summary: summariseBeats(fromColumns(cleaned.beats)),
            },
            beats: cleaned.beats,
          };
    return heartRate === null ? checked : { ...checked, heartRate };
  });
  const assessments = list(root['assessments'], 'assessments').map((a, i) =>
    checkAssessment(a, `assessments[${i}]`),
  );
  const settings = list(root['settings'], 'settings').map((s, i) => checkSetting(s, `settings[${i}]`));
  const readingIds = new Set<string>();
  const readings =
    version < 2
      ? []
      : list(root['readings'], 'readings').map((r, i) => {
          const reading = checkReading(r, `readings[${i}]`);
          if (readingIds.has(reading.id))
            throw new BadValue(`readings[${i}].id`, `reading ${reading.id} appears twice`);
          readingIds.add(reading.id);
          return reading;
        });
  return makeBackup(
    integer(root['exportedAtMs'], 'exportedAtMs', 0),
    sessions,
    assessments,
    settings,
    readings,
  );
}

/**
 * What a restore will do: sessions, assessments and readings whose id is already stored are skipped, not
 * duplicated.
 */
export interface RestorePlan {
  readonly sessions: readonly BackupSession[];
  readonly assessments: readonly AssessmentRecord[];
  readonly readings: readonly ReadingRecord[];
  readonly skippedSessions: number;
  readonly skippedAssessments: number;
}

export function planRestore(
  backup: Backup,
  storedSessionIds: ReadonlySet<string>,
  storedAssessmentIds: ReadonlySet<string>,
  storedReadingIds: ReadonlySet<string> = new Set(),
): RestorePlan {
  const sessions = backup.sessions.filter((s) => !storedSessionIds.has(s.session.id));
  const assessments = backup.assessments.filter((a) => !storedAssessmentIds.has(a.id));
  const readings = backup.readings.filter((r) => !storedReadingIds.has(r.id));
  return {
    sessions,
    assessments,
    readings,
    skippedSessions: backup.sessions.length - sessions.length,
    skippedAssessments: backup.assessments.length - assessments.length,
  };
}
