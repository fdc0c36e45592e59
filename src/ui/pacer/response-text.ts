import type { BreathingResponse } from '../../core/hrv/biofeedback';
import { valueOf } from '../../core/hrv/measure';

/** The resonance indicator in words and a 0..1 level: how strongly and how in step heart rate follows the breath. */
export interface ResponseText {
  readonly level: number | null;
  readonly text: string;
}

/**
 * Level = breath-locked share × phase agreement (1 − |φ|/90°, 0 beyond), so it is high only when heart rate both
 * follows the paced breathing and rises and falls in step with it, as at resonance (Vaschillo et al. 2002).
 */
export function responseText(r: BreathingResponse | null): ResponseText {
  const swing = r ? valueOf(r.amplitudeBpm) : null;
  const phase = r ? valueOf(r.phaseDeg) : null;
  const locked = r ? valueOf(r.breathLockedShare) : null;
  if (swing === null || phase === null || locked === null) {
    return { level: null, text: 'Measuring your heart’s response to the breathing…' };
  }
  const level = locked * Math.max(0, 1 - Math.abs(phase) / 90);
  const step =
    Math.abs(phase) <= 15
      ? 'in step with your breath'
      : phase > 0
        ? 'ahead of your breath'
        : 'behind your breath';
  return {
    level,
    text: `Heart-rate swing ${swing.toFixed(1)} bpm, ${step} (${Math.round(phase)}°); ${Math.round(locked * 100)} % of its variation follows the breathing.`,
  };
}
