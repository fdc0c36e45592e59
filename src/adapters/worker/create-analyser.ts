import type { CreateAnalyser } from '../../state/session.svelte';
import { HrvClient } from './hrv-client';

/** The live session's analyser: the real HRV worker. */
export const createWorkerAnalyser: CreateAnalyser = (onMetrics, onError, onHealth, onBreathResponse) =>
  new HrvClient(onMetrics, onError, { onHealth, onBreathResponse });
