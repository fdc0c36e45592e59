import type { AssessmentNote, AssessmentResult } from '../../core/pacer/assessment/result';
import type { PacerReason } from '../../state/pacer.svelte';

const rate = (bpm: number): string => `${bpm.toFixed(2)}/min`;
const swing = (bpm: number): string => `heart-rate swing ${bpm.toFixed(1)} bpm`;

/** The pacer's reason in plain words for the screen. */
export function reasonText(r: PacerReason | null, adaptable: boolean): string {
  if (r === null) return adaptable ? 'The rate adapts once your heart has settled into the rhythm.' : '';
  switch (r.kind) {
    case 'locked':
      return `Locked at ${rate(r.rateBpm)}.`;
    case 'settling':
      return `Settling in: the first change comes after ${r.settleS} s of paced breathing.`;
    case 'no-beats':
      return 'Waiting for enough clean beats to read the heart-rate rhythm.';
    case 'weak':
      return `Holding at ${rate(r.rateBpm)}: the ${swing(r.swingBpm)} is too small to steer by.`;
    case 'exploring':
      return `Trying ${rate(r.toBpm)} to see where your heart rate swings most (${swing(r.swingBpm)}).`;
    case 'climbing':
      return `${r.toBpm > r.fromBpm ? 'Faster' : 'Slower'}: ${rate(r.fromBpm)} → ${rate(r.toBpm)}, the swing has been growing this way (${swing(r.swingBpm)}).`;
    case 'turning':
      return `Turning back: the swing got smaller this way (${swing(r.swingBpm)}); now ${rate(r.toBpm)}.`;
    case 'phase-turn':
      return `${r.toBpm > r.fromBpm ? 'Faster' : 'Slower'}: the timing of your heart rate against your breath points this way; now ${rate(r.toBpm)}.`;
    case 'to-peak':
      return `Going to ${rate(r.peakBpm)}, where your heart rate swung most; now ${rate(r.toBpm)}.`;
    case 'at-peak':
      return `Holding at ${rate(r.rateBpm)}: your heart rate swings most at this rate (${swing(r.swingBpm)}). This looks like your resonance rate.`;
    case 'flat':
      return `Holding at ${rate(r.rateBpm)}: the rates tried all gave about the same swing (${swing(r.swingBpm)}).`;
    case 'at-limit':
      return `Holding at ${rate(r.rateBpm)}, the ${r.limit} of the allowed ${r.minBpm.toFixed(2)}-${r.maxBpm.toFixed(2)} (${swing(r.swingBpm)}).`;
    case 'adaptive-off':
      return 'Adaptive pacing is off: the rate stays where you set it.';
    case 'assessment-running':
      return `${protocolName(r.protocol)} assessment: the pacer leads, follow it.`;
    case 'assessment-stopped':
      return r.kept
        ? 'Assessment stopped early; what it measured so far is kept, marked partial.'
        : 'Assessment stopped before anything could be measured; nothing was kept.';
    case 'assessment-done':
      return r.result.foundBpm === null
        ? `Assessment done, but no rate could be chosen. ${r.result.notes.map(noteText).join(' ')}`
        : `Assessment done: ${answerText(r.result)} The pacer continues from it.`;
  }
}

/** An assessment protocol's name, capitalised. */
export function protocolName(p: 'stepped' | 'quick' | 'sliding'): string {
  return p === 'stepped' ? 'Stepped' : p === 'quick' ? 'Quick' : 'Sliding';
}

/** The assessment's answer in a sentence. */
export function answerText(r: AssessmentResult): string {
  if (r.foundBpm === null) return 'No rate could be chosen.';
  const found = `${r.foundBpm.toFixed(2)} breaths per minute`;
  const partial = r.partial ? ' (partial: the assessment was stopped early)' : '';
  if (r.edge === 'below')
    return `Your resonance rate is at or below ${found}, the slowest rate tried${partial}.`;
  if (r.edge === 'above')
    return `Your resonance rate is at or above ${found}, the fastest rate tried${partial}.`;
  return `Your resonance rate looks like ${found}${partial}.`;
}

export function noteText(n: AssessmentNote): string {
  switch (n.kind) {
    case 'artifacts':
      return `At ${n.rateBpm}/min ${Math.round(n.share * 100)} % of beats were rejected.`;
    case 'sparse':
      return `${n.missing} of ${n.breaths} breaths had too few clean beats.`;
    case 'no-answer':
      return 'There were not enough clean breaths to find a peak.';
    case 'text':
      return n.text;
  }
}
