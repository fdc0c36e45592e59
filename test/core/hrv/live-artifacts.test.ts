import { describe, expect, it } from 'vitest';
import { BeatLabel } from '../../../src/core/hrv/artifacts';
import { LiveArtifactLabeler } from '../../../src/core/hrv/live-artifacts';
import { SimulatedHeart } from '../../../src/core/physiology/simulated-heart';

describe('live labels at the start of a run', () => {
  it('do not flag the first beats of a clean simulated rhythm, where the window is still short', () => {
    for (let seed = 1; seed <= 20; seed += 1) {
      const heart = new SimulatedHeart({ seed });
      const breathing = (t: number) => 0.5 - 0.5 * Math.cos((2 * Math.PI * t * 6) / 60);
      const labeler = new LiveArtifactLabeler();
      const flagged: number[] = [];
      for (let seq = 1; seq <= 60; seq += 1) {
        const b = heart.nextBeat(breathing);
        for (const s of labeler.push(seq, b.rrMs, b.timeS))
          if (s.label !== BeatLabel.normal && s.seq <= 30) flagged.push(s.seq);
      }
      expect({ seed, flagged }).toEqual({ seed, flagged: [] });
    }
  });
});
