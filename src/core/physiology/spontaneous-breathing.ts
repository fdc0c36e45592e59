import { Random } from '../random';
import type { BreathingAt } from './simulated-heart';

/**
 * Spontaneous breathing for the simulated person when no pacer leads (the morning reading): each breath takes its
 * own length, drawn between `minBpm` and `maxBpm` breaths per minute (adults at rest breathe about 12-16 times a
 * minute, and the length, depth and timing of quiet breaths vary from one breath to the next: Tobin et al. 1983,
 * "Breathing patterns. 1. Normal subjects", Chest 84:202-205; Benchetrit 2000, "Breathing pattern in humans:
 * diversity and individuality", Respir Physiol 122:123-129), with its own depth and its own share of breathing in
 * (36-46 %).
 * Within a breath, lung volume rises and falls along half-cosines, as the pacer's own breath does.
 *
 * The breaths are drawn from a seeded generator as time goes on, so a seed always gives the same breathing.
 * Times before 0 read as the start of the first breath.
 */
export interface SpontaneousBreathingOptions {
  readonly seed: number;
  readonly minBpm?: number;
  readonly maxBpm?: number;
}

interface Breath {
  readonly startS: number;
  readonly inS: number;
  readonly outS: number;
  readonly depth: number;
}

export function spontaneousBreathingOf(options: SpontaneousBreathingOptions): BreathingAt {
  const minBpm = options.minBpm ?? 12;
  const maxBpm = options.maxBpm ?? 16;
  const rng = new Random(options.seed);
  const breaths: Breath[] = [];
  let endS = 0;
  const draw = (): void => {
    const bpm = minBpm + (maxBpm - minBpm) * rng.next();
    const periodS = 60 / bpm;
    const inShare = 0.36 + 0.1 * rng.next();
    breaths.push({
      startS: endS,
      inS: periodS * inShare,
      outS: periodS * (1 - inShare),
      depth: 0.7 + 0.3 * rng.next(),
    });
    endS += periodS;
  };
  return (timeS) => {
    const t = Math.max(0, timeS);
    while (endS <= t) draw();
    // Binary search for the breath holding t (calls mostly move forward, but any order is answered).
    let lo = 0;
    let hi = breaths.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((breaths[mid] as Breath).startS <= t) lo = mid;
      else hi = mid - 1;
    }
    const b = breaths[lo] as Breath;
    const into = t - b.startS;
    const rising = into < b.inS;
    const fraction = rising ? into / b.inS : (into - b.inS) / b.outS;
    const shape = 0.5 - 0.5 * Math.cos(Math.PI * fraction);
    const volume = rising ? shape : 1 - shape;
    return 0.5 + b.depth * (volume - 0.5);
  };
}
