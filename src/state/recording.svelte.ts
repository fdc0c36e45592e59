/**
 * Records the live session into storage: a SessionObserver the app hangs on the LiveSession. Each beat is stored
 * with the pacer's rate and phase at that beat; the screens read whether saving works and how much is saved.
 */
import type { HeartSourceKind, Beat, HeartRateReading, SessionBeat } from '../core/heart/types';
import type { PacerState } from '../core/pacer/schedule';
import type { LiveMetrics } from '../core/hrv/live';
import {
  NORMAL_BEAT,
  type BeatRecord,
  type CheckIn,
  type HeartRateRecord,
  type SessionRecord,
} from '../core/session/record';
import type { StorageError } from '../adapters/storage/database';
import { SessionRecorder, type RecorderTimers } from '../adapters/storage/recorder';
import type { BreathTrace } from '../core/respiration/breath-trace';
import type { ResonanceStore } from '../adapters/storage/store';
import type { SessionObserver } from './session.svelte';

/** A beat plus the pacer at that beat, as stored. `artifact` is the HRV engine's label when it gives one. */
export function toBeatRecord(beat: Beat, pacer: PacerState, artifact: string = NORMAL_BEAT): BeatRecord {
  return {
    rrMs: beat.rrMs,
    timeMs: beat.timeMs,
    afterGap: beat.afterGap === true,
    artifact,
    pacerRateBpm: pacer.rateBpm,
    pacerPhase: pacerPhaseOf(pacer),
  };
}

/** Where in the breath the pacer is, as a fraction of the breath 0..1. */
function pacerPhaseOf(pacer: PacerState): number {
  return Math.min(1, Math.max(0, pacer.breathTimeS / (60 / pacer.rateBpm)));
}

/** A heart-rate reading plus the pacer when it arrived, as stored. */
function toHeartRateRecord(reading: HeartRateReading, pacer: PacerState): HeartRateRecord {
  return {
    heartRateBpm: reading.heartRateBpm,
    timeMs: reading.timeMs,
    afterGap: reading.afterGap === true,
    pacerRateBpm: pacer.rateBpm,
    pacerPhase: pacerPhaseOf(pacer),
  };
}

/** Sessions shorter than this are not kept unless the person asks: a few seconds say nothing about a practice. */
const MIN_KEPT_SESSION_MS = 30_000;

export class Recording implements SessionObserver {
  #problem = $state.raw<StorageError | null>(null);
  #recordedBeats = $state(0);
  #recordedSamples = $state(0);
  #lastFinished = $state.raw<SessionRecord | null>(null);
  /** The last session was too short to keep and waits for the person to say whether to keep it anyway. */
  #unsavedShort = $state(false);
  #active = $state(false);
  #store: ResonanceStore | null = null;
  #recorder: SessionRecorder | null = null;
  #checkInBefore = $state.raw<CheckIn | null>(null);
  /** Settles when the last session's final record is written (or failed). */
  #finishing: Promise<void> = Promise.resolve();
  readonly #timers: RecorderTimers | undefined;
  readonly #onFinished: (record: SessionRecord) => void;

  constructor(options: { onFinished?: (record: SessionRecord) => void; timers?: RecorderTimers } = {}) {
    this.#onFinished = options.onFinished ?? (() => {});
    this.#timers = options.timers;
  }

  /** Hand in the opened store (null when storage is unavailable: sessions are then kept in memory only). */
  attach(store: ResonanceStore | null): void {
    this.#store = store;
  }

  /** Storage trouble to tell the person about, or null. */
  get problem(): StorageError | null {
    return this.#problem;
  }
  get active(): boolean {
    return this.#active;
  }
  /** The id of the session this tab is recording now, or null. */
  get activeId(): string | null {
    return this.#active ? (this.#recorder?.id ?? null) : null;
  }
  get recordedBeats(): number {
    return this.#recordedBeats;
  }
  /** Heart-rate readings recorded this session (a device without RR). */
  get recordedSamples(): number {
    return this.#recordedSamples;
  }
  /** The session that finished last in this visit (for the summary and the after check-in). */
  get lastFinished(): SessionRecord | null {
    return this.#lastFinished;
  }

  /** Whether the last session was shorter than {@link MIN_KEPT_SESSION_MS} and so not saved (yet). */
  get unsavedShort(): boolean {
    return this.#unsavedShort;
  }

  /** The beats of the session in memory (the last one once stopped), for its summary. */
  beats(): readonly BeatRecord[] {
    return this.#recorder?.snapshot().beats ?? [];
  }

  /** The heart-rate samples of the session in memory (a device without RR), for its summary. */
  heartRateSamples(): readonly HeartRateRecord[] {
    return this.#recorder?.snapshot().heartRate ?? [];
  }

  /** Save the last session although it was short (the person asked). */
  async keepShort(): Promise<void> {
    const recorder = this.#recorder;
    if (!recorder || !this.#unsavedShort) return;
    this.#unsavedShort = false;
    const record = await recorder.keep();
    this.#lastFinished = record;
    this.#onFinished(record);
  }

  /** Forget the last finished session (the person is done with its summary). */
  dismissFinished(): void {
    if (this.#unsavedShort) this.#recorder?.discard();
    this.#lastFinished = null;
    this.#unsavedShort = false;
  }

  /** The before check-in waiting for the next session, if any. */
  get checkInBefore(): CheckIn | null {
    return this.#checkInBefore;
  }

  /** The before check-in for the next session to start. */
  setCheckInBefore(checkIn: CheckIn | null): void {
    this.#checkInBefore = checkIn;
  }

  /** The session in memory (also when saving failed), for export. */
  snapshot(): {
    session: SessionRecord;
    beats: readonly BeatRecord[];
    heartRate: readonly HeartRateRecord[];
  } | null {
    return this.#recorder?.snapshot() ?? null;
  }

  started(info: {
    sessionId: string;
    source: { kind: HeartSourceKind; label: string };
    startedAtMs: number;
    breath?: BreathTrace;
  }): void {
    if (this.#unsavedShort) this.#recorder?.discard();
    this.#recorder = new SessionRecorder(
      this.#store,
      {
        id: info.sessionId,
        startTimeMs: info.startedAtMs,
        sourceKind: info.source.kind,
        sourceLabel: info.source.label,
        checkInBefore: this.#checkInBefore,
      },
      { timers: this.#timers, onProblem: (p) => (this.#problem = p), minKeptMs: MIN_KEPT_SESSION_MS },
    );
    if (info.breath) this.#recorder.recordBreath(info.breath);
    this.#checkInBefore = null;
    this.#lastFinished = null;
    this.#unsavedShort = false;
    this.#recordedBeats = 0;
    this.#recordedSamples = 0;
    this.#active = true;
    void this.#recorder.begin();
  }

  beat(beat: SessionBeat, pacer: PacerState): void {
    if (!this.#recorder) return;
    this.#recorder.record(toBeatRecord(beat, pacer));
    this.#recordedBeats = this.#recorder.beatCount;
  }

  heartRate(reading: HeartRateReading, pacer: PacerState): void {
    if (!this.#recorder) return;
    this.#recorder.recordHeartRate(toHeartRateRecord(reading, pacer));
    this.#recordedSamples = this.#recorder.sampleCount;
  }

  /**
   * The engine settles each beat's label two beats late. The recorder holds every beat of the session in order
   * from the first, so the beat numbered `seq` is its beat `seq - 1`.
   */
  metrics(metrics: LiveMetrics): void {
    for (const { seq, label } of metrics.labels) this.#recorder?.relabel(seq - 1, label);
  }

  stopped(): void {
    const recorder = this.#recorder;
    if (!recorder) return;
    this.#active = false;
    this.#finishing = recorder.stop().then((record) => {
      this.#lastFinished = record;
      this.#unsavedShort = recorder.held;
      if (!recorder.held) this.#onFinished(record);
    });
  }

  /** Wait until the last session is completely written (before a wipe, so nothing is written after it). */
  settled(): Promise<void> {
    return this.#finishing;
  }

  /** Forget what this visit holds in memory (after "delete all"): the last session, a waiting check-in. */
  forget(): void {
    if (!this.#active) {
      if (this.#unsavedShort) this.#recorder?.discard();
      this.#recorder = null;
    }
    this.#unsavedShort = false;
    this.#lastFinished = null;
    this.#checkInBefore = null;
    this.#recordedBeats = 0;
    this.#problem = null;
  }
}
