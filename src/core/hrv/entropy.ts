/**
 * Sample entropy (Richman & Moorman 2000, Am J Physiol 278:H2039) and approximate entropy (Pincus 1991, PNAS
 * 88:2297) with embedding m = 2, delay 1, tolerance r = 0.2 * SD (ddof = 1) and the Chebyshev distance, as
 * NeuroKit2, nolds and antropy compute them (they agree on every reference).
 *
 * SampEn = -ln(A / B): B counts pairs (i < j) of the first N - m templates of length m within r, A the pairs of
 * length m + 1. ApEn = Φm - Φm+1 with Φm the mean over all N - m + 1 templates of ln(C_i), C_i the share of
 * templates (self included) within r.
 *
 * Pairs are found by sorting the templates on their first value and scanning only neighbours within r of it,
 * which is O(N log N + pairs within r) rather than all N^2 / 2 pairs. Still quadratic in the worst case, so the
 * live analysis does not compute entropy; the whole-recording analysis does.
 */
import { notEnough, ok, type Measure } from './measure';
import { sampleStd } from './series';

export interface Entropy {
  readonly sampleEntropy: Measure;
  readonly approximateEntropy: Measure;
}

export const ENTROPY_M = 2;
export const ENTROPY_R_SD = 0.2;
export const ENTROPY_MIN_BEATS = 20;

export function entropy(x: ArrayLike<number>, m = ENTROPY_M, rSd = ENTROPY_R_SD): Entropy {
  const n = x.length;
  if (n < Math.max(ENTROPY_MIN_BEATS, m + 2)) {
    const short = notEnough(n, Math.max(ENTROPY_MIN_BEATS, m + 2), 'beats');
    return { sampleEntropy: short, approximateEntropy: short };
  }
  const r = rSd * sampleStd(x);
  const templates = n - m + 1;
  const order = Array.from({ length: templates }, (_, i) => i).sort((a, b) => (x[a] ?? 0) - (x[b] ?? 0));
  const countM = new Float64Array(templates).fill(1);
  const countM1 = new Float64Array(templates - 1).fill(1);
  let pairsM = 0;
  let pairsM1 = 0;
  for (let p = 0; p < templates; p += 1) {
    const i = order[p] ?? 0;
    const xi = x[i] ?? 0;
    for (let q = p + 1; q < templates; q += 1) {
      const j = order[q] ?? 0;
      if ((x[j] ?? 0) - xi > r) break;
      let match = true;
      for (let k = 1; k < m && match; k += 1) match = Math.abs((x[i + k] ?? 0) - (x[j + k] ?? 0)) <= r;
      if (!match) continue;
      countM[i] = (countM[i] ?? 0) + 1;
      countM[j] = (countM[j] ?? 0) + 1;
      if (i === templates - 1 || j === templates - 1) continue;
      pairsM += 1;
      if (Math.abs((x[i + m] ?? 0) - (x[j + m] ?? 0)) <= r) {
        pairsM1 += 1;
        countM1[i] = (countM1[i] ?? 0) + 1;
        countM1[j] = (countM1[j] ?? 0) + 1;
      }
    }
  }
  const phi = (counts: Float64Array): number => {
    let s = 0;
    for (const c of counts) s += Math.log(c / counts.length);
    return s / counts.length;
  };
  return {
    sampleEntropy:
      pairsM > 0 && pairsM1 > 0 ? ok(0 - Math.log(pairsM1 / pairsM)) : notEnough(pairsM1, 1, 'beats'),
    approximateEntropy: ok(phi(countM) - phi(countM1)),
  };
}
