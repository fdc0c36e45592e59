import { describe, expect, it } from 'vitest';
import { PACER_PRESETS } from '../../../src/core/pacer/presets';
import { presetDescription, presetName } from '../../../src/ui/pacer/preset-text';

describe('preset words', () => {
  it('describes each preset with the seconds of its own pattern', () => {
    for (const preset of PACER_PRESETS) {
      const words = presetDescription(preset.id);
      const { inhaleS, holdInS, exhaleS, holdOutS } = preset.pattern;
      expect(words).toContain(`${inhaleS} s in`);
      expect(words).toContain(`${exhaleS} s out`);
      if (holdInS > 0) expect(words).toContain(`hold ${holdInS}`);
      if (holdOutS > 0) expect(words).toContain(`hold ${holdOutS}`);
    }
  });

  it('gives every preset its own name and the person’s pattern a name of its own', () => {
    const names = [...PACER_PRESETS.map((p) => presetName(p.id)), presetName('custom')];
    expect(new Set(names).size).toBe(names.length);
    expect(presetName('resonance-40-60')).toBe('Resonance 6/min, 40:60');
    expect(presetName('custom')).toBe('Your pattern');
  });
});
