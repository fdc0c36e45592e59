/**
 * A breathing pattern and where in it a moment falls.
 *
 * A pattern is four phase durations in seconds (inhale, hold after inhale, exhale, hold after exhale); a rate
 * in breaths per minute plus an inhale share is the common special case with no holds.
 */

export type BreathPhase = 'inhale' | 'hold-in' | 'exhale' | 'hold-out';

export const BREATH_PHASES: readonly BreathPhase[] = ['inhale', 'hold-in', 'exhale', 'hold-out'];

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
/** Inhale share bounds: a breath is never more than 80 % one way. */
const MIN_INHALE_SHARE = 0.2;
const MAX_INHALE_SHARE = 0.8;
/** Shortest inhale or exhale the pacer will show, seconds (shorter is not a calm breath). */
const MIN_MOVING_PHASE_S = 1;

/** A pattern the pacer cannot show, with the reason in words. */
export class PatternError extends Error {
  override readonly name = 'PatternError';
}

/** Checks a pattern and returns it, or throws a {@link PatternError} saying what is wrong. */
export function validatePattern(p: BreathPattern): BreathPattern {
  for (const [name, s] of Object.entries(p)) {
    if (!Number.isFinite(s) || s < 0)
      throw new PatternError(`${name} must be a number of seconds >= 0, got ${s}`);
  }
  if (p.inhaleS < MIN_MOVING_PHASE_S || p.exhaleS < MIN_MOVING_PHASE_S) {
    throw new PatternError(`inhale and exhale must each last at least ${MIN_MOVING_PHASE_S} s`);
  }
  const rate = breathRateBpm(p);
  if (rate < MIN_RATE_BPM - 1e-9 || rate > MAX_RATE_BPM + 1e-9) {
    throw new PatternError(
      `a breath of ${breathPeriodS(p).toFixed(1)} s is ${rate.toFixed(2)} breaths/min, outside ${MIN_RATE_BPM}-${MAX_RATE_BPM}`,
    );
  }
  return p;
}

/** Pattern for a rate in breaths per minute with a share of each breath spent breathing in (clamped 0.2..0.8). */
export function patternFromRate(rateBpm: number, inhaleShare = 0.5): BreathPattern {
  if (!Number.isFinite(rateBpm) || rateBpm <= 0) throw new PatternError(`rate must be > 0, got ${rateBpm}`);
  const periodS = 60 / rateBpm;
  const share = Math.min(MAX_INHALE_SHARE, Math.max(MIN_INHALE_SHARE, inhaleShare));
  return { inhaleS: periodS * share, holdInS: 0, exhaleS: periodS * (1 - share), holdOutS: 0 };
}

/** The same pattern at another rate: every phase scaled by one factor, so its shape (ratios, holds) stays. */
export function withRate(p: BreathPattern, rateBpm: number): BreathPattern {
  if (!Number.isFinite(rateBpm) || rateBpm <= 0) throw new PatternError(`rate must be > 0, got ${rateBpm}`);
  const k = breathPeriodS(p) / (60 / rateBpm);
  return { inhaleS: p.inhaleS / k, holdInS: p.holdInS / k, exhaleS: p.exhaleS / k, holdOutS: p.holdOutS / k };
}

/** Share of the breath spent breathing in, 0..1. */
export function inhaleShare(p: BreathPattern): number {
  return p.inhaleS / breathPeriodS(p);
}

export function breathPeriodS(p: BreathPattern): number {
  return p.inhaleS + p.holdInS + p.exhaleS + p.holdOutS;
}

export function breathRateBpm(p: BreathPattern): number {
  return 60 / breathPeriodS(p);
}

/** Duration of one phase of a pattern, seconds. */
export function phaseDurationS(p: BreathPattern, phase: BreathPhase): number {
  switch (phase) {
    case 'inhale':
      return p.inhaleS;
    case 'hold-in':
      return p.holdInS;
    case 'exhale':
      return p.exhaleS;
    case 'hold-out':
      return p.holdOutS;
  }
}

/**
 * Smooth ease so the pacer starts and ends each phase gently (half-cosine). Its slope is zero at both ends, so
 * volume and its rate of change are both continuous where phases (and breaths of different rates) meet.
 */
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
