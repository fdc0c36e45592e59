import type { LiveBeat, LiveMetrics } from '../../core/hrv/live';
import type { HrvAnalysis, HrvRequest, HrvResponse } from '../../core/hrv/protocol';

/**
 * Owns the HRV worker's lifetime. Beats go in; the newest metrics for the current session come out. Answers for
 * an earlier session, or older than one already delivered, are dropped (latest wins). Whole-recording analyses
 * are numbered: only the newest request's answer resolves with a result, and a superseded one resolves with null.
 */
export class HrvClient {
  #worker: Worker;
  #sessionId = '';
  #lastSeq = 0;
  #onMetrics: (metrics: LiveMetrics) => void;
  #onError: (message: string) => void;
  #requestId = 0;
  #pending = new Map<number, { resolve: (a: HrvAnalysis | null) => void; reject: (e: Error) => void }>();

  constructor(onMetrics: (metrics: LiveMetrics) => void, onError: (message: string) => void = () => {}) {
    this.#onMetrics = onMetrics;
    this.#onError = onError;
    this.#worker = new Worker(new URL('../../../workers/hrv.worker.ts', import.meta.url), { type: 'module' });
    this.#worker.onmessage = (event: MessageEvent<HrvResponse>) => this.#receive(event.data);
    this.#worker.onerror = (event) => this.#onError(event.message || 'The HRV worker failed');
  }

  /** Begin a new session's analysis. */
  reset(sessionId: string): void {
    this.#sessionId = sessionId;
    this.#lastSeq = 0;
    this.#send({ type: 'reset', sessionId });
  }

  push(beats: readonly LiveBeat[]): void {
    if (beats.length > 0) this.#send({ type: 'beats', sessionId: this.#sessionId, beats });
  }

  /** Analyse a whole recording in the worker. Resolves with null if a newer analysis was asked for meanwhile. */
  analyze(
    rrMs: readonly number[],
    options: { readonly correct?: boolean } = {},
  ): Promise<HrvAnalysis | null> {
    this.#requestId += 1;
    const requestId = this.#requestId;
    for (const [id, pending] of this.#pending) {
      pending.resolve(null);
      this.#pending.delete(id);
    }
    return new Promise((resolve, reject) => {
      this.#pending.set(requestId, { resolve, reject });
      this.#send({ type: 'analyze', requestId, rrMs, correct: options.correct ?? true });
    });
  }

  dispose(): void {
    this.#worker.terminate();
    for (const pending of this.#pending.values()) pending.resolve(null);
    this.#pending.clear();
  }

  #send(message: HrvRequest): void {
    this.#worker.postMessage(message);
  }

  #receive(message: HrvResponse): void {
    switch (message.type) {
      case 'analysis':
      case 'analysis-error': {
        const pending = this.#pending.get(message.requestId);
        if (!pending) return;
        this.#pending.delete(message.requestId);
        if (message.type === 'analysis') pending.resolve(message.analysis);
        else pending.reject(new Error(message.message));
        return;
      }
      case 'error':
        if (message.sessionId === this.#sessionId) this.#onError(message.message);
        return;
      case 'metrics':
        if (message.sessionId !== this.#sessionId || message.seq <= this.#lastSeq) return;
        this.#lastSeq = message.seq;
        this.#onMetrics(message.metrics);
        return;
    }
  }
}
