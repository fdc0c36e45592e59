/**
 * Crash-safe recording. Beats are kept in memory and written to IndexedDB at least every few seconds, so a
 * crashed or closed tab loses at most the last flush interval (target: 5 s). The open chunk is rewritten on each
 * flush until it holds BEATS_PER_CHUNK beats, then the next chunk begins.
 *
 * Heart-rate samples from a device without RR (a watch) are kept the same way in their own chunks, in the same
 * transaction as the beats; a session with samples and no beats is a heart-rate-only session. A sample outside
 * 20-300 bpm is never stored.
 *
 * When a write fails (a full disk above all) the recorder says so through `problem`, keeps every beat in memory
 * and keeps trying on later flushes; `snapshot()` gives the whole session for export at any time.
 */
import { toColumns } from '../../core/session/columns';
import { toHeartRateColumns } from '../../core/session/heart-rate-columns';
import { chunksOf, heartRateChunksOf } from './chunks';
import { holdRecordingLock } from '../locks/recording-lock';
import { browserTimers, type Intervals } from '../timers';
import {
  EMPTY_SUMMARY,
  type BeatRecord,
  type CheckIn,
  type HeartRateRecord,
  type SessionRecord,
} from '../../core/session/record';
import { durationOfBeats, summariseBeats } from '../../core/session/summary';
import { durationOfSamples, summariseHeartRate } from '../../core/hr-only/summary';
import { isPlausibleHeartRate } from '../../core/heart/limits';
import type { HeartSourceKind } from '../../core/heart/types';
import type { StorageError, StorageResult } from './database';
import { BEATS_PER_CHUNK, HR_SAMPLES_PER_CHUNK, type StoredChunk } from './schema';
import { BREATH_STEP_MS, type BreathTrace, type BreathTraceSlice } from '../../core/respiration/breath-trace';
import type { ResonanceStore } from './store';

/** What the recorder needs from storage (tests hand in one that fails). */
export type RecorderStore = Pick<ResonanceStore, 'putSessionAndChunks' | 'putSession'>;

/** Flush period, ms. Below 5 s so that, with the write's own time, at most 5 s of beats are ever unsaved. */
const FLUSH_INTERVAL_MS = 4_000;

export interface RecordingStart {
  readonly id: string;
  readonly startTimeMs: number;
  readonly sourceKind: HeartSourceKind;
  readonly sourceLabel: string;
  readonly checkInBefore?: CheckIn | null;
}

/** The interface a running session calls: one beat at a time, then stop. */
interface BeatRecorder {
  record(beat: BeatRecord): void;
  stop(finish?: { checkInAfter?: CheckIn | null }): Promise<SessionRecord>;
}

export class SessionRecorder implements BeatRecorder {
  readonly #store: RecorderStore | null;
  readonly #start: RecordingStart;
  readonly #timers: Intervals;
  readonly #beats: BeatRecord[] = [];
  readonly #samples: HeartRateRecord[] = [];
  /** Beats already safely written. */
  #savedCount = 0;
  /** Heart-rate samples already safely written. */
  #savedSamples = 0;
  #timer: number | null = null;
  #writing: Promise<void> = Promise.resolve();
  #problem: StorageError | null = null;
  readonly #holdLock: (sessionId: string) => () => void;
  #releaseLock: () => void = () => {};
  /** Lowest index relabelled since the last write (Infinity: none). */
  #dirtyFrom = Infinity;
  #checkInBefore: CheckIn | null;
  #stopped = false;
  /** The session's measured breath (chest sensor), read at each write; null without one. */
  #breath: BreathTrace | null = null;
  /** Where each chunk's breath slice begins (fixed at its first write, so the slices join without a hole), ms. */
  readonly #breathFromMs = new Map<number, number>();
  /** The breath trace's length (samples) at the last successful write. */
  #breathSaved = 0;
  /** Beats must span this long before anything is written (0: write from the start). */
  readonly #minKeptMs: number;
  /** The person asked to keep a session shorter than that. */
  #keepShort = false;
  /** Whether the session row (with its check-ins) has been written. */
  #rowWritten = false;
  #onProblem: (problem: StorageError | null) => void;

  constructor(
    store: RecorderStore | null,
    start: RecordingStart,
    options: {
      timers?: Intervals;
      onProblem?: (problem: StorageError | null) => void;
      /** Takes the session's recording lock and returns its release (tests stand in for a closed tab). */
      holdLock?: (sessionId: string) => () => void;
      /**
       * Nothing is written until the beats span this long, ms: a session stopped sooner is not kept unless the
       * person asks ({@link keep}); a tab closed sooner leaves nothing to recover.
       */
      minKeptMs?: number;
    } = {},
  ) {
    this.#store = store;
    this.#start = start;
    this.#timers = options.timers ?? browserTimers;
    this.#onProblem = options.onProblem ?? (() => {});
    this.#holdLock = options.holdLock ?? holdRecordingLock;
    this.#checkInBefore = start.checkInBefore ?? null;
    this.#minKeptMs = options.minKeptMs ?? 0;
    if (!store) this.#setProblem({ kind: 'not-open' });
  }

  /** Write the empty session row and start the periodic flush (and a flush whenever the page is hidden). */
  async begin(): Promise<StorageResult<void>> {
    this.#timer = this.#timers.setInterval(() => void this.flush(), FLUSH_INTERVAL_MS);
    this.#releaseLock = this.#holdLock(this.#start.id);
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', this.#onHidden);
    if (!this.#store) return { ok: false, error: this.#problem ?? { kind: 'not-open' } };
    if (this.held) return { ok: true, value: undefined };
    return this.#writeRow(this.#store);
  }

  /** The empty session row with its before check-in, written once before the first beats. */
  async #writeRow(store: RecorderStore): Promise<StorageResult<void>> {
    const result = await store.putSession(this.#sessionRecord('recording', 0, 0));
    if (result.ok) this.#rowWritten = true;
    else this.#setProblem(result.error);
    return result;
  }

  /**
   * Whether the session is still too short to be written (see the `minKeptMs` option): by its beats, or by its
   * heart-rate samples for a device without RR.
   */
  get held(): boolean {
    const spanMs = Math.max(durationOfBeats(this.#beats), durationOfSamples(this.#samples));
    return !this.#keepShort && spanMs < this.#minKeptMs;
  }

  get id(): string {
    return this.#start.id;
  }

  /** The latest storage problem, or null while saving works. */
  get problem(): StorageError | null {
    return this.#problem;
  }

  get beatCount(): number {
    return this.#beats.length;
  }

  get savedCount(): number {
    return this.#savedCount;
  }

  /** The tab is being hidden (switched away, closed, phone locked): save now rather than in up to 4 s. */
  readonly #onHidden = (): void => {
    if (document.visibilityState === 'hidden') void this.flush();
  };

  /** The measured breath to store with the beats (the live session's trace, which keeps growing). */
  recordBreath(trace: BreathTrace): void {
    this.#breath = trace;
  }

  record(beat: BeatRecord): void {
    if (!this.#stopped) this.#beats.push(beat);
  }

  /** Keep one heart-rate sample (a device without RR); an impossible heart rate is dropped, never stored. */
  recordHeartRate(sample: HeartRateRecord): void {
    if (!this.#stopped && isPlausibleHeartRate(sample.heartRateBpm) && Number.isFinite(sample.timeMs))
      this.#samples.push(sample);
  }

  get sampleCount(): number {
    return this.#samples.length;
  }

  /**
   * Set the artifact label of beat `index` (0-based), as the HRV engine settles it a couple of beats late. A beat
   * already stored is written again with the next flush.
   */
  relabel(index: number, label: string): void {
    const beat = this.#beats[index];
    if (!beat || beat.artifact === label) return;
    this.#beats[index] = { ...beat, artifact: label };
    this.#dirtyFrom = Math.min(this.#dirtyFrom, index);
  }

  /** Write every beat not yet saved. Flushes never overlap: each waits for the one before. */
  flush(): Promise<void> {
    this.#writing = this.#writing.then(() => this.#write());
    return this.#writing;
  }

  async #write(): Promise<void> {
    const store = this.#store;
    const total = this.#beats.length;
    const samples = this.#samples.length;
    const dirtyFrom = this.#dirtyFrom;
    const breathCount = this.#breath?.sampleCount ?? 0;
    const unchanged =
      total === this.#savedCount &&
      samples === this.#savedSamples &&
      dirtyFrom === Infinity &&
      breathCount === this.#breathSaved;
    if (!store || this.held || unchanged) return;
    if (!this.#rowWritten && !(await this.#writeRow(store)).ok) return;
    this.#dirtyFrom = Infinity;
    // Rewrite the open (or a relabelled) chunk and add any new ones; the beats before it are already stored.
    const firstSeq = Math.floor(Math.min(this.#savedCount, dirtyFrom) / BEATS_PER_CHUNK);
    const from = firstSeq * BEATS_PER_CHUNK;
    const chunks = chunksOf(this.#start.id, toColumns(this.#beats.slice(from, total))).map((c) =>
      this.#withBreath({ ...c, seq: c.seq + firstSeq }),
    );
    // Likewise the open heart-rate chunk and any new ones.
    const firstSampleSeq = Math.floor(this.#savedSamples / HR_SAMPLES_PER_CHUNK);
    const sampleChunks =
      samples === this.#savedSamples
        ? []
        : heartRateChunksOf(
            this.#start.id,
            toHeartRateColumns(this.#samples.slice(firstSampleSeq * HR_SAMPLES_PER_CHUNK, samples)),
            firstSampleSeq,
          );
    const { checkInBefore: _b, checkInAfter: _a, ...row } = this.#sessionRecord('recording', total, samples);
    const result = await store.putSessionAndChunks(row, chunks, sampleChunks);
    if (result.ok) {
      this.#savedCount = total;
      this.#breathSaved = breathCount;
      this.#savedSamples = samples;
      this.#setProblem(null);
    } else {
      this.#dirtyFrom = Math.min(this.#dirtyFrom, dirtyFrom);
      this.#setProblem(result.error);
    }
  }

  /**
   * A chunk with its slice of the measured breath: from where the breath stood when the chunk was first written
   * (the first chunk: from the start) to the trace's end now. A closed chunk is not rewritten, so the breath after
   * its last write lands in the next chunk's slice, which begins where the saved breath ended.
   */
  #withBreath(chunk: StoredChunk): StoredChunk {
    const trace = this.#breath;
    if (!trace) return chunk;
    let fromMs = this.#breathFromMs.get(chunk.seq);
    if (fromMs === undefined) {
      const startMs = chunk.seq === 0 ? null : trace.startMs;
      fromMs = startMs === null ? Number.NEGATIVE_INFINITY : startMs + this.#breathSaved * BREATH_STEP_MS;
      this.#breathFromMs.set(chunk.seq, fromMs);
    }
    const breath = trace.slice(fromMs);
    return breath ? { ...chunk, breath } : chunk;
  }

  /** Stop: final flush, then the finished record with its summary. */
  async stop(finish: { checkInAfter?: CheckIn | null } = {}): Promise<SessionRecord> {
    this.#stopped = true;
    if (this.#timer !== null) this.#timers.clearInterval(this.#timer);
    this.#timer = null;
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', this.#onHidden);
    await this.flush();
    return this.#finish(finish.checkInAfter ?? null);
  }

  /** The finished record, written unless the session is held as too short. */
  async #finish(checkInAfter: CheckIn | null): Promise<SessionRecord> {
    const record = this.#sessionRecord('finished', this.#beats.length, this.#samples.length, checkInAfter);
    if (this.#store && !this.held) {
      const result = await this.#store.putSession(record);
      if (!result.ok) this.#setProblem(result.error);
    }
    // Only now: another tab waiting on the lock would otherwise "recover" a session about to be finished here. A
    // session held as too short keeps its lock until the person keeps it or lets it go, so another tab showing the
    // history hears of it when it is written ({@link keep}), not before.
    if (!this.held) this.#releaseLock();
    return record;
  }

  /** Keep a stopped session that was too short to be written: write it all now. */
  async keep(): Promise<SessionRecord> {
    this.#keepShort = true;
    await this.flush();
    return this.#finish(null);
  }

  /** The person let a stopped session go unsaved (or started another): nothing is written, the lock is let go. */
  discard(): void {
    if (this.#stopped) this.#releaseLock();
  }

  /**
   * The whole session as held in memory now, for export when storage failed: copies, so beats recorded while the
   * export is prepared (its code loads first) cannot make the beats disagree with the summary.
   */
  snapshot(): {
    session: SessionRecord;
    beats: readonly BeatRecord[];
    heartRate: readonly HeartRateRecord[];
    breath: BreathTraceSlice | null;
  } {
    const session = this.#sessionRecord('finished', this.#beats.length, this.#samples.length, null);
    return {
      session: this.#stopped ? session : { ...session, status: 'recording', end: null },
      beats: this.#beats.slice(),
      heartRate: this.#samples.slice(),
      breath: this.#breath?.slice(Number.NEGATIVE_INFINITY) ?? null,
    };
  }

  /**
   * The session row. While recording it carries only the beat count (the full summary, coherence included, costs
   * milliseconds per flush; recovery computes it from the stored beats if the session never finishes). A session
   * with heart-rate samples and no beats is heart-rate only, summarised from the samples.
   */
  #sessionRecord(
    status: 'recording' | 'finished',
    count: number,
    sampleCount: number,
    checkInAfter: CheckIn | null = null,
  ): SessionRecord {
    const beats = count === this.#beats.length ? this.#beats : this.#beats.slice(0, count);
    const samples =
      sampleCount === this.#samples.length ? this.#samples : this.#samples.slice(0, sampleCount);
    const heartRateOnly = beats.length === 0 && samples.length > 0;
    const summary =
      status === 'recording'
        ? { ...EMPTY_SUMMARY, beatCount: count, heartRateSamples: sampleCount }
        : heartRateOnly
          ? summariseHeartRate(samples)
          : beats.length === 0
            ? { ...EMPTY_SUMMARY, beatCount: count }
            : {
                ...summariseBeats(beats),
                ...(samples.length > 0 ? { heartRateSamples: samples.length } : {}),
              };
    return {
      id: this.#start.id,
      startTimeMs: this.#start.startTimeMs,
      sourceKind: this.#start.sourceKind,
      sourceLabel: this.#start.sourceLabel,
      durationMs: heartRateOnly ? durationOfSamples(samples) : durationOfBeats(beats),
      status,
      end: status === 'finished' ? 'stopped' : null,
      summary,
      signal: heartRateOnly ? 'heart-rate' : 'rr',
      checkInBefore: this.#checkInBefore,
      checkInAfter,
    };
  }

  #setProblem(problem: StorageError | null): void {
    if (problem === this.#problem) return;
    this.#problem = problem;
    this.#onProblem(problem);
  }
}
