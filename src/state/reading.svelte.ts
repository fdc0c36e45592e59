/**
 * One morning reading as the screen sees it: the person's choices (length, position), the phase (settling for
 * 30 s, then measuring), the time left, the live heart rate, and at the end the analysed result and whether it was
 * saved. The heart source is any {@link HeartSource} (the strap, or the simulated heart breathing on its own).
 *
 * Beats are placed in the settling or measured part by their own time on the source's clock, so a beat is never
 * counted twice or lost at the boundary; the reading ends at the first beat past the measured part, or, when the
 * signal drops out, {@link END_GRACE_S} after it on the page's clock. The analysis of the 1-3 minutes measured is
 * computed once at the end (core/readiness/reading.ts), a few hundred intervals.
 */
import type { StorageError } from '../adapters/storage/database';
import type { Beat, HeartSource, HeartStatus } from '../core/heart/types';
import {
  analyseReading,
  SETTLE_S,
  type MeasuredBeat,
  type ReadingAnalysis,
  type ReadingLengthS,
  type ReadingPosition,
  type ReadingRecord,
} from '../core/readiness/reading';
import { MAX_STORED_RR_MS } from '../core/heart/plausible';
import type { AcquireSessionLock, ReleaseLock } from '../adapters/locks/session-lock';
import { browserTimers } from '../adapters/timers';

/** Why a reading could not start, or stopped early (typed; the words are in src/ui/reading/reading-text.ts). */
export type ReadingProblem =
  /** A breathing session runs in this page: a reading is taken at rest, breathing normally. */
  | { readonly kind: 'session-here' }
  /** Another tab or window runs a session or a reading. */
  | { readonly kind: 'held-elsewhere' }
  /** The heart source failed mid-reading; `detail` is the underlying error's own text, when it had one. */
  | { readonly kind: 'source-failed'; readonly detail: string | null };

export type ReadingPhase = 'idle' | 'settling' | 'measuring' | 'done';

/** After the measured part, how long the page waits for a late beat before ending anyway, s. */
const END_GRACE_S = 3;
const TICK_MS = 250;

export interface ReadingOutcome {
  readonly analysis: ReadingAnalysis;
  /** The stored record (null when the reading was not trusted or was too short, so nothing was saved). */
  readonly record: ReadingRecord | null;
  /** Why saving failed, when it did. */
  readonly saveError: StorageError | null;
}

export interface ReadingDeps {
  /** Store a finished, trusted reading; resolves to why it could not be saved, or null. */
  readonly save: (reading: ReadingRecord) => Promise<StorageError | null>;
  /** The one-session lock shared with practice sessions (one strap, one measurement at a time). */
  readonly acquireLock?: AcquireSessionLock;
  /** True while a practice session runs in this page (it holds the same lock; the message then says so). */
  readonly sessionRunning?: () => boolean;
  /** Page clock, ms (timers and the countdown). */
  readonly now?: () => number;
  /** Wall clock, ms since the epoch (the record's time). */
  readonly wallNow?: () => number;
}

export class MorningReading {
  #phase = $state<ReadingPhase>('idle');
  #lengthS = $state<ReadingLengthS>(60);
  #position = $state<ReadingPosition>('sitting');
  #elapsedS = $state(0);
  #heartRateBpm = $state<number | null>(null);
  /** The strap is gone (reconnecting, or given up): no heart rate to show, and the screen says why. */
  #signalLost = $state(false);
  #outcome = $state.raw<ReadingOutcome | null>(null);
  #error = $state<ReadingProblem | null>(null);
  #sourceLabel = $state('');

  readonly #deps: ReadingDeps;
  readonly #now: () => number;
  readonly #wallNow: () => number;
  #source: HeartSource | null = null;
  #release: ReleaseLock | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;
  #startMs = 0;
  #wallStartMs = 0;
  #measured: MeasuredBeat[] = [];
  #gapPending = false;

  constructor(deps: ReadingDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? browserTimers.now;
    this.#wallNow = deps.wallNow ?? (() => Date.now());
  }

  get phase(): ReadingPhase {
    return this.#phase;
  }
  get running(): boolean {
    return this.#phase === 'settling' || this.#phase === 'measuring';
  }
  get lengthS(): ReadingLengthS {
    return this.#lengthS;
  }
  get position(): ReadingPosition {
    return this.#position;
  }
  /** Seconds since the start, settling included. */
  get elapsedS(): number {
    return this.#elapsedS;
  }
  /** Seconds left in the current phase. */
  get phaseLeftS(): number {
    const end = this.#phase === 'settling' ? SETTLE_S : SETTLE_S + this.#lengthS;
    return Math.max(0, Math.ceil(end - this.#elapsedS));
  }
  /** 0..1 through the whole reading. */
  get progress(): number {
    return Math.min(1, this.#elapsedS / (SETTLE_S + this.#lengthS));
  }
  get heartRateBpm(): number | null {
    return this.#heartRateBpm;
  }
  get signalLost(): boolean {
    return this.#signalLost;
  }
  get outcome(): ReadingOutcome | null {
    return this.#outcome;
  }
  get error(): ReadingProblem | null {
    return this.#error;
  }
  get sourceLabel(): string {
    return this.#sourceLabel;
  }

  setLength(lengthS: ReadingLengthS): void {
    if (!this.running) this.#lengthS = lengthS;
  }
  setPosition(position: ReadingPosition): void {
    if (!this.running) this.#position = position;
  }

  /**
   * Take the one-session lock ahead of `start` (for the strap's chooser, which must not open while another tab
   * measures): false, with `error` saying why, when it is held elsewhere.
   */
  async claim(): Promise<boolean> {
    if (this.#release) return true;
    if (this.#deps.sessionRunning?.()) {
      this.#error = { kind: 'session-here' };
      return false;
    }
    const lock = (await this.#deps.acquireLock?.()) ?? (() => {});
    if (lock === 'held-elsewhere') {
      this.#error = { kind: 'held-elsewhere' };
      return false;
    }
    this.#error = null;
    this.#release = lock;
    return true;
  }

  unclaim(): void {
    if (this.running) return;
    this.#release?.();
    this.#release = null;
  }

  async start(source: HeartSource): Promise<void> {
    if (this.running) return;
    if (!(await this.claim())) return;
    this.#source = source;
    this.#sourceLabel = source.label;
    this.#measured = [];
    this.#gapPending = false;
    this.#outcome = null;
    this.#heartRateBpm = null;
    this.#signalLost = false;
    this.#elapsedS = 0;
    this.#phase = 'settling';
    this.#startMs = this.#now();
    this.#wallStartMs = this.#wallNow();
    this.#timer = setInterval(() => this.#tick(), TICK_MS);
    try {
      await source.start({
        beat: (beat) => this.#onBeat(beat),
        status: (status) => this.#onStatus(status),
        heartRate: (reading) => (this.#heartRateBpm = reading.heartRateBpm),
      });
    } catch (error) {
      this.#abandon(error instanceof Error ? error.message : String(error));
    }
  }

  /** Stop without a result (the person cancelled). */
  async cancel(): Promise<void> {
    if (!this.running) return;
    const source = this.#source;
    this.#teardown();
    this.#phase = 'idle';
    await source?.stop();
  }

  /** Back to the start screen after a result. */
  reset(): void {
    if (this.running) return;
    this.#phase = 'idle';
    this.#outcome = null;
    this.#error = null;
  }

  #tick(): void {
    this.#elapsedS = (this.#now() - this.#startMs) / 1000;
    if (this.#phase === 'settling' && this.#elapsedS >= SETTLE_S) this.#phase = 'measuring';
    if (this.#elapsedS >= SETTLE_S + this.#lengthS + END_GRACE_S) void this.#finish();
  }

  #onBeat(beat: Beat): void {
    if (!this.running) return;
    const timeS = beat.timeMs / 1000;
    if (beat.heartRateBpm !== undefined) this.#heartRateBpm = beat.heartRateBpm;
    else if (beat.rrMs > 0) this.#heartRateBpm = Math.round(60_000 / beat.rrMs);
    if (beat.afterGap) this.#gapPending = true;
    if (timeS > SETTLE_S + this.#lengthS) {
      void this.#finish();
      return;
    }
    if (timeS <= SETTLE_S) return;
    // Never store an impossible interval: one a source should not have sent counts as a gap instead.
    if (!(Number.isFinite(beat.rrMs) && beat.rrMs > 0 && beat.rrMs <= MAX_STORED_RR_MS)) {
      this.#gapPending = true;
      return;
    }
    if (this.#phase === 'settling') this.#phase = 'measuring';
    // The first measured beat's interval began in the settling part; that is fine, it is a true interval.
    this.#measured.push({ rrMs: beat.rrMs, afterGap: this.#gapPending });
    this.#gapPending = false;
  }

  #onStatus(status: HeartStatus): void {
    if (!this.running) return;
    if (status.state === 'signal-lost' || status.state === 'reconnecting') {
      this.#gapPending = true;
      // The last heart rate is not today's any more: shown on, it would say the strap still measures.
      this.#signalLost = true;
      this.#heartRateBpm = null;
    }
    if (status.state === 'live') this.#signalLost = false;
    if (status.state === 'ended') {
      if (status.reason === 'error') this.#abandon(status.detail ?? null);
      else if (status.reason === 'finished') void this.#finish();
      // 'stopped' comes after cancel() or finish(), which already tore down.
    }
  }

  #abandon(detail: string | null): void {
    this.#teardown();
    this.#phase = 'idle';
    this.#error = { kind: 'source-failed', detail };
  }

  #teardown(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    this.#release?.();
    this.#release = null;
    this.#source = null;
  }

  async #finish(): Promise<void> {
    if (!this.running) return;
    const source = this.#source;
    this.#teardown();
    const lengthS = this.#lengthS;
    const analysis = analyseReading(this.#measured, lengthS);
    let record: ReadingRecord | null = null;
    if (analysis.status === 'ok' && source) {
      record = {
        id: `r-${this.#wallStartMs.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
        timeMs: Math.round(this.#wallStartMs + SETTLE_S * 1000),
        lengthS,
        position: this.#position,
        sourceKind: source.kind,
        sourceLabel: source.label,
        beatCount: analysis.beatCount,
        correctedCount: analysis.correctedCount,
        rmssdMs: analysis.rmssdMs,
        meanHrBpm: analysis.meanHrBpm,
        rrMs: this.#measured.map((b) => b.rrMs),
      };
    }
    this.#phase = 'done';
    this.#outcome = { analysis, record, saveError: null };
    void source?.stop();
    if (record) {
      const saveError = await this.#deps.save(record);
      if (saveError) this.#outcome = { analysis, record: null, saveError };
    }
  }
}
