import type { LiveBeat, LiveMetrics } from '../../core/hrv/live';
import type { LiveResponse, PacerBreaths } from '../../core/pacer/live-response';
import type { SessionSeries } from '../../core/history/session-series';
import type { HrvRequest, HrvResponse, WorkerFailure, WorkerHealth } from '../../core/hrv/protocol';
import type { BeatRecord } from '../../core/session/record';

/**
 * Restarts allowed in one session. A worker that fails again on the same beats would otherwise be restarted
 * forever; a new session (reset) allows as many again.
 */
export const MAX_RESTARTS = 3;

export interface HrvClientOptions {
  /** Told each time the worker's health changes. */
  readonly onHealth?: (health: WorkerHealth) => void;
  /** Makes a worker (tests hand in one that fails); the app's is the real HRV worker. */
  readonly createWorker?: () => Worker;
  /** The pacer's per-breath response, at each breath of the pacer the session reported (`breaths`). */
  readonly onBreathResponse?: (response: LiveResponse) => void;
}

/** What the current session sent, in order, to hand to a new worker after a failure. */
type Sent = { readonly beat: LiveBeat } | { readonly update: PacerBreaths };

const hrvWorker = () =>
  new Worker(new URL('../../../workers/hrv.worker.ts', import.meta.url), { type: 'module' });

/**
 * Owns the HRV worker's lifetime. Beats and the pacer's breaths go in; the newest metrics and per-breath responses
 * for the current session come out. Answers for an earlier session, or older than one already delivered, are
 * dropped (latest wins). Requests for a stored session's chart series are numbered: only the newest request's
 * answer resolves with a result, and a superseded one resolves with null.
 *
 * If the worker fails (an uncaught error, a message it cannot read), it is replaced: the new worker gets the
 * current session's beats and breaths again and the pending series request, so nothing is lost but a moment.
 */
export class HrvClient {
  #worker: Worker | null = null;
  #sessionId = '';
  #lastSeq = 0;
  /** The breath of the pacer whose response was delivered last. */
  #lastBreathIndex = -1;
  /** The current session's beats and breaths, to hand to a new worker after a failure. */
  #sent: Sent[] = [];
  #restarts = 0;
  /** Failures since the last reset. */
  #failures = 0;
  #onMetrics: (metrics: LiveMetrics) => void;
  #onError: (message: string) => void;
  readonly #onHealth: (health: WorkerHealth) => void;
  readonly #onBreathResponse: (response: LiveResponse) => void;
  readonly #createWorker: () => Worker;
  #requestId = 0;
  #pending = new Map<
    number,
    { resolve: (s: SessionSeries | null) => void; reject: (e: Error) => void; request: HrvRequest }
  >();

  constructor(
    onMetrics: (metrics: LiveMetrics) => void,
    onError: (message: string) => void = () => {},
    options: HrvClientOptions = {},
  ) {
    this.#onMetrics = onMetrics;
    this.#onError = onError;
    this.#onHealth = options.onHealth ?? (() => {});
    this.#onBreathResponse = options.onBreathResponse ?? (() => {});
    this.#createWorker = options.createWorker ?? hrvWorker;
    this.#start();
  }

  /** Begin a new session's analysis. */
  reset(sessionId: string): void {
    this.#sessionId = sessionId;
    this.#lastSeq = 0;
    this.#lastBreathIndex = -1;
    this.#sent = [];
    this.#failures = 0;
    this.#revive();
    this.#send({ type: 'reset', sessionId });
  }

  push(beats: readonly LiveBeat[]): void {
    if (beats.length === 0) return;
    for (const beat of beats) this.#sent.push({ beat });
    this.#send({ type: 'beats', sessionId: this.#sessionId, beats });
  }

  /** A breath of the pacer began: its pattern and the measured breaths since the last one. */
  breaths(update: PacerBreaths): void {
    this.#sent.push({ update });
    this.#send({ type: 'breaths', sessionId: this.#sessionId, update });
  }

  /**
   * A stored session's chart series, computed in the worker (the detail screen's work, off the main thread).
   * Resolves with null if newer series were asked for meanwhile.
   */
  series(beats: readonly BeatRecord[]): Promise<SessionSeries | null> {
    this.#requestId += 1;
    const requestId = this.#requestId;
    for (const [id, pending] of this.#pending) {
      pending.resolve(null);
      this.#pending.delete(id);
    }
    const request: HrvRequest = { type: 'series', requestId, beats };
    this.#revive();
    return new Promise((resolve, reject) => {
      this.#pending.set(requestId, { resolve, reject, request });
      this.#send(request);
    });
  }

  dispose(): void {
    this.#worker?.terminate();
    this.#worker = null;
    for (const pending of this.#pending.values()) pending.resolve(null);
    this.#pending.clear();
  }

  #start(): void {
    const worker = this.#createWorker();
    worker.onmessage = (event: MessageEvent<HrvResponse>) => {
      if (this.#worker === worker) this.#receive(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.#failed(worker, { kind: 'crashed', detail: event.message || null });
    };
    worker.onmessageerror = () => this.#failed(worker, { kind: 'unreadable-message' });
    this.#worker = worker;
  }

  /** After giving up on a worker, new work (a session, a series request) gets a new one. */
  #revive(): void {
    if (this.#worker) return;
    this.#start();
    this.#onHealth({ state: 'running' });
  }

  /** Replace a failed worker and give it back the session and the pending request; give up after too many. */
  #failed(worker: Worker, reason: WorkerFailure): void {
    if (this.#worker !== worker) return;
    worker.terminate();
    this.#worker = null;
    this.#failures += 1;
    if (this.#failures > MAX_RESTARTS) {
      for (const pending of this.#pending.values()) pending.reject(new Error(JSON.stringify(reason)));
      this.#pending.clear();
      this.#onHealth({ state: 'failed', reason });
      return;
    }
    this.#restarts += 1;
    this.#start();
    if (this.#sessionId) this.#replay();
    for (const pending of this.#pending.values()) this.#send(pending.request);
    this.#onHealth({ state: 'restarted', restarts: this.#restarts, reason });
  }

  /**
   * The session's beats and breaths again, in order: beats whose metrics were delivered in as few messages as the
   * breaths between them allow, the rest one by one, so the artifact labels they settle are reported as the first
   * time. Responses for breaths already delivered are dropped as stale.
   */
  #replay(): void {
    const sessionId = this.#sessionId;
    const delivered = this.#lastSeq;
    this.#lastSeq = 0;
    this.#send({ type: 'reset', sessionId });
    let batch: LiveBeat[] = [];
    const flush = () => {
      if (batch.length > 0) this.#send({ type: 'beats', sessionId, beats: batch });
      batch = [];
    };
    for (const sent of this.#sent) {
      if ('update' in sent) {
        flush();
        this.#send({ type: 'breaths', sessionId, update: sent.update });
        continue;
      }
      batch.push(sent.beat);
      if (sent.beat.seq >= delivered) flush();
    }
    flush();
  }

  #send(message: HrvRequest): void {
    this.#worker?.postMessage(message);
  }

  #receive(message: HrvResponse): void {
    switch (message.type) {
      case 'series':
      case 'series-error': {
        const pending = this.#pending.get(message.requestId);
        if (!pending) return;
        this.#pending.delete(message.requestId);
        if (message.type === 'series') pending.resolve(message.series);
        else pending.reject(new Error(message.message));
        return;
      }
      case 'error':
        if (message.sessionId === this.#sessionId) this.#onError(message.message);
        return;
      case 'breath-response':
        if (message.sessionId !== this.#sessionId) return;
        if (message.response.breathIndex <= this.#lastBreathIndex) return;
        this.#lastBreathIndex = message.response.breathIndex;
        this.#onBreathResponse(message.response);
        return;
      case 'metrics':
        if (message.sessionId !== this.#sessionId || message.seq <= this.#lastSeq) return;
        this.#lastSeq = message.seq;
        this.#onMetrics(message.metrics);
        return;
    }
  }
}
