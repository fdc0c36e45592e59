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
 *   4: version 3, and a session may carry `breath`: its measured breath (a chest sensor's), as a 4 Hz column
 *      (session/breath-column.ts); an assessment may carry `signal`, 'heart-rate' when its answer came from heart
 *      rate only. Older files read as sessions without a measured breath and assessments from beats.
 */
import { columnLength, fromColumns, type BeatColumns } from '../session/columns';
import type { BreathColumn } from '../session/breath-column';
import type { HeartRateColumns } from '../session/heart-rate-columns';
import { durationOfBeats, summariseBeats } from '../session/summary';
import type { ReadingRecord } from '../readiness/reading';
import type { AssessmentRecord, SessionRecord } from '../session/record';
import {
  checkAssessment,
  checkBreath,
  checkColumns,
  checkHeartRateColumns,
  checkReading,
  checkSession,
  checkSetting,
  withoutImpossibleBeats,
  type BackupSetting,
} from './backup-check';
import { BadValue, epochMs, integer, list, object, type ValueProblem } from '../validate';
import type { Result } from '../result';

const BACKUP_FORMAT = 'resonance-backup';
const BACKUP_VERSION = 4;

export interface BackupSession {
  readonly session: SessionRecord;
  readonly beats: BeatColumns;
  /** Heart-rate samples (devices without RR); absent when the session has none. */
  readonly heartRate?: HeartRateColumns;
  /** The measured breath (chest sensor); absent when the session has none. */
  readonly breath?: BreathColumn;
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
  /** Where: a JSON path in the backup ("sessions[3].beats.rrMs[17]"); "" for the whole file. */
  readonly where: string;
  /** What is wrong there (worded by the screens: src/ui/files/value-problem-text.ts). */
  readonly problem: ValueProblem;
}

export type BackupResult = Result<Backup, ImportProblem>;

/** Parse and check a backup file's text completely before anything is imported. */
export function parseBackup(text: string): BackupResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { where: '', problem: { kind: 'malformed-json', detail } } };
  }
  try {
    return { ok: true, value: checkBackup(data) };
  } catch (error) {
    if (error instanceof BadValue) return { ok: false, error: { where: error.path, problem: error.problem } };
    throw error;
  }
}

function checkBackup(data: unknown): Backup {
  // JSON that is not an object at all (a list, a number, null) is some other file, not a damaged backup.
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new BadValue('', { kind: 'not-a-backup' });
  const root = object(data, '');
  if (root['format'] !== BACKUP_FORMAT) throw new BadValue('format', { kind: 'not-a-backup' });
  const version = integer(root['version'], 'version', 1);
  if (version > BACKUP_VERSION)
    throw new BadValue('version', { kind: 'newer-version', version, understood: BACKUP_VERSION });
  const seen = new Set<string>();
  const sessions = list(root['sessions'], 'sessions').map((entry, i): BackupSession => {
    const path = `sessions[${i}]`;
    const e = object(entry, path);
    const session = checkSession(e['session'], `${path}.session`);
    if (seen.has(session.id))
      throw new BadValue(`${path}.session.id`, { kind: 'repeated-id', id: session.id });
    seen.add(session.id);
    const beats = checkColumns(e['beats'], `${path}.beats`);
    if (columnLength(beats) !== session.summary.beatCount)
      throw new BadValue(`${path}.beats`, {
        kind: 'count-mismatch',
        what: 'beats',
        holds: columnLength(beats),
        says: session.summary.beatCount,
      });
    const samples = session.summary.heartRateSamples ?? 0;
    const heartRate =
      version < 3 || (e['heartRate'] === undefined && samples === 0)
        ? null
        : checkHeartRateColumns(e['heartRate'] ?? null, `${path}.heartRate`);
    if (heartRate !== null && heartRate.heartRateBpm.length !== samples)
      throw new BadValue(`${path}.heartRate`, {
        kind: 'count-mismatch',
        what: 'heart-rate-samples',
        holds: heartRate.heartRateBpm.length,
        says: samples,
      });
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
    const breath =
      version < 4 || e['breath'] === undefined
        ? null
        : checkBreath(e['breath'], `${path}.breath`, session.durationMs);
    if (breath !== null && checked.beats.rrMs.length === 0)
      throw new BadValue(`${path}.breath`, { kind: 'breath-without-beats' });
    return {
      ...checked,
      ...(heartRate === null ? {} : { heartRate }),
      ...(breath === null ? {} : { breath }),
    };
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
            throw new BadValue(`readings[${i}].id`, { kind: 'repeated-id', id: reading.id });
          readingIds.add(reading.id);
          return reading;
        });
  return makeBackup(epochMs(root['exportedAtMs'], 'exportedAtMs'), sessions, assessments, settings, readings);
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
