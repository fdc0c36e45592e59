import type { BreathPhase } from '../../core/pacer/pattern';

/** What the pacer says and the attributes it carries: phase as inhale/exhale/hold, rate in breaths per minute. */
export interface PacerCue {
  readonly phase: 'inhale' | 'exhale' | 'hold' | 'idle';
  readonly rate: string;
  readonly text: string;
}

const WORDS: Record<PacerCue['phase'], string> = {
  inhale: 'Breathe in',
  exhale: 'Breathe out',
  hold: 'Hold',
  idle: 'Ready',
};

export function pacerCue(phase: BreathPhase | null, rateBpm: number): PacerCue {
  const kind: PacerCue['phase'] =
    phase === null ? 'idle' : phase === 'inhale' ? 'inhale' : phase === 'exhale' ? 'exhale' : 'hold';
  const rate = rateBpm.toFixed(1);
  return { phase: kind, rate, text: `${WORDS[kind]}, ${rate} breaths per minute` };
}
