/**
 * A breathing pattern and where in it a moment falls.
 *
 * A pattern is four phase durations in seconds (inhale, hold after inhale, exhale, hold after exhale); a rate
 * in breaths per minute plus an inhale share is the common special case with no holds.
 */

export type BreathPhase = 'inhale' | 'hold-in' | 'exhale' | 'hold-out';

export interface BreathPattern {
  readonly inhaleS: number;
  readonly holdInS: number;
  readonly exhaleS: number;
  readonly holdOutS: number;
}

/** Where a moment falls within one breath. */
export interface BreathPosition {
  readonly phase: BreathPhase;
  /** Progress through the current phase, 0..1. */
  readonly phaseProgress: number;
  /** Lung volume the pacer shows, 0 (empty) .. 1 (full), continuous across phases. */
  readonly volume: number;
  /** Time since the start of the current breath, in seconds. */
  readonly breathTimeS: number;
}

export const MIN_RATE_BPM = 3;
export const MAX_RATE_BPM = 10;

/** Pattern for a rate in breaths per minute with a share of each breath spent breathing in (0..1). */
export function patternFromRate(rateBpm: number, inhaleShare = 0.5): BreathPattern {
  const periodS = 60 / rateBpm;
  const share = Math.min(0.8, Math.max(0.2, inhaleShare));
  return { inhaleS: periodS * share, holdInS: 0, exhaleS: periodS * (1 - share), holdOutS: 0 };
}

export function breathPeriodS(p: BreathPattern): number {
  return p.inhaleS + p.holdInS + p.exhaleS + p.holdOutS;
}

export function breathRateBpm(p: BreathPattern): number {
  return 60 / breathPeriodS(p);
}

/** Smooth ease so the pacer starts and ends each phase gently (half-cosine). */
function ease(x: number): number {
  return 0.5 - 0.5 * Math.cos(Math.PI * x);
}

/** Position within a breath, given the time since the breath began in seconds (wrapped to the period). */
export function positionInBreath(p: BreathPattern, timeS: number): BreathPosition {
  const period = breathPeriodS(p);
  const t = ((timeS % period) + period) % period;
  if (t < p.inhaleS) {
    const x = t / p.inhaleS;
    return { phase: 'inhale', phaseProgress: x, volume: ease(x), breathTimeS: t };
  }
  if (t < p.inhaleS + p.holdInS) {
    const x = (t - p.inhaleS) / p.holdInS;
    return { phase: 'hold-in', phaseProgress: x, volume: 1, breathTimeS: t };
  }
  if (t < p.inhaleS + p.holdInS + p.exhaleS) {
    const x = (t - p.inhaleS - p.holdInS) / p.exhaleS;
    return { phase: 'exhale', phaseProgress: x, volume: 1 - ease(x), breathTimeS: t };
  }
  const x = p.holdOutS > 0 ? (t - p.inhaleS - p.holdInS - p.exhaleS) / p.holdOutS : 1;
  return { phase: 'hold-out', phaseProgress: x, volume: 0, breathTimeS: t };
}
