import { LiveHrv } from '../../src/core/hrv/live';
import type { CreateAnalyser } from '../../src/core/hrv/protocol';

/** The real live HRV engine, run synchronously in place of the worker, for tests of a whole session. */
export const engineAnalyser: CreateAnalyser = (onMetrics) => {
  const hrv = new LiveHrv();
  return {
    reset: () => hrv.reset(),
    push: (beats) => beats.forEach((b) => onMetrics(hrv.push(b))),
    dispose() {},
  };
};
