import type { CreateAnalyser } from '../../core/hrv/protocol';
import { HrvClient } from './hrv-client';

/** The live session's analyser: the real HRV worker. */
export const createWorkerAnalyser: CreateAnalyser = (onMetrics, onError, onHealth, onBreathResponse) =>
  new HrvClient(onMetrics, onError, { onHealth, onBreathResponse });
