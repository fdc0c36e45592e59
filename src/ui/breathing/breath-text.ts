import type { ChestBreathing, ChestBreathingProblem } from '../../core/respiration/chest-breathing';
import type { RrRespiration } from '../../core/respiration/rr-respiration';

/** What the breath readout says: the rate and timing, a calm cue when one helps, or why there is no reading. */
export interface BreathWords {
  readonly rate: string | null;
  readonly timing: string | null;
  readonly cue: string | null;
  readonly problem: string | null;
}

const PROBLEMS: Record<ChestBreathingProblem, string> = {
  'too-short': 'Settling in: your breath shows after a few breaths.',
  gap: 'Reading your breath again after a pause in the strap’s signal…',
  movement: 'Moving a lot: your breath will show again when you settle.',
  'no-breathing': 'No clear breath on the strap yet. It reads best when the strap sits snugly.',
};

/** A lag shorter than this share of the pacer's breath counts as with the pacer. */
const WITH_PACER_SHARE = 0.08;
/** Faster than the pacer by this much, breaths/min, earns the gentle slow-down cue. */
const MUCH_FASTER_BPM = 3;

export function breathWords(breathing: ChestBreathing | null, pacerBpm: number): BreathWords | null {
  if (!breathing) return null;
  if (breathing.status !== 'ok') {
    return { rate: null, timing: null, cue: null, problem: PROBLEMS[breathing.reason] };
  }
  const rate = `${breathing.rateBpm.toFixed(1)} breaths/min`;
  const periodS = 60 / pacerBpm;
  const lag = breathing.lagS;
  let timing: string | null = null;
  let cue: string | null = null;
  if (breathing.rateBpm > pacerBpm + MUCH_FASTER_BPM) {
    cue = 'Your breath is quicker than the guide. Let each breath out slowly, there is no hurry.';
  } else if (lag !== null) {
    const seconds = Math.abs(lag).toFixed(1);
    if (Math.abs(lag) < WITH_PACER_SHARE * periodS) timing = 'With the pacer';
    else if (lag > 0) {
      timing = `${seconds} s behind the pacer`;
      cue = 'Start each breath as the circle starts to move.';
    } else {
      timing = `${seconds} s ahead of the pacer`;
      cue = 'Wait for the circle: let it lead each breath.';
    }
  }
  return { rate, timing, cue, problem: null };
}

/**
 * Words for the breathing rate read from the heart rhythm (straps without a breathing sensor): null while it cannot
 * be estimated, so nothing doubtful is shown.
 */
export function rrBreathWords(respiration: RrRespiration | null | undefined): BreathWords | null {
  if (!respiration || respiration.status !== 'ok') return null;
  const rate = `About ${respiration.rateBpm.toFixed(1)} breaths/min, read from your heart rhythm`;
  const timing =
    respiration.pacer === 'follows'
      ? 'Your heart follows the pacer'
      : respiration.pacer === 'not-following'
        ? 'Your heart is not following the pacer yet'
        : null;
  return { rate, timing, cue: null, problem: null };
}
