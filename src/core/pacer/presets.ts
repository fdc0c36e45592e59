import { patternFromRate, validatePattern, type BreathPattern } from './pattern';

/**
 * The pacer's presets. Resonance breathing at 6 breaths/min is the usual starting point before a person's own
 * resonance frequency is known (Lehrer & Gevirtz 2014); a 40:60 inhale:exhale split is the variant Lehrer et al.
 * recommend for comfort (Lehrer, Vaschillo & Vaschillo 2000), extended exhale is the 1:2 ratio of slow-breathing
 * practice, and box breathing is 4 s in, hold, out and hold.
 */
export type PacerPresetId = 'resonance-equal' | 'resonance-40-60' | 'extended-exhale' | 'box' | 'custom';

export interface PacerPreset {
  readonly id: Exclude<PacerPresetId, 'custom'>;
  readonly pattern: BreathPattern;
  /** Whether the adaptive controller may change this preset's rate (patterns with holds keep their counts). */
  readonly adaptable: boolean;
}

/** The presets in the order the pacer offers them (their names and descriptions: ui/pacer/preset-text.ts). */
export const PACER_PRESETS: readonly PacerPreset[] = [
  {
    id: 'resonance-equal',
    pattern: patternFromRate(6, 0.5),
    adaptable: true,
  },
  {
    id: 'resonance-40-60',
    pattern: patternFromRate(6, 0.4),
    adaptable: true,
  },
  {
    id: 'extended-exhale',
    pattern: { inhaleS: 4, holdInS: 0, exhaleS: 8, holdOutS: 0 },
    adaptable: true,
  },
  {
    id: 'box',
    pattern: { inhaleS: 4, holdInS: 4, exhaleS: 4, holdOutS: 4 },
    adaptable: false,
  },
];

/** A preset by id; `custom` wraps a pattern the person set (checked, so a bad one is a PatternError). */
export function presetPattern(id: Exclude<PacerPresetId, 'custom'>): BreathPattern;
export function presetPattern(id: 'custom', custom: BreathPattern): BreathPattern;
export function presetPattern(id: PacerPresetId, custom?: BreathPattern): BreathPattern {
  if (id === 'custom') {
    if (!custom) throw new TypeError('custom preset needs a pattern');
    return validatePattern(custom);
  }
  const preset = PACER_PRESETS.find((p) => p.id === id);
  if (!preset) throw new TypeError(`unknown preset ${String(id)}`);
  return preset.pattern;
}
