/**
 * Messages between the page and the HRV worker (workers/hrv.worker.ts). Both sides use these types; neither
 * casts `event.data` past them.
 */
import type { LiveBeat, LiveMetrics } from './live';

export type HrvRequest =
  /** Start a new analysis (a new session); `sessionId` tags every answer. */
  | { readonly type: 'reset'; readonly sessionId: string }
  /** One or more beats, in order. */
  | { readonly type: 'beats'; readonly sessionId: string; readonly beats: readonly LiveBeat[] };

export type HrvResponse =
  /** Metrics after the beat numbered `seq` (1-based count of beats received in this session). */
  | {
      readonly type: 'metrics';
      readonly sessionId: string;
      readonly seq: number;
      readonly metrics: LiveMetrics;
    }
  | { readonly type: 'error'; readonly sessionId: string; readonly message: string };
