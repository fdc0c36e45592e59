import { sessionSeries } from '../history/session-series';
import { LiveBreathResponse } from '../pacer/live-response';
import { LiveHrv, type LiveMetrics } from './live';
import type { HrvRequest, HrvResponse } from './protocol';

/**
 * What the HRV worker runs (workers/hrv.worker.ts posts its answers; tests run it in place of the worker): the live
 * metrics of a session's beats ({@link LiveHrv}), the pacer's per-breath response from the same beats' artifact
 * labels ({@link LiveBreathResponse}), and a stored session's chart series for its detail screen
 * ({@link sessionSeries}). Answers are tagged with the session (or the request) they belong to.
 */
export class HrvEngine {
  readonly #live = new LiveHrv();
  readonly #response = new LiveBreathResponse();
  #sessionId = '';

  handle(request: HrvRequest, answer: (response: HrvResponse) => void): void {
    switch (request.type) {
      case 'reset':
        this.#live.reset();
        this.#response.reset();
        this.#sessionId = request.sessionId;
        return;
      case 'beats': {
        if (request.sessionId !== this.#sessionId) return;
        const sessionId = this.#sessionId;
        try {
          let metrics: LiveMetrics | null = null;
          for (const beat of request.beats) {
            metrics = this.#live.push(beat);
            this.#response.beat(beat);
            this.#response.label(metrics.labels);
          }
          if (metrics) answer({ type: 'metrics', sessionId, seq: metrics.beatCount, metrics });
        } catch (error) {
          answer({ type: 'error', sessionId, message: messageOf(error) });
        }
        return;
      }
      case 'breaths': {
        if (request.sessionId !== this.#sessionId) return;
        const sessionId = this.#sessionId;
        try {
          const response = this.#response.began(request.update);
          if (response) answer({ type: 'breath-response', sessionId, response });
        } catch (error) {
          answer({ type: 'error', sessionId, message: messageOf(error) });
        }
        return;
      }
      case 'series': {
        try {
          answer({ type: 'series', requestId: request.requestId, series: sessionSeries(request.beats) });
        } catch (error) {
          answer({ type: 'series-error', requestId: request.requestId, message: messageOf(error) });
        }
        return;
      }
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
