/**
 * Messages between the page and the HRV worker (workers/hrv.worker.ts). Both sides use these types; neither
 * casts `event.data` past them.
 */
import type { LiveResponse, PacerBreaths } from '../pacer/live-response';
import type { SessionSeries } from '../history/session-series';
import type { BeatRecord } from '../session/record';
import type { LiveBeat, LiveMetrics } from './live';

export type HrvRequest =
  /** Start a new analysis (a new session); `sessionId` tags every answer. */
  | { readonly type: 'reset'; readonly sessionId: string }
  /** One or more beats, in order. */
  | { readonly type: 'beats'; readonly sessionId: string; readonly beats: readonly LiveBeat[] }
  /** A breath of the pacer began (after the beats that showed it): its pattern and the measured breaths since. */
  | { readonly type: 'breaths'; readonly sessionId: string; readonly update: PacerBreaths }
  /**
   * A stored session's chart series (`sessionSeries`), for its detail screen; `requestId` increases with each
   * request so the page keeps only the newest answer.
   */
  | { readonly type: 'series'; readonly requestId: number; readonly beats: readonly BeatRecord[] };

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
  | { readonly type: 'series'; readonly requestId: number; readonly series: SessionSeries }
  | { readonly type: 'series-error'; readonly requestId: number; readonly message: string };

/**
 * How the worker is doing: running, restarted after it failed (the session's beats were handed to the new one,
 * so the figures carry on), or failed for good after too many failures in one session
 * (src/adapters/worker/hrv-client.ts).
 */
export type WorkerHealth =
  | { readonly state: 'running' }
  | { readonly state: 'restarted'; readonly restarts: number; readonly reason: WorkerFailure }
  | { readonly state: 'failed'; readonly reason: WorkerFailure };

/**
 * Why the worker was given up: it threw or stopped (`detail`: the browser's error text, when it gave one), or a
 * message to it could not be read.
 */
export type WorkerFailure =
  { readonly kind: 'crashed'; readonly detail: string | null } | { readonly kind: 'unreadable-message' };

/** The page's side of the live analysis, as the session uses it (the worker client; tests hand in another). */
export interface HrvAnalyser {
  reset(sessionId: string): void;
  push(beats: readonly LiveBeat[]): void;
  /** A breath of the pacer began (told after the beat that showed it). */
  breaths(update: PacerBreaths): void;
  dispose(): void;
}

/** Makes the live analyser, given where its answers go. */
export type CreateAnalyser = (
  onMetrics: (metrics: LiveMetrics) => void,
  onError: (message: string) => void,
  /** The worker failed and was restarted, or could not be. */
  onHealth: (health: WorkerHealth) => void,
  /** The pacer's per-breath response, once for each breath told (src/core/pacer/live-response.ts). */
  onBreathResponse: (response: LiveResponse) => void,
) => HrvAnalyser;
