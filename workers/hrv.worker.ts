/// <reference lib="webworker" />
/**
 * The HRV worker: receives beats and answers with live metrics, and analyses whole recordings on request. It only
 * exposes the core's analysis; the page never computes HRV itself.
 */
import { analyzeRecording } from '../src/core/hrv/analysis';
import { LiveHrv, type LiveMetrics } from '../src/core/hrv/live';
import type { HrvRequest, HrvResponse } from '../src/core/hrv/protocol';
import { reportToJson } from '../src/core/hrv/report-json';

declare const self: DedicatedWorkerGlobalScope;

const live = new LiveHrv();
let sessionId = '';

function post(message: HrvResponse): void {
  self.postMessage(message);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
        post({ type: 'error', sessionId, message: messageOf(error) });
      }
      return;
    }
    case 'analyze': {
      try {
        const report = analyzeRecording(request.rrMs, { correct: request.correct });
        post({
          type: 'analysis',
          requestId: request.requestId,
          analysis: { report: reportToJson(report), labels: report.artifacts.labels },
        });
      } catch (error) {
        post({ type: 'analysis-error', requestId: request.requestId, message: messageOf(error) });
      }
      return;
    }
  }
};
