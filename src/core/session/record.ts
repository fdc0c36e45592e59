/**
 * What a practice session leaves behind: the record the history, the exports and the storage all share. Pure
 * data, JSON-safe (no Dates, no typed arrays), so the same shapes go into IndexedDB and into a backup file.
 */
import type { HeartSourceKind } from '../heart/types';

/** Any value JSON can carry (settings are stored and backed up as these). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The artifact label of a beat the HRV engine found nothing wrong with. */
export const NORMAL_BEAT = 'normal';

/** One stored beat: the RR interval ending at it and what the pacer was doing at that moment. */
export interface BeatRecord {
  /** Interval since the previous beat, ms. */
  readonly rrMs: number;
  /** Beat time since the session started, ms. */
  readonly timeMs: number;
  /** The interval before this beat spans a gap (signal lost): no difference is taken across it. */
  readonly afterGap: boolean;
  /** Artifact label from the HRV engine ('normal', 'ectopic', 'missed', ...). */
  readonly artifact: string;
  /** Pacer rate at the beat, breaths per minute; null when no pacer ran (an imported file). */
  readonly pacerRateBpm: number | null;
  /** Where in the breath the pacer was at the beat, as a fraction of the breath 0..1 (0 = start of inhale). */
  readonly pacerPhase: number | null;
}

/**
 * One heart-rate sample from a device that sends heart rate without RR intervals (a watch broadcasting heart
 * rate), with what the pacer was doing when it arrived. Only plausible values (20-300 bpm) are ever stored.
 */
export interface HeartRateRecord {
  /** Heart rate the device reported, bpm. */
  readonly heartRateBpm: number;
  /** Arrival time since the session started, ms. */
  readonly timeMs: number;
  /** The first sample after the link dropped (or a packet was lost): the trace is broken before it. */
  readonly afterGap: boolean;
  /** Pacer rate when the sample arrived, breaths per minute; null when no pacer ran. */
  readonly pacerRateBpm: number | null;
  /** Where in the breath the pacer was, as a fraction of the breath 0..1 (0 = start of inhale). */
  readonly pacerPhase: number | null;
}

/** A before/after check-in: an optional stress rating and a short note. */
export interface CheckIn {
  /** Stress, 1 (calm) .. 10 (very stressed); null when the person left it blank. */
  readonly stress: number | null;
  readonly note: string;
}

export const MIN_STRESS = 1;
export const MAX_STRESS = 10;
export const MAX_NOTE_LENGTH = 500;

/** The figures of a whole session; each is null when the session had too little data for it. */
export interface SessionSummary {
  readonly beatCount: number;
  /** Beats not labelled normal. */
  readonly artifactCount: number;
  readonly meanHeartRateBpm: number | null;
  readonly rmssdMs: number | null;
  /** Mean coherence score along the session, 0-16 (hrv/coherence.ts); null with under 64 s of normal beats. */
  readonly coherence: number | null;
  /** Mean pacer rate over the session, breaths per minute. */
  readonly breathingRateBpm: number | null;
  /**
   * Heart-rate samples stored for a session from a device without RR (absent in sessions recorded before
   * heart-rate-only devices were kept, and 0 for most sessions with beats).
   */
  readonly heartRateSamples?: number;
  /** Mean peak-to-trough heart rate per paced breath, bpm (heart-rate-only sessions; hr-only/swing.ts). */
  readonly meanSwingBpm?: number | null;
}

type SessionStatus = 'recording' | 'finished';

/**
 * What a session measured: beat-to-beat intervals (a chest strap, a file, the simulated heart) or heart rate only
 * (a watch that sends no RR: heart-rate swing and resonance, no HRV figures). Absent in older records: 'rr'.
 */
export type SessionSignal = 'rr' | 'heart-rate';

/** How a session ended: the person stopped it, it was recovered after a crash, or it came from a file. */
type SessionEnd = 'stopped' | 'recovered' | 'imported';

export interface SessionRecord {
  /** Unique id (random, so sessions from two devices merge without clashes). */
  readonly id: string;
  /** Wall-clock start, ms since the Unix epoch. */
  readonly startTimeMs: number;
  readonly sourceKind: HeartSourceKind;
  /**
   * The source's own name ("Polar H10 1A2B", "recording.txt"); empty for the simulated heart (older rows say
   * "Simulated heart"): the screens name a source by `sourceKind` first (src/ui/source-text.ts).
   */
  readonly sourceLabel: string;
  /** Time from start to the last beat, ms. */
  readonly durationMs: number;
  readonly status: SessionStatus;
  /** Set when finished. */
  readonly end: SessionEnd | null;
  readonly summary: SessionSummary;
  /** What the session measured; absent in records from before heart-rate-only sessions: 'rr'. */
  readonly signal?: SessionSignal;
  readonly checkInBefore: CheckIn | null;
  readonly checkInAfter: CheckIn | null;
}

/** A resonance-frequency assessment: the breathing rate whose HRV response was strongest. */
export interface AssessmentRecord {
  readonly id: string;
  /** Wall-clock time, ms since the Unix epoch. */
  readonly timeMs: number;
  /** The chosen resonance rate, breaths per minute. */
  readonly resonanceRateBpm: number;
  /** Each rate tried and its score (higher is stronger), for the detail view. */
  readonly candidates: readonly { readonly rateBpm: number; readonly score: number }[];
  /** The session in which it was measured, if any. */
  readonly sessionId: string | null;
  /**
   * What the responses were measured from: beats, or heart rate only (a watch that sends no RR intervals).
   * Absent in records from before heart-rate-only assessments were marked: beats ({@link assessmentSignalOf}).
   */
  readonly signal?: SessionSignal;
}

export const EMPTY_SUMMARY: SessionSummary = {
  beatCount: 0,
  artifactCount: 0,
  meanHeartRateBpm: null,
  rmssdMs: null,
  coherence: null,
  breathingRateBpm: null,
};

/** What a session measured (records from before the field existed measured beats). */
export function signalOf(session: SessionRecord): SessionSignal {
  return session.signal ?? 'rr';
}

/** What an assessment measured (records from before the field existed measured beats). */
export function assessmentSignalOf(assessment: AssessmentRecord): SessionSignal {
  return assessment.signal ?? 'rr';
}

/** The change in stress from before to after (negative = calmer), or null when either rating is missing. */
export function stressChange(session: SessionRecord): number | null {
  const before = session.checkInBefore?.stress ?? null;
  const after = session.checkInAfter?.stress ?? null;
  return before === null || after === null ? null : after - before;
}
