/// <reference lib="webworker" />
/**
 * The HRV worker: receives beats and answers with live metrics. It only exposes the core's analysis; the page
 * never computes HRV itself.
 */
import { LiveHrv, type LiveMetrics } from '../src/core/hrv/live';
import type { HrvRequest, HrvResponse } from '../src/core/hrv/protocol';

declare const self: DedicatedWorkerGlobalScope;

const live = new LiveHrv();
let sessionId = '';

function post(message: HrvResponse): void {
  self.postMessage(message);
}

self.onmessage = (event: MessageEvent<HrvRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'reset':
      live.reset();
      sessionId = request.sessionId;
      return;
    case 'beats': {
      if (request.sessionId !== sessionId) return;
      try {
        let metrics: LiveMetrics | null = null;
        for (const beat of request.beats) metrics = live.push(beat);
        if (metrics) post({ type: 'metrics', sessionId, seq: metrics.beatCount, metrics });
      } catch (error) {
        post({ type: 'error', sessionId, message: error instanceof Error ? error.message : String(error) });
      }
      return;
    }
  }
};
