import type { LiveBeat, LiveMetrics } from '../../core/hrv/live';
import type { HrvRequest, HrvResponse } from '../../core/hrv/protocol';

/**
 * Owns the HRV worker's lifetime. Beats go in; the newest metrics for the current session come out. Answers for
 * an earlier session, or older than one already delivered, are dropped (latest wins).
 */
export class HrvClient {
  #worker: Worker;
  #sessionId = '';
  #lastSeq = 0;
  #onMetrics: (metrics: LiveMetrics) => void;
  #onError: (message: string) => void;

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

  dispose(): void {
    this.#worker.terminate();
  }

  #send(message: HrvRequest): void {
    this.#worker.postMessage(message);
  }

  #receive(message: HrvResponse): void {
    if (message.sessionId !== this.#sessionId) return;
    if (message.type === 'error') {
      this.#onError(message.message);
      return;
    }
    if (message.seq <= this.#lastSeq) return;
    this.#lastSeq = message.seq;
    this.#onMetrics(message.metrics);
  }
}
