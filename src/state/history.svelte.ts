/**
 * The history the screens show: sessions (summaries only), assessments, morning readings with their baseline and
 * normal range, the day-by-day trends, streaks (sessions and readings both count), and the data controls (export, restore, import, delete). Storage is a constructor parameter so tests hand in their own.
 */
import type { BreathTraceSlice } from '../core/respiration/breath-trace';
import { assessmentRecord } from '../core/history/assessments';
import { dayKey } from '../core/history/days';
import type { StoredAssessment } from '../core/pacer/assessment/result';
import { missedDays, streaks, type Streaks } from '../core/history/practice';
import { dailyTrends, type DayTrend } from '../core/history/trends';
import type {
  AssessmentRecord,
  BeatRecord,
  CheckIn,
  HeartRateRecord,
  SessionRecord,
} from '../core/session/record';
import type { RestoreOutcome } from '../adapters/storage/backup';
import type { CheckInMoment } from '../adapters/storage/schema';
import {
  estimateSpace,
  persistenceNow,
  requestPersistence,
  type Persistence,
  type SpaceUsed,
} from '../adapters/storage/space';
import type { ResonanceStore } from '../adapters/storage/store';
import { belowRangeRun, readinessDays, type ReadinessDay } from '../core/readiness/baseline';
import type { ReadingRecord } from '../core/readiness/reading';
import { readingsCsv } from '../core/export/readings-csv';

/** The settings key of the opt-in below-range note. */
const BELOW_RANGE_NOTE_SETTING = 'reading-below-range-note';
import { wipeEverything, type WipeReport } from '../adapters/storage/wipe';
import type { FileProblem } from '../core/rr-file/problems';
import type { ImportProblem } from '../core/export/backup';
import type { StorageError } from '../adapters/storage/database';
import { recoverUnfinished, type Recovered } from '../adapters/storage/recovery';

/** The backup and import code, loaded when first used (history-files.ts). */
const historyFiles = () => import('./history-files');

/** UTC offset in minutes at a moment, east positive, as the page's time zone has it (DST-aware). */
export const localOffset = (timeMs: number): number => -new Date(timeMs).getTimezoneOffset();

function readingsPerDay(readings: readonly ReadingRecord[]): Map<string, number> {
  const days = new Map<string, number>();
  for (const r of readings) {
    const day = dayKey(r.timeMs, localOffset(r.timeMs));
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  return days;
}

/** What a restore or an import of files came to, for the screen to put in words (ui/history/notice-text.ts). */
export type FileOutcome =
  /** The file could not be read as text within the limits; nothing was changed. */
  | {
      readonly kind: 'unreadable';
      readonly action: 'restore' | 'import';
      readonly fileName: string;
      readonly problem: FileProblem;
    }
  /** The backup's text was read but is not a valid backup; nothing was restored. */
  | { readonly kind: 'invalid-backup'; readonly fileName: string; readonly problem: ImportProblem }
  /** Storage refused the write; nothing was changed. */
  | { readonly kind: 'storage-failed'; readonly action: 'restore' | 'import'; readonly error: StorageError }
  | ({ readonly kind: 'restored' } & RestoreOutcome)
  | {
      readonly kind: 'imported';
      readonly added: number;
      /** Recordings already here (imported before). */
      readonly already: number;
      /** RR values left out as impossible. */
      readonly impossible: number;
    };

/** A line above the history: a message in words, or a typed value for the screen to word (ui/history/notice-text.ts). */
export type Notice =
  | { readonly kind: 'info' | 'error'; readonly text: string }
  | { readonly kind: 'info' | 'error'; readonly outcome: FileOutcome }
  /** Storage failed to read or write. */
  | { readonly kind: 'error'; readonly storage: StorageError }
  /** Sessions a closed or crashed tab left open were finished at launch. */
  | { readonly kind: 'info'; readonly recovered: readonly SessionRecord[] }
  /** A stored session or morning reading was deleted. */
  | { readonly kind: 'info'; readonly deleted: 'session' | 'reading' };

export class History {
  #sessions = $state.raw<SessionRecord[]>([]);
  #assessments = $state.raw<AssessmentRecord[]>([]);
  #readings = $state.raw<ReadingRecord[]>([]);
  #belowRangeNoteOn = $state(false);
  #loaded = $state(false);
  #notice = $state.raw<Notice | null>(null);
  #space = $state.raw<SpaceUsed | null>(null);
  #persistence = $state<Persistence>('unsupported');
  #askedPersistence = false;
  #store: ResonanceStore | null;
  readonly #now: () => number;
  readonly #afterRestore: () => Promise<void> | void;

  #trends = $derived(dailyTrends(this.#sessions, localOffset));
  #readiness = $derived(readinessDays(this.#readings, localOffset));
  #readingDays = $derived(readingsPerDay(this.#readings));
  /** Days with a session or a reading: both keep the habit going. */
  #practiceDays = $derived(new Set([...this.#trends.map((t) => t.day), ...this.#readingDays.keys()]));

  /** `afterRestore` runs once a backup has been restored (the settings read theirs again). */
  constructor(
    store: ResonanceStore | null,
    now: () => number = () => Date.now(),
    afterRestore: () => Promise<void> | void = () => {},
  ) {
    this.#store = store;
    this.#now = now;
    this.#afterRestore = afterRestore;
  }

  get sessions(): readonly SessionRecord[] {
    return this.#sessions;
  }
  get assessments(): readonly AssessmentRecord[] {
    return this.#assessments;
  }
  get loaded(): boolean {
    return this.#loaded;
  }
  get notice(): Notice | null {
    return this.#notice;
  }
  get space(): SpaceUsed | null {
    return this.#space;
  }
  /** Whether the browser keeps this data even under storage pressure. */
  get persistence(): Persistence {
    return this.#persistence;
  }

  /**
   * Ask for persistent storage once a session is saved (there is something worth keeping), at most once a visit,
   * and without anyone waiting: Firefox answers only when the person answers its prompt.
   */
  askPersistence(): void {
    if (this.#askedPersistence || !this.#store) return;
    this.#askedPersistence = true;
    void requestPersistence().then((p) => (this.#persistence = p));
  }
  get trends(): readonly DayTrend[] {
    return this.#trends;
  }
  /** Morning readings, oldest first. */
  get readings(): readonly ReadingRecord[] {
    return this.#readings;
  }
  /** One entry per day with a reading: baseline, CV and normal range (core/readiness/baseline.ts). */
  get readiness(): readonly ReadinessDay[] {
    return this.#readiness;
  }
  /** Readings per local day. */
  get readingDays(): ReadonlyMap<string, number> {
    return this.#readingDays;
  }
  /** Whether the person asked for the below-range note. */
  get belowRangeNoteOn(): boolean {
    return this.#belowRangeNoteOn;
  }
  /** Days in a row the 7-day baseline sat below the normal range, when the note is on and due; else null. */
  get belowRangeDays(): number | null {
    return this.#belowRangeNoteOn ? belowRangeRun(this.#readiness, this.today) : null;
  }
  get practiceDays(): ReadonlySet<string> {
    return this.#practiceDays;
  }
  get today(): string {
    const now = this.#now();
    return dayKey(now, localOffset(now));
  }
  get streaks(): Streaks {
    return streaks(this.#practiceDays, this.today);
  }
  /** Days missed since the last session, when a nudge is due. */
  get missedDays(): number | null {
    return missedDays(this.#practiceDays, this.today);
  }

  attach(store: ResonanceStore | null): void {
    this.#store = store;
  }

  say(notice: Notice | null): void {
    this.#notice = notice;
  }

  #sayFile(outcome: FileOutcome): void {
    const failed = outcome.kind !== 'restored' && outcome.kind !== 'imported';
    this.say({ kind: failed ? 'error' : 'info', outcome });
  }

  async load(): Promise<void> {
    const store = this.#store;
    if (!store) {
      this.#loaded = true;
      return;
    }
    const [sessions, assessments, readings, note] = await Promise.all([
      store.listSessions(),
      store.listAssessments(),
      store.listReadings(),
      store.getSetting(BELOW_RANGE_NOTE_SETTING),
    ]);
    if (sessions.ok) this.#sessions = sessions.value.filter((s) => s.status === 'finished');
    else this.say({ kind: 'error', storage: sessions.error });
    if (assessments.ok) this.#assessments = assessments.value;
    if (readings.ok) this.#readings = readings.value;
    else this.say({ kind: 'error', storage: readings.error });
    if (note.ok) this.#belowRangeNoteOn = note.value === true;
    this.#loaded = true;
    const [space, persistence] = await Promise.all([estimateSpace(), persistenceNow()]);
    this.#space = space;
    this.#persistence = persistence;
  }

  async beatsOf(sessionId: string): Promise<BeatRecord[] | null> {
    const result = await this.#store?.readBeats(sessionId);
    if (!result) return null;
    if (!result.ok) this.say({ kind: 'error', storage: result.error });
    return result.ok ? result.value : null;
  }

  /** A session's measured breath, or null (none recorded, or no storage). */
  async breathOf(sessionId: string): Promise<BreathTraceSlice | null> {
    const result = await this.#store?.readBreath(sessionId);
    if (!result) return null;
    if (!result.ok) this.say({ kind: 'error', storage: result.error });
    return result.ok ? result.value : null;
  }

  /** A heart-rate-only session's samples (empty for sessions of beats); null when storage is missing or failed. */
  async heartRateOf(sessionId: string): Promise<HeartRateRecord[] | null> {
    const result = await this.#store?.readHeartRate(sessionId);
    if (!result) return null;
    if (!result.ok) this.say({ kind: 'error', storage: result.error });
    return result.ok ? result.value : null;
  }

  async saveCheckIn(sessionId: string, moment: CheckInMoment, checkIn: CheckIn | null): Promise<void> {
    const result = await this.#store?.putCheckIn(sessionId, moment, checkIn);
    if (result && !result.ok) this.say({ kind: 'error', storage: result.error });
    await this.load();
  }

  /**
   * Keep the pacer's latest assessment in the history (the same result stored again stays one record), with the
   * session it was measured in when there was one.
   */
  async recordAssessment(result: StoredAssessment, sessionId: string | null = null): Promise<void> {
    const record = assessmentRecord(result, sessionId);
    if (!record || !this.#store) return;
    if (this.#assessments.some((a) => a.id === record.id)) return;
    const written = await this.#store.putAssessment(record);
    if (!written.ok) this.say({ kind: 'error', storage: written.error });
    const list = await this.#store.listAssessments();
    if (list.ok) this.#assessments = list.value;
  }

  /** Store a finished reading; why it could not be saved, else null. */
  async saveReading(reading: ReadingRecord): Promise<StorageError | null> {
    if (!this.#store) return { kind: 'not-open' };
    const written = await this.#store.putReading(reading);
    const list = await this.#store.listReadings();
    if (list.ok) this.#readings = list.value;
    return written.ok ? null : written.error;
  }

  async deleteReading(id: string): Promise<void> {
    const result = await this.#store?.deleteReading(id);
    if (result && !result.ok) this.say({ kind: 'error', storage: result.error });
    else this.say({ kind: 'info', deleted: 'reading' });
    await this.load();
  }

  /** Turn the below-range note on or off (stored, so it holds on the next launch). */
  async setBelowRangeNote(on: boolean): Promise<void> {
    this.#belowRangeNoteOn = on;
    const result = await this.#store?.putSetting(BELOW_RANGE_NOTE_SETTING, on);
    if (result && !result.ok) this.say({ kind: 'error', storage: result.error });
  }

  /** Every reading as CSV (local dates and times). */
  readingsCsvText(): string {
    return readingsCsv(this.#readings, localOffset);
  }

  async deleteSession(id: string): Promise<void> {
    const result = await this.#store?.deleteSession(id);
    if (result && !result.ok) this.say({ kind: 'error', storage: result.error });
    else this.say({ kind: 'info', deleted: 'session' });
    await this.load();
  }

  /**
   * Finish the sessions left open by a tab that closed or crashed (src/adapters/storage/recovery.ts), then reload.
   * Null without storage, or when it failed (the notice says why).
   */
  async recoverLeftOpen(): Promise<Recovered | null> {
    if (!this.#store) return null;
    const result = await recoverUnfinished(this.#store);
    if (!result.ok) this.say({ kind: 'error', storage: result.error });
    await this.load();
    return result.ok ? result.value : null;
  }

  /** The storage side of "delete all" (src/adapters/storage/wipe.ts); the history is empty afterwards. */
  async wipe(): Promise<WipeReport> {
    const report = await wipeEverything(this.#store);
    this.#sessions = [];
    this.#assessments = [];
    this.#readings = [];
    this.#notice = null;
    await this.load();
    return report;
  }

  /** The full backup as JSON text, or null (with a notice) when it cannot be read. */
  async backupText(): Promise<string | null> {
    if (!this.#store) return null;
    const { exportBackup, backupJson } = await historyFiles();
    const backup = await exportBackup(this.#store, this.#now());
    if (!backup.ok) {
      this.say({ kind: 'error', storage: backup.error });
      return null;
    }
    return backupJson(backup.value);
  }

  /** Restore a backup file: read within the file limits, checked completely first, then merged all at once. */
  async restore(file: File): Promise<void> {
    if (!this.#store) return;
    const { readBackupText, parseBackup, restoreBackup } = await historyFiles();
    const read = await readBackupText(file);
    if (!read.ok) {
      this.#sayFile({ kind: 'unreadable', action: 'restore', fileName: file.name, problem: read.error });
      return;
    }
    const parsed = parseBackup(read.value);
    if (!parsed.ok) {
      this.#sayFile({ kind: 'invalid-backup', fileName: file.name, problem: parsed.error });
      return;
    }
    const result = await restoreBackup(this.#store, parsed.value);
    if (!result.ok) this.#sayFile({ kind: 'storage-failed', action: 'restore', error: result.error });
    else {
      this.#sayFile({ kind: 'restored', ...result.value });
      await this.#afterRestore();
    }
    await this.load();
  }

  /** Import RR files (other apps' and this app's own exports): every file must read, or none is imported. */
  async importRrFiles(files: readonly File[]): Promise<void> {
    if (!this.#store || files.length === 0) return;
    const { importRrFile, readRrFile, importSessions } = await historyFiles();
    const sessions: { session: SessionRecord; beats: BeatRecord[]; breath: BreathTraceSlice | null }[] = [];
    let impossible = 0;
    for (const file of files) {
      const read = importRrFile(await readRrFile(file), file.name, file.lastModified);
      if (!read.ok) {
        this.#sayFile({ kind: 'unreadable', action: 'import', fileName: file.name, problem: read.error });
        return;
      }
      if (sessions.some((s) => s.session.id === read.value.session.id)) continue; // the same file chosen twice
      sessions.push({ session: read.value.session, beats: read.value.beats, breath: read.value.breath });
      impossible += read.value.impossible;
    }
    const result = await importSessions(this.#store, sessions);
    if (!result.ok) this.#sayFile({ kind: 'storage-failed', action: 'import', error: result.error });
    else
      this.#sayFile({
        kind: 'imported',
        added: result.value,
        already: sessions.length - result.value,
        impossible,
      });
    await this.load();
  }
}
