import type { BreathingResponse } from '../../core/hrv/biofeedback';
import { valueOf } from '../../core/hrv/measure';
import { countOf } from '../plural';

/** The resonance indicator in words and a 0..1 level: how strongly and how in step heart rate follows the breath. */
export interface ResponseText {
  readonly level: number | null;
  readonly text: string;
}

/**
 * Level = breath-locked share × phase agreement (1 − |φ|/90°, 0 beyond), so it is high only when heart rate both
 * follows the paced breathing and rises and falls in step with it, as at resonance (Vaschillo et al. 2002).
 *
 * The words say what the heart does, never the maths: in step within 15° (heart rate rises while breathing in and
 * falls while breathing out), ahead or behind by more (it turns before or after the breath does), and against
 * the breath beyond 90°. The swing is rounded to whole beats a minute.
 */
export function responseText(r: BreathingResponse | null): ResponseText {
  const swing = r ? valueOf(r.amplitudeBpm) : null;
  const phase = r ? valueOf(r.phaseDeg) : null;
  const locked = r ? valueOf(r.breathLockedShare) : null;
  if (swing === null || phase === null || locked === null) {
    return { level: null, text: 'Listening to how your heart answers your breathing…' };
  }
  const level = locked * Math.max(0, 1 - Math.abs(phase) / 90);
  const beats = Math.max(1, Math.round(swing));
  const by = `by about ${countOf(beats, 'beat', 'beats')} a minute`;
  const how =
    Math.abs(phase) > 90
      ? `Your heart rate is falling as you breathe in, ${by}. Let the guide set the pace and breathe gently.`
      : Math.abs(phase) <= 15
        ? `Your heart rate rises with each breath in and falls with each breath out, ${by}.`
        : phase > 0
          ? `Your heart rate rises with each breath in, ${by}, turning a little before your breath does.`
          : `Your heart rate rises with each breath in, ${by}, turning a little after your breath does.`;
  const share =
    locked >= 0.6
      ? 'Most of its rhythm follows your breathing.'
      : locked >= 0.3
        ? 'Part of its rhythm follows your breathing.'
        : 'Its rhythm is only starting to follow your breathing.';
  return { level, text: `${how} ${share}` };
}
