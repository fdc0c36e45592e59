/**
 * The history the screens show: sessions (summaries only), assessments, the day-by-day trends, streaks, and the
 * data controls (export, restore, import, delete). Storage is a constructor parameter so tests hand in their own.
 */
import { backupJson, parseBackup } from '../core/export/backup';
import { importId, importRrText } from '../core/export/rr-import';
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
import { exportBackup, importSessions, restoreBackup } from '../adapters/storage/backup';
import type { CheckInMoment } from '../adapters/storage/schema';
import { estimateSpace, type SpaceUsed } from '../adapters/storage/space';
import type { ResonanceStore } from '../adapters/storage/store';
import type { ChosenFile } from '../adapters/storage/files';

/** UTC offset in minutes at a moment, east positive, as the page's time zone has it (DST-aware). */
export const localOffset = (timeMs: number): number => -new Date(timeMs).getTimezoneOffset();

export interface Notice {
  readonly kind: 'info' | 'error';
  readonly text: string;
}

export class History {
  #sessions = $state.raw<SessionRecord[]>([]);
  #assessments = $state.raw<AssessmentRecord[]>([]);
  #loaded = $state(false);
  #notice = $state.raw<Notice | null>(null);
  #space = $state.raw<SpaceUsed | null>(null);
  #store: ResonanceStore | null;
  readonly #now: () => number;

  #trends = $derived(dailyTrends(this.#sessions, localOffset));
  #practiceDays = $derived(new Set(this.#trends.map((t) => t.day)));

  constructor(store: ResonanceStore | null, now: () => number = () => Date.now()) {
    this.#store = store;
    this.#now = now;
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
  get trends(): readonly DayTrend[] {
    return this.#trends;
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

  async load(): Promise<void> {
    const store = this.#store;
    if (!store) {
      this.#loaded = true;
      return;
    }
    const [sessions, assessments] = await Promise.all([store.listSessions(), store.listAssessments()]);
    if (sessions.ok) this.#sessions = sessions.value.filter((s) => s.status === 'finished');
    else this.say({ kind: 'error', text: sessions.error.message });
    if (assessments.ok) this.#assessments = assessments.value;
    this.#loaded = true;
    this.#space = await estimateSpace();
  }

  async beatsOf(sessionId: string): Promise<BeatRecord[] | null> {
    const result = await this.#store?.readBeats(sessionId);
    if (!result) return null;
    if (!result.ok) this.say({ kind: 'error', text: result.error.message });
    return result.ok ? result.value : null;
  }

  /** A heart-rate-only session's samples (empty for sessions of beats); null when storage is missing or failed. */
  async heartRateOf(sessionId: string): Promise<HeartRateRecord[] | null> {
    const result = await this.#store?.readHeartRate(sessionId);
    if (!result) return null;
    if (!result.ok) this.say({ kind: 'error', text: result.error.message });
    return result.ok ? result.value : null;
  }

  async saveCheckIn(sessionId: string, moment: CheckInMoment, checkIn: CheckIn | null): Promise<void> {
    const result = await this.#store?.putCheckIn(sessionId, moment, checkIn);
    if (result && !result.ok) this.say({ kind: 'error', text: result.error.message });
    await this.load();
  }

  /** Keep the pacer's latest assessment in the history (the same result stored again stays one record). */
  async recordAssessment(result: StoredAssessment): Promise<void> {
    const record = assessmentRecord(result);
    if (!record || !this.#store) return;
    if (this.#assessments.some((a) => a.id === record.id)) return;
    const written = await this.#store.putAssessment(record);
    if (!written.ok) this.say({ kind: 'error', text: written.error.message });
    const list = await this.#store.listAssessments();
    if (list.ok) this.#assessments = list.value;
  }

  async deleteSession(id: string): Promise<void> {
    const result = await this.#store?.deleteSession(id);
    if (result && !result.ok) this.say({ kind: 'error', text: result.error.message });
    else this.say({ kind: 'info', text: 'The session was deleted.' });
    await this.load();
  }

  async deleteEverything(): Promise<void> {
    const result = await this.#store?.deleteEverything();
    if (result && !result.ok) this.say({ kind: 'error', text: result.error.message });
    else this.say({ kind: 'info', text: 'All sessions, check-ins, assessments and settings were deleted.' });
    await this.load();
  }

  /** The full backup as JSON text, or null (with a notice) when it cannot be read. */
  async backupText(): Promise<string | null> {
    if (!this.#store) return null;
    const backup = await exportBackup(this.#store, this.#now());
    if (!backup.ok) {
      this.say({ kind: 'error', text: backup.error.message });
      return null;
    }
    return backupJson(backup.value);
  }

  /** Restore a backup file: checked completely first, then merged all at once. */
  async restore(file: ChosenFile): Promise<void> {
    if (!this.#store) return;
    const parsed = parseBackup(file.text);
    if (!parsed.ok) {
      const where = parsed.problem.where ? ` (at ${parsed.problem.where})` : '';
      this.say({
        kind: 'error',
        text: `Nothing was restored from ${file.name}: ${parsed.problem.message}${where}.`,
      });
      return;
    }
    const result = await restoreBackup(this.#store, parsed.backup);
    if (!result.ok) this.say({ kind: 'error', text: `Nothing was restored: ${result.error.message}` });
    else {
      const { addedSessions, skippedSessions } = result.value;
      this.say({
        kind: 'info',
        text: `Restored ${addedSessions} session${addedSessions === 1 ? '' : 's'}${skippedSessions ? `; ${skippedSessions} already here were left as they are` : ''}.`,
      });
    }
    await this.load();
  }

  /** Import RR files from other apps: every file must read, or none is imported. */
  async importRrFiles(files: readonly ChosenFile[]): Promise<void> {
    if (!this.#store || files.length === 0) return;
    const sessions: { session: SessionRecord; beats: BeatRecord[] }[] = [];
    for (const file of files) {
      const read = importRrText(file.text, file.name, importId(file.text), file.lastModifiedMs);
      if (!read.ok) {
        this.say({
          kind: 'error',
          text: `Nothing was imported: ${read.problem.where}: ${read.problem.message}.`,
        });
        return;
      }
      // The file's time is when the recording ended; the session started its duration earlier.
      if (sessions.some((s) => s.session.id === read.session.id)) continue; // the same file chosen twice
      sessions.push({
        session: {
          ...read.session,
          startTimeMs: Math.max(0, Math.round(file.lastModifiedMs - read.session.durationMs)),
        },
        beats: read.beats,
      });
    }
    const result = await importSessions(this.#store, sessions);
    if (!result.ok) this.say({ kind: 'error', text: `Nothing was imported: ${result.error.message}` });
    else {
      const already = sessions.length - result.value;
      const plural = (n: number) => `${n} recording${n === 1 ? '' : 's'}`;
      this.say({
        kind: 'info',
        text: `Imported ${plural(result.value)}${already > 0 ? `; ${plural(already)} ${already === 1 ? 'was' : 'were'} already here` : ''}.`,
      });
    }
    await this.load();
  }
}
