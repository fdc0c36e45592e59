/**
 * Whole-recording analysis: artifacts labelled (and corrected unless asked not to), then every time-domain,
 * frequency-domain, nonlinear and coherence figure on the result. The command-line analyser, the worker and the
 * app's history all read this one function.
 */
import { BeatLabel } from './artifacts';
import { coherence, type Coherence } from './coherence';
import { cleanRr } from './correction';
import { dfaAlpha1, dfaAlpha2 } from './dfa';
import { entropy } from './entropy';

import { frequencyDomain, type FrequencyDomain } from './frequency-domain';
import type { Measure } from './measure';
import { poincare } from './poincare';
import { respirationFromRr, type RrRespiration } from '../respiration/rr-respiration';
import { isValidRr } from './series';
import { timeDomain, type TimeDomain } from './time-domain';

/**
 * Sample and approximate entropy are quadratic in the beat count, so a recording longer than this many beats
 * (about an hour) has them computed over its last `ENTROPY_MAX_BEATS` beats.
 */
export const ENTROPY_MAX_BEATS = 5000;

interface Nonlinear {
  readonly sd1Ms: Measure;
  readonly sd2Ms: Measure;
  readonly sd1Sd2: Measure;
  readonly dfaAlpha1: Measure;
  readonly dfaAlpha2: Measure;
  readonly sampleEntropy: Measure;
  readonly approximateEntropy: Measure;
}

interface ArtifactSummary {
  /** Input intervals labelled anything but normal (invalid ones included). */
  readonly count: number;
  /** `count` as a share of the input intervals, %. */
  readonly percent: number;
  /** 0-based indices into the input RR list of the flagged intervals. */
  readonly indices: readonly number[];
  /** One `BeatLabel` code per input interval. */
  readonly labels: Uint8Array;
}

export interface HrvReport {
  /** Input RR intervals, valid or not. */
  readonly beats: number;
  /** Sum of the valid input intervals, s. */
  readonly durationS: number;
  readonly corrected: boolean;
  readonly artifacts: ArtifactSummary;
  readonly timeDomain: TimeDomain;
  readonly frequencyDomain: FrequencyDomain;
  readonly nonlinear: Nonlinear;
  /** Coherence of the last 64 s. */
  readonly coherence: Coherence;
  /** Breathing rate from the respiratory modulation of the NN series, or why it cannot be estimated. */
  readonly respiration: RrRespiration;
}

export interface AnalysisOptions {
  /** Correct detected artifacts (default). When false the valid input is analysed exactly as given. */
  readonly correct?: boolean;
}

export function analyzeRecording(rrMs: ArrayLike<number>, options: AnalysisOptions = {}): HrvReport {
  const correct = options.correct ?? true;
  const { labels, series } = cleanRr(rrMs, { correct });
  const indices: number[] = [];
  let durationMs = 0;
  for (let k = 0; k < rrMs.length; k += 1) {
    if (labels[k] !== BeatLabel.normal) indices.push(k);
    const rr = rrMs[k] ?? Number.NaN;
    if (isValidRr(rr)) durationMs += rr;
  }
  const frequency = frequencyDomain(series);
  const p = poincare(series);
  const e = entropy(series.nnMs.subarray(Math.max(0, series.nnMs.length - ENTROPY_MAX_BEATS)));
  return {
    beats: rrMs.length,
    durationS: durationMs / 1000,
    corrected: correct,
    artifacts: {
      count: indices.length,
      percent: rrMs.length > 0 ? (100 * indices.length) / rrMs.length : 0,
      indices,
      labels,
    },
    timeDomain: timeDomain(series),
    frequencyDomain: frequency,
    nonlinear: {
      ...p,
      dfaAlpha1: dfaAlpha1(series.nnMs),
      dfaAlpha2: dfaAlpha2(series.nnMs),
      sampleEntropy: e.sampleEntropy,
      approximateEntropy: e.approximateEntropy,
    },
    coherence: coherence(series.timeS, series.nnMs),
    respiration: respirationFromRr(series.timeS, series.nnMs),
  };
}
