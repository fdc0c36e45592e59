import { phaseDurationS, type BreathPattern, type BreathPhase } from '../../core/pacer/pattern';
import type { PacerState } from '../../core/pacer/schedule';

/** What the pacer says and the attributes it carries: phase as inhale/exhale/hold, rate in breaths per minute. */
export interface PacerCue {
  readonly phase: 'inhale' | 'exhale' | 'hold' | 'idle';
  readonly rate: string;
  /** The phase word alone ("Breathe in"). */
  readonly word: string;
  /** The word with the rate, for the guide's accessible name. */
  readonly text: string;
}

const WORDS: Record<PacerCue['phase'], string> = {
  inhale: 'Breathe in',
  exhale: 'Breathe out',
  hold: 'Hold',
  idle: 'Ready',
};

/** The one way a breathing rate is written on screen, breaths per minute to one decimal. */
export function formatRate(rateBpm: number): string {
  return rateBpm.toFixed(1);
}

export function pacerCue(phase: BreathPhase | null, rateBpm: number): PacerCue {
  const kind: PacerCue['phase'] =
    phase === null ? 'idle' : phase === 'inhale' ? 'inhale' : phase === 'exhale' ? 'exhale' : 'hold';
  const rate = formatRate(rateBpm);
  return { phase: kind, rate, word: WORDS[kind], text: `${WORDS[kind]}, ${rate} breaths per minute` };
}

/** Whole seconds left in the phase in progress (counting down 4, 3, 2, 1 like a person counts a breath). */
export function phaseSecondsLeft(pattern: BreathPattern, state: PacerState): number {
  const left = phaseDurationS(pattern, state.phase) * (1 - state.phaseProgress);
  return Math.max(1, Math.ceil(left - 1e-6));
}
