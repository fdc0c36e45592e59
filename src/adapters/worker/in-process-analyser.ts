import { HrvEngine } from '../../core/hrv/engine';
import type { HrvResponse } from '../../core/hrv/protocol';
import type { CreateAnalyser } from '../../state/session.svelte';

/**
 * The HRV worker's engine run synchronously on the calling thread, for tests and benchmarks of a whole session in
 * node: the same answers as the worker (metrics with the beats' artifact labels, the pacer's per-breath responses),
 * at once instead of by message.
 */
export const inProcessAnalyser: CreateAnalyser = (onMetrics, onError, _onHealth, onBreathResponse) => {
  const engine = new HrvEngine();
  let sessionId = '';
  const answer = (r: HrvResponse) => {
    if (r.type === 'metrics') onMetrics(r.metrics);
    else if (r.type === 'breath-response') onBreathResponse(r.response);
    else if (r.type === 'error') onError(r.message);
  };
  return {
    reset: (id) => engine.handle({ type: 'reset', sessionId: (sessionId = id) }, answer),
    push: (beats) => engine.handle({ type: 'beats', sessionId, beats }, answer),
    breaths: (update) => engine.handle({ type: 'breaths', sessionId, update }, answer),
    dispose() {},
  };
};
