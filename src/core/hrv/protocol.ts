/**
 * Messages between the page and the HRV worker (workers/hrv.worker.ts). Both sides use these types; neither
 * casts `event.data` past them.
 */
import type { LiveResponse, PacerBreaths } from '../pacer/live-response';
import type { LiveBeat, LiveMetrics } from './live';
import type { HrvReportJson } from './report-json';

export type HrvRequest =
  /** Start a new analysis (a new session); `sessionId` tags every answer. */
  | { readonly type: 'reset'; readonly sessionId: string }
  /** One or more beats, in order. */
  | { readonly type: 'beats'; readonly sessionId: string; readonly beats: readonly LiveBeat[] }
  /** A breath of the pacer began (after the beats that showed it): its pattern and the measured breaths since. */
  | { readonly type: 'breaths'; readonly sessionId: string; readonly update: PacerBreaths }
  /**
   * Analyse a whole recording (`analyzeRecording`); `requestId` increases with each request so the page keeps
   * only the newest answer.
   */
  | {
      readonly type: 'analyze';
      readonly requestId: number;
      readonly rrMs: readonly number[];
      readonly correct: boolean;
    };

/** A whole-recording analysis as the worker returns it. */
export interface HrvAnalysis {
  readonly report: HrvReportJson;
  /** One `BeatLabel` code per input interval (names in `BEAT_LABEL_NAMES`). */
  readonly labels: Uint8Array;
}

export type HrvResponse =
  /** Metrics after the beat numbered `seq` (`LiveBeat.seq`). */
  | {
      readonly type: 'metrics';
      readonly sessionId: string;
      readonly seq: number;
      readonly metrics: LiveMetrics;
    }
  /** The pacer's per-breath response at the breath `response.breathIndex` (src/core/pacer/live-response.ts). */
  | { readonly type: 'breath-response'; readonly sessionId: string; readonly response: LiveResponse }
  | { readonly type: 'error'; readonly sessionId: string; readonly message: string }
  | { readonly type: 'analysis'; readonly requestId: number; readonly analysis: HrvAnalysis }
  | { readonly type: 'analysis-error'; readonly requestId: number; readonly message: string };
