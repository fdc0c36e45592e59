/** The pacer's presets in words (the core names them only by {@link PacerPresetId}). */
import type { PacerPresetId } from '../../core/pacer/presets';

const NAMES: Record<PacerPresetId, string> = {
  'resonance-equal': 'Resonance 6/min',
  'resonance-40-60': 'Resonance 6/min, 40:60',
  'extended-exhale': 'Extended exhale',
  box: 'Box 4-4-4-4',
  custom: 'Your pattern',
};

const DESCRIPTIONS: Record<Exclude<PacerPresetId, 'custom'>, string> = {
  'resonance-equal': '5 s in, 5 s out',
  'resonance-40-60': '4 s in, 6 s out',
  'extended-exhale': '4 s in, 8 s out (5/min)',
  box: '4 s in, hold 4, 4 s out, hold 4',
};

/** "Resonance 6/min", "Box 4-4-4-4"; "Your pattern" for the person's own. */
export function presetName(id: PacerPresetId): string {
  return NAMES[id];
}

/** The preset's timing in words, "4 s in, 6 s out". */
export function presetDescription(id: Exclude<PacerPresetId, 'custom'>): string {
  return DESCRIPTIONS[id];
}
