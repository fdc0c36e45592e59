/**
 * Beat artifact detection after Lipponen & Tarvainen (2019), "A robust algorithm for heart rate variability time
 * series artefact correction using novel beat classification", J Med Eng Technol 43(3):173-181: the method behind
 * Kubios' automatic correction. Parameters and edge handling follow NeuroKit2's `signal_fixpeaks(method='Kubios')`
 * so flags agree with it: c1 = 0.13, c2 = 0.17, alpha = 5.2, 91-beat threshold window, 11-beat median filter
 * (zero-padded like scipy's medfilt), and its decision flow through Figure 1 of the paper.
 */
import { medianFilter, rollingQuartiles } from './rolling';

/** Per-beat labels, stored as small integers in typed arrays. */
export const BeatLabel = {
  normal: 0,
  missed: 1,
  extra: 2,
  ectopic: 3,
  long: 4,
  short: 5,
  /** Not analysable: NaN, infinite, zero, negative, below 250 ms or above 3000 ms. */
  invalid: 6,
} as const;
export type BeatLabelName = keyof typeof BeatLabel;
export const BEAT_LABEL_NAMES: readonly BeatLabelName[] = [
  'normal',
  'missed',
  'extra',
  'ectopic',
  'long',
  'short',
  'invalid',
];

export interface ArtifactParams {
  readonly c1: number;
  readonly c2: number;
  readonly alpha: number;
  /** Beats in the window of the time-varying thresholds. */
  readonly windowBeats: number;
  /** Beats in the median filter of the mRR series. */
  readonly medianBeats: number;
}

export const KUBIOS_PARAMS: ArtifactParams = {
  c1: 0.13,
  c2: 0.17,
  alpha: 5.2,
  windowBeats: 91,
  medianBeats: 11,
};

/**
 * Labels for each RR of one contiguous run of valid intervals (index k is RR k, between beats k and k+1).
 * Only beats the flow reaches are labelled; all others are `normal`.
 */
export function detectArtifacts(rrMs: ArrayLike<number>, params: ArtifactParams = KUBIOS_PARAMS): Uint8Array {
  const nRr = rrMs.length;
  const labels = new Uint8Array(nRr);
  if (nRr < 3) return labels;
  const { c1, c2, alpha, windowBeats, medianBeats } = params;
  // Peak-indexed periods as NeuroKit2 builds them: rr[j] ends at peak j; rr[0] is the mean of the others.
  const n = nRr + 1;
  const rr = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < nRr; k += 1) {
    rr[k + 1] = rrMs[k] ?? 0;
    sum += rr[k + 1] ?? 0;
  }
  rr[0] = sum / nRr;
  // dRR: successive differences normalised by the time-varying threshold Th1 (paper eq. 1-2).
  const drr = new Float64Array(n);
  let dsum = 0;
  for (let j = 1; j < n; j += 1) {
    drr[j] = (rr[j] ?? 0) - (rr[j - 1] ?? 0);
    dsum += drr[j] ?? 0;
  }
  drr[0] = dsum / (n - 1);
  const th1 = threshold(drr, alpha, windowBeats);
  for (let j = 0; j < n; j += 1) drr[j] = normalised(drr[j] ?? 0, th1[j] ?? 0);
  // mRR: deviation from the 11-beat median, negative deviations doubled, normalised by Th2 (eq. 3-4).
  const medRr = medianFilter(rr, medianBeats);
  const mrr = new Float64Array(n);
  for (let j = 0; j < n; j += 1) {
    const m = (rr[j] ?? 0) - (medRr[j] ?? 0);
    mrr[j] = m < 0 ? 2 * m : m;
  }
  const th2 = threshold(mrr, alpha, windowBeats);
  for (let j = 0; j < n; j += 1) mrr[j] = normalised(mrr[j] ?? 0, th2[j] ?? 0);
  const { s12, s22 } = subspaces(drr);

  const label = (j: number, code: number): void => {
    if (j >= 1) labels[j - 1] = code;
  };
  let i = 0;
  while (i < n - 2) {
    const d = drr[i] ?? 0;
    if (Math.abs(d) <= 1) {
      i += 1;
      continue;
    }
    // Ectopic: the (dRR, S12) point lies in the excluded regions of Fig. 2a.
    const s = s12[i] ?? 0;
    if ((d > 1 && s < -c1 * d - c2) || (d < -1 && s > -c1 * d + c2)) {
      label(i, BeatLabel.ectopic);
      i += 1;
      continue;
    }
    const candidates = Math.abs(drr[i + 1] ?? 0) < Math.abs(drr[i + 2] ?? 0) ? [i, i + 1] : [i];
    for (const j of candidates) {
      const dj = drr[j] ?? 0;
      const isLong = dj > 1 && (s22[j] ?? 0) < -1;
      const farFromMedian = Math.abs(mrr[j] ?? 0) > 3;
      const isShort = dj < -1 && (s22[j] ?? 0) > 1;
      if (!(isLong || farFromMedian || isShort)) {
        i += 1;
        continue;
      }
      const rrJ = rr[j] ?? 0;
      const med = medRr[j] ?? 0;
      const t2 = th2[j] ?? 0;
      const missed = Math.abs(rrJ / 2 - med) < t2;
      const extra = Math.abs(rrJ + (rr[j + 1] ?? 0) - med) < t2;
      if (isShort && extra) label(j, BeatLabel.extra);
      else if (isLong && missed) label(j, BeatLabel.missed);
      else label(j, isLong || (!isShort && (mrr[j] ?? 0) > 0) ? BeatLabel.long : BeatLabel.short);
      i += 1;
    }
  }
  return labels;
}

/**
 * A value over its threshold. A window without spread (first and third quartiles equal, which only synthetic
 * series have) gives a zero threshold and no evidence either way: its beats are left unclassified (0), where
 * NeuroKit2 divides by zero and flags every beat that differs at all from its neighbour.
 */
function normalised(value: number, threshold: number): number {
  return threshold > 0 ? value / threshold : 0;
}

/** Th = alpha * quartile deviation of |x| over the centred window (paper eq. 2 and 4). */
function threshold(x: Float64Array, alpha: number, windowBeats: number): Float64Array {
  const { q1, q3 } = rollingQuartiles(x.map(Math.abs), windowBeats);
  const th = new Float64Array(x.length);
  for (let j = 0; j < x.length; j += 1) th[j] = (alpha * ((q3[j] ?? 0) - (q1[j] ?? 0))) / 2;
  return th;
}

/**
 * The S12 and S22 subspaces of the paper's decision (eq. 5-6), over dRR padded by two values reflected at each
 * end (numpy 'reflect').
 */
function subspaces(drr: Float64Array): { s12: Float64Array; s22: Float64Array } {
  const n = drr.length;
  // p[j + 2] = drr[j], with two values reflected at each end.
  const p = new Float64Array(n + 4);
  p.set(drr, 2);
  p[1] = drr[Math.min(1, n - 1)]!;
  p[0] = drr[Math.min(2, n - 1)]!;
  p[n + 2] = drr[Math.max(n - 2, 0)]!;
  p[n + 3] = drr[Math.max(n - 3, 0)]!;
  const s12 = new Float64Array(n);
  const s22 = new Float64Array(n);
  for (let j = 0; j < n; j += 1) {
    const d = p[j + 2]!;
    const before = p[j + 1]!;
    const after = p[j + 3]!;
    const after2 = p[j + 4]!;
    if (d > 0) s12[j] = before > after ? before : after;
    else if (d < 0) s12[j] = before < after ? before : after;
    if (d >= 0) s22[j] = after < after2 ? after : after2;
    else if (d < 0) s22[j] = after > after2 ? after : after2;
  }
  return { s12, s22 };
}
