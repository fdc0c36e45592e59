import type {
  AccelerationChunk,
  Beat,
  HeartRateReading,
  HeartSource,
  HeartSourceKind,
  HeartStatus,
  SessionBeat,
} from '../core/heart/types';
import type { LiveMetrics } from '../core/hrv/live';
import type { LiveResponse } from '../core/pacer/live-response';
import {
  breathRateBpm,
  inhaleShare,
  MAX_RATE_BPM,
  MIN_RATE_BPM,
  patternFromRate,
  type BreathPattern,
} from '../core/pacer/pattern';
import { RecentBeats, type RecentBeat } from './recent-beats';
import type { LoggedBreath } from '../core/respiration/breath-log';
import type { ChestBreathing } from '../core/respiration/chest-breathing';
import type { BreathTrace } from '../core/respiration/breath-trace';
import { SessionBreathing } from '../core/respiration/session-breathing';
import { SESSION_LENGTHS, type SessionLength } from './settings.svelte';
import { PacerSchedule, type PacerState } from '../core/pacer/schedule';
import type { AcquireSessionLock, ReleaseLock } from '../adapters/locks/session-lock';
import type { CreateAnalyser, HrvAnalyser, WorkerHealth } from '../core/hrv/protocol';
import { browserTimers } from '../adapters/timers';

/** Why a session could not start, or stopped on its own (typed; the words are in src/ui/session/problem-text.ts). */
export type SessionProblem =
  /** Another tab or window runs a session: only one may use the strap and record at a time. */
  | { readonly kind: 'held-elsewhere' }
  /** The heart source failed; `detail` is the underlying error's own text, when it had one. */
  | { readonly kind: 'source-failed'; readonly detail: string | null }
  /** The HRV analysis failed; `detail` is the worker's error text. */
  | { readonly kind: 'analysis-failed'; readonly detail: string };

/** Anything that wants to follow a session (the recorder, the cues): every method optional. */
export interface SessionObserver {
  /** `breath`: the session's measured breath trace (grows while the chest sensor streams). */
  started?(info: { sessionId: string; source: HeartSource; startedAtMs: number; breath: BreathTrace }): void;
  /** A beat, numbered in the session (`seq`: its identity for the worker's labels, the recording, the tachogram). */
  beat?(beat: SessionBeat, pacer: PacerState): void;
  /** A heart-rate reading from a device without RR (a watch), with the pacer when it arrived. */
  heartRate?(reading: HeartRateReading, pacer: PacerState): void;
  /** Every metrics update from the HRV worker (carries the beats' settled artifact labels). */
  metrics?(metrics: LiveMetrics): void;
  /** The HRV worker's per-breath response as a breath of the pacer begins (what the pacer steers by). */
  breathResponse?(response: LiveResponse): void;
  status?(status: HeartStatus): void;
  stopped?(info: { sessionId: string; reason: Extract<HeartStatus, { state: 'ended' }>['reason'] }): void;
}

/** The tachogram shows this much history. */
export const TACHOGRAM_WINDOW_MS = 120_000;

/** The length a session runs for until the person picks one (settings.svelte.ts keeps their choice). */
const DEFAULT_SESSION_LENGTH: SessionLength = 10;
/** How often a session with a length checks whether it is over, ms. */
const LENGTH_CHECK_MS = 250;

/**
 * One live session: a heart source, the pacer's clock and the HRV worker, and what the screen shows of them.
 * Beats go to the worker as they come; the screen reads the newest metrics back. The main thread computes no HRV.
 */
export class LiveSession {
  #status = $state<HeartStatus | null>(null);
  #metrics = $state.raw<LiveMetrics | null>(null);
  #lastHeartRate = $state<number | null>(null);
  #rateBpm = $state(6);
  #inhaleShare = $state(0.4);
  #sourceKind = $state<HeartSourceKind | null>(null);
  #sourceLabel = $state('');
  #error = $state<SessionProblem | null>(null);
  /** The person's measured breath (sources with a chest accelerometer); null until there is any. */
  #breathing = $state.raw<ChestBreathing | null>(null);
  /** Every breath measured this session, and the breath signal joined for the record. */
  readonly #chest = new SessionBreathing();
  #analysis = $state.raw<WorkerHealth>({ state: 'running' });
  /** Bumped on every beat so the tachogram redraws; the beats themselves are not deeply reactive. */
  #beatVersion = $state(0);
  /** Heart-rate readings (devices without RR) and beats received this session (the newest beat's `seq`). */
  #readingCount = $state(0);
  #beatCount = $state(0);
  /** Readings of the last two minutes, oldest first (not deeply reactive: `readingCount` changes with each). */
  #recentReadings: HeartRateReading[] = [];
  #length = $state<SessionLength>(DEFAULT_SESSION_LENGTH);
  /** Whether the last session ended by reaching its length (rather than by Stop or the source). */
  #completed = $state(false);
  /** When a session past its length ends: the end of the breath in progress at the length, session seconds. */
  #endAtS: number | null = null;
  #lengthTimer: ReturnType<typeof setInterval> | null = null;

  #recent = new RecentBeats(TACHOGRAM_WINDOW_MS);
  #source: HeartSource | null = null;
  #analyser: HrvAnalyser | null = null;
  #schedule: PacerSchedule;
  /** The pattern the pacer uses (a preset may have holds the rate and share alone cannot express). */
  #pattern: BreathPattern;
  #sessionId = '';
  /** The last breath of the pacer, and the end of the last measured breath, told to the worker. */
  #toldBreathIndex = -1;
  #toldMeasuredEndS = Number.NEGATIVE_INFINITY;
  #startedAtMs = 0;
  #observers = new Set<SessionObserver>();
  readonly #createAnalyser: CreateAnalyser;
  readonly #now: () => number;
  readonly #acquireLock: AcquireSessionLock;
  #releaseLock: ReleaseLock | null = null;

  /**
   * @param acquireLock asks for the one-session-at-a-time lock across tabs (src/adapters/locks); without it the
   *   session does not coordinate with other tabs (tests).
   */
  constructor(
    createAnalyser: CreateAnalyser,
    now: () => number = browserTimers.now,
    acquireLock: AcquireSessionLock = () => Promise.resolve(() => {}),
  ) {
    this.#createAnalyser = createAnalyser;
    this.#now = now;
    this.#acquireLock = acquireLock;
    this.#pattern = patternFromRate(this.#rateBpm, this.#inhaleShare);
    this.#schedule = new PacerSchedule(this.#pattern);
  }

  get status(): HeartStatus | null {
    return this.#status;
  }
  get running(): boolean {
    const s = this.#status?.state;
    return s !== undefined && s !== 'ended';
  }
  get metrics(): LiveMetrics | null {
    return this.#metrics;
  }
  /** The device's own heart rate reading, for sources that send heart rate without RR. */
  get deviceHeartRate(): number | null {
    return this.#lastHeartRate;
  }
  get rateBpm(): number {
    return this.#rateBpm;
  }
  get inhaleShare(): number {
    return this.#inhaleShare;
  }
  /** The pattern the pacer shows from the next breath on. */
  get pattern(): BreathPattern {
    return this.#pattern;
  }
  /** The kind of the source in use (null before the first session); with {@link sourceLabel}, what the screen names. */
  get sourceKind(): HeartSourceKind | null {
    return this.#sourceKind;
  }
  /** The source's own name (empty for the simulated heart). */
  get sourceLabel(): string {
    return this.#sourceLabel;
  }
  get error(): SessionProblem | null {
    return this.#error;
  }
  /** Whether the HRV analysis runs, was restarted during this session, or has stopped (typed; words in the UI). */
  get analysis(): WorkerHealth {
    return this.#analysis;
  }
  get beatVersion(): number {
    return this.#beatVersion;
  }
  /**
   * The person's breath measured by the source's chest accelerometer over the last minute, against the pacer;
   * null when the source has none (every strap but a Polar H10) or before its first analysis.
   */
  get breathing(): ChestBreathing | null {
    return this.#breathing;
  }

  /** Every breath the chest sensor measured this session, oldest first (empty without one): the pacer reads it. */
  get measuredBreaths(): readonly LoggedBreath[] {
    return this.#chest.breaths;
  }

  /** The measured breath signal of this session so far, 4 Hz (the recording stores it). */
  get breathTrace(): BreathTrace {
    return this.#chest.trace;
  }
  /**
   * Whether this session gets heart rate without beats (a watch that sends no RR): the screen then shows the
   * heart-rate trace and its swing instead of HRV.
   */
  get heartRateOnly(): boolean {
    return this.#readingCount > 0 && this.#beatCount === 0;
  }
  /** Heart-rate readings received this session (bumped with each, for redraws). */
  get readingCount(): number {
    return this.#readingCount;
  }
  /** Heart-rate readings of the last two minutes, oldest first. */
  get recentReadings(): readonly HeartRateReading[] {
    return this.#recentReadings;
  }
  /** Beats of the last two minutes, oldest first, with their artifact labels once known. */
  get recentBeats(): readonly RecentBeat[] {
    return this.#recent.items;
  }

  /** Session time now, seconds since the session started (0 before). */
  elapsedS(): number {
    return this.running ? (this.#now() - this.#startedAtMs) / 1000 : 0;
  }

  /** The length sessions run for, minutes ('open': until the person stops). */
  get length(): SessionLength {
    return this.#length;
  }

  /** Whether the last session ended by itself at its length. */
  get completed(): boolean {
    return this.#completed;
  }

  /** A new length; a running session keeps going until the new length (or ends after this breath if past it). */
  setLength(length: SessionLength): void {
    this.#length = SESSION_LENGTHS.includes(length) ? length : DEFAULT_SESSION_LENGTH;
    this.#endAtS = null;
  }

  /** Seconds left of a session with a length (0 once past it, while the last breath finishes); null when open. */
  remainingS(): number | null {
    if (this.#length === 'open') return null;
    return Math.max(0, this.#length * 60 - this.elapsedS());
  }

  /** The pacer's schedule for this session (a new one at each start): the controller and the cues read it. */
  get schedule(): PacerSchedule {
    return this.#schedule;
  }

  /** Where the pacer is now. */
  pacerNow(): PacerState {
    return this.#schedule.at(this.elapsedS());
  }

  /** Breathing the pacer asks for at session time `timeS`: what the simulated person follows. */
  readonly breathingAt = (timeS: number): number => this.#schedule.at(timeS).volume;

  setRate(rateBpm: number): void {
    this.#rateBpm = Math.min(MAX_RATE_BPM, Math.max(MIN_RATE_BPM, rateBpm));
    this.#usePattern(patternFromRate(this.#rateBpm, this.#inhaleShare));
  }

  setInhaleShare(share: number): void {
    this.#inhaleShare = Math.min(0.7, Math.max(0.3, share));
    this.#usePattern(patternFromRate(this.#rateBpm, this.#inhaleShare));
  }

  /** A whole pattern (a preset, a controller step) from the next breath on; rate and share follow it. */
  setPattern(pattern: BreathPattern): void {
    this.#rateBpm = breathRateBpm(pattern);
    this.#inhaleShare = inhaleShare(pattern);
    this.#usePattern(pattern);
  }

  #usePattern(pattern: BreathPattern): void {
    this.#pattern = pattern;
    this.#schedule.setPattern(pattern, this.elapsedS());
  }

  observe(observer: SessionObserver): () => void {
    this.#observers.add(observer);
    return () => this.#observers.delete(observer);
  }

  /**
   * Take the one-session-at-a-time lock ahead of `start`, for a source that must ask the person first (the strap's
   * chooser): false, with `error` saying why, when another tab or window runs a session, so the chooser never
   * opens. `start` then uses the lock; `unclaim` gives it back if the person cancels.
   */
  async claim(): Promise<boolean> {
    if (this.#releaseLock) return true;
    const lock = await this.#acquireLock();
    if (lock === 'held-elsewhere') {
      this.#error = { kind: 'held-elsewhere' };
      return false;
    }
    this.#error = null;
    this.#releaseLock = lock;
    return true;
  }

  /** This tab holds the one-session lock (a session runs, or `claim` took it for the strap's chooser). */
  get holdsLock(): boolean {
    return this.#releaseLock !== null;
  }

  /** The tab that held the lock let it go (it stopped, closed or crashed): its refusal no longer stands. */
  lockFreed(): void {
    if (this.#error?.kind === 'held-elsewhere') this.#error = null;
  }

  /** Give back a lock taken by `claim` when no session followed. */
  unclaim(): void {
    if (this.running) return;
    this.#releaseLock?.();
    this.#releaseLock = null;
  }

  /**
   * Start a session with `source`. When another tab or window runs a session, the source is never started (the
   * strap is not touched) and `error` says why.
   */
  async start(source: HeartSource): Promise<void> {
    if (this.running) await this.stop();
    if (!(await this.claim())) return;
    this.#sessionId = `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    this.#recent.clear();
    this.#metrics = null;
    this.#lastHeartRate = null;
    this.#readingCount = 0;
    this.#beatCount = 0;
    this.#recentReadings = [];
    this.#error = null;
    this.#breathing = null;
    this.#chest.reset();
    this.#source = source;
    this.#sourceKind = source.kind;
    this.#sourceLabel = source.label;
    this.#schedule = new PacerSchedule(this.#pattern);
    this.#toldBreathIndex = -1;
    this.#toldMeasuredEndS = Number.NEGATIVE_INFINITY;
    this.#analysis = { state: 'running' };
    this.#analyser ??= this.#createAnalyser(
      (m) => this.#onMetrics(m),
      (message) => (this.#error = { kind: 'analysis-failed', detail: message }),
      (health) => (this.#analysis = health),
      (response) => this.#onBreathResponse(response),
    );
    this.#analyser.reset(this.#sessionId);
    this.#startedAtMs = this.#now();
    this.#completed = false;
    this.#endAtS = null;
    this.#lengthTimer ??= setInterval(() => this.#checkLength(), LENGTH_CHECK_MS);
    this.#status = { state: 'connecting' };
    for (const o of this.#observers)
      o.started?.({
        sessionId: this.#sessionId,
        source,
        startedAtMs: Date.now(),
        breath: this.#chest.trace,
      });
    try {
      await source.start({
        beat: (beat) => this.#onBeat(beat),
        status: (status) => this.#onStatus(status),
        heartRate: (reading) => this.#onHeartRate(reading),
        acceleration: (chunk) => this.#onAcceleration(chunk),
      });
    } catch (error) {
      this.#onStatus({
        state: 'ended',
        reason: 'error',
        detail: error instanceof Error ? error.message : String(error),
      });
    }
  }

  async stop(): Promise<void> {
    const source = this.#source;
    if (!source) return;
    await source.stop();
    // A source reports `ended` itself; make sure the session ends even if it did not.
    if (this.running) this.#onStatus({ state: 'ended', reason: 'stopped' });
  }

  /**
   * A session with a length ends by itself: once the length is reached it finishes the breath in progress, so the
   * last breath out is complete, then stops.
   */
  #checkLength(): void {
    if (!this.running || this.#length === 'open') return;
    const lengthS = this.#length * 60;
    const nowS = this.elapsedS();
    if (nowS < lengthS) return;
    if (this.#endAtS === null) {
      const breath = this.#schedule.at(lengthS);
      this.#endAtS = breath.breathTimeS < 1e-6 ? lengthS : breath.breathStartS + 60 / breath.rateBpm;
    }
    if (nowS < this.#endAtS) return;
    this.#completed = true;
    void this.stop();
  }

  /** Release the worker (the app is going away). */
  dispose(): void {
    this.#analyser?.dispose();
    this.#analyser = null;
  }

  #onMetrics(metrics: LiveMetrics): void {
    this.#metrics = metrics;
    for (const o of this.#observers) o.metrics?.(metrics);
    if (metrics.labels.length > 0) {
      this.#recent.applyLabels(metrics.labels);
      this.#beatVersion += 1;
    }
  }

  #onBreathResponse(response: LiveResponse): void {
    // An answer that arrives after the session ended steers nothing.
    if (!this.running) return;
    for (const o of this.#observers) o.breathResponse?.(response);
  }

  #onHeartRate(reading: HeartRateReading): void {
    this.#lastHeartRate = reading.heartRateBpm;
    const fromMs = reading.timeMs - TACHOGRAM_WINDOW_MS;
    const keepFrom = this.#recentReadings.findIndex((r) => r.timeMs >= fromMs);
    if (keepFrom > 0) this.#recentReadings.splice(0, keepFrom);
    this.#recentReadings.push(reading);
    const pacer = this.#schedule.at(reading.timeMs / 1000);
    for (const o of this.#observers) o.heartRate?.(reading, pacer);
    this.#readingCount += 1;
  }

  /** A beat enters the session: it is numbered here, once, and carries its number everywhere it goes. */
  #onBeat(sourceBeat: Beat): void {
    this.#beatCount += 1;
    const beat: SessionBeat = { ...sourceBeat, seq: this.#beatCount };
    this.#recent.push(beat);
    if (beat.heartRateBpm !== undefined) this.#lastHeartRate = beat.heartRateBpm;
    const pacer = this.#schedule.at(beat.timeMs / 1000);
    this.#analyser?.push([
      {
        seq: beat.seq,
        rrMs: beat.rrMs,
        timeMs: beat.timeMs,
        afterGap: beat.afterGap === true,
        pacerRateBpm: pacer.rateBpm,
      },
    ]);
    if (pacer.breathIndex !== this.#toldBreathIndex) this.#tellBreaths();
    for (const o of this.#observers) o.beat?.(beat, pacer);
    this.#beatVersion += 1;
  }

  /**
   * A new breath of the pacer showed at a beat: tell the worker the breaths begun since the last one told (their
   * patterns give the pacer's lung volume) and the person's measured breaths since; it answers with the response.
   */
  #tellBreaths(): void {
    const breaths = this.#schedule.breaths().filter((b) => b.index > this.#toldBreathIndex);
    const last = breaths[breaths.length - 1];
    if (!last) return;
    this.#toldBreathIndex = last.index;
    const measured = this.#chest.breaths
      .filter((b) => b.endS > this.#toldMeasuredEndS)
      .map((b) => ({ inhaleS: b.inhaleS, endS: b.endS, lagS: b.lagS }));
    this.#toldMeasuredEndS = measured[measured.length - 1]?.endS ?? this.#toldMeasuredEndS;
    this.#analyser?.breaths({ breaths, measured });
  }

  /** Chest acceleration: kept for the last minute and measured against the pacer every two seconds. */
  #onAcceleration(chunk: AccelerationChunk): void {
    const breathing = this.#chest.push(chunk, this.#schedule);
    if (breathing) this.#breathing = breathing;
  }

  #onStatus(status: HeartStatus): void {
    if (this.#status?.state === 'ended') return;
    this.#status = status;
    for (const o of this.#observers) o.status?.(status);
    if (status.state === 'ended') {
      if (status.reason === 'error') this.#error = { kind: 'source-failed', detail: status.detail ?? null };
      this.#source = null;
      if (this.#lengthTimer !== null) clearInterval(this.#lengthTimer);
      this.#lengthTimer = null;
      this.#releaseLock?.();
      this.#releaseLock = null;
      for (const o of this.#observers) o.stopped?.({ sessionId: this.#sessionId, reason: status.reason });
    }
  }
}
