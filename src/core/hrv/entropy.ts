/**
 * Sample entropy (Richman & Moorman 2000, Am J Physiol 278:H2039) and approximate entropy (Pincus 1991, PNAS
 * 88:2297) with embedding m = 2, delay 1, tolerance r = 0.2 * SD (ddof = 1) and the Chebyshev distance, as
 * NeuroKit2, nolds and antropy compute them (they agree on every reference).
 *
 * SampEn = -ln(A / B): B counts pairs (i < j) of the first N - m templates of length m within r, A the pairs of
 * length m + 1. ApEn = Φm - Φm+1 with Φm the mean over all N - m + 1 templates of ln(C_i), C_i the share of
 * templates (self included) within r.
 *
 * Pairs are found on a grid of cell size r over each template's first two values, comparing only templates in
 * neighbouring cells: about the pairs that match in two values, rather than all N^2 / 2. Still quadratic in the
 * worst case, so the live analysis does not compute entropy; the whole-recording analysis does.
 */
import { notDefined, notEnough, ok, type Measure } from './measure';
import { sampleStd } from './series';

export interface Entropy {
  readonly sampleEntropy: Measure;
  readonly approximateEntropy: Measure;
}

const ENTROPY_M = 2;
const ENTROPY_R_SD = 0.2;
const ENTROPY_MIN_BEATS = 20;

/** Sample and approximate entropy of `x` with embedding `m` (2 or more) and tolerance `rSd` standard deviations. */
export function entropy(x: ArrayLike<number>, m = ENTROPY_M, rSd = ENTROPY_R_SD): Entropy {
  const n = x.length;
  if (n < Math.max(ENTROPY_MIN_BEATS, m + 2)) {
    const short = notEnough(n, Math.max(ENTROPY_MIN_BEATS, m + 2), 'beats');
    return { sampleEntropy: short, approximateEntropy: short };
  }
  const r = rSd * sampleStd(x);
  // A constant series: every template matches every other, both entropies are 0.
  if (!(r > 0)) return { sampleEntropy: ok(0), approximateEntropy: ok(0) };
  const templates = n - m + 1;
  const cells = gridCells(x, templates, r);
  const countM = new Float64Array(templates).fill(1);
  const countM1 = new Float64Array(templates - 1).fill(1);
  let pairsM = 0;
  let pairsM1 = 0;
  // Each unordered pair once: the template's own cell (later templates only) and four of its eight neighbours.
  const forward: readonly (readonly [number, number])[] = [
    [0, 1],
    [1, -1],
    [1, 0],
    [1, 1],
  ];
  const last = templates - 1;
  const visit = (i: number, j: number): void => {
    for (let k = 0; k < m; k += 1) if (Math.abs(x[i + k]! - x[j + k]!) > r) return;
    countM[i] = countM[i]! + 1;
    countM[j] = countM[j]! + 1;
    // The last template of length m has no continuation to length m + 1.
    if (i === last || j === last) return;
    pairsM += 1;
    if (Math.abs(x[i + m]! - x[j + m]!) <= r) {
      pairsM1 += 1;
      countM1[i] = countM1[i]! + 1;
      countM1[j] = countM1[j]! + 1;
    }
  };
  for (const [cellKey, members] of cells.members) {
    for (let a = 0; a < members.length; a += 1)
      for (let b = a + 1; b < members.length; b += 1) visit(members[a]!, members[b]!);
    const cx = cells.cx[members[0]!]!;
    const cy = cells.cy[members[0]!]!;
    for (const [dx, dy] of forward) {
      const other = cells.members.get(cells.key(cx + dx, cy + dy));
      if (other === undefined || cells.key(cx + dx, cy + dy) === cellKey) continue;
      for (const i of members) for (const j of other) visit(i, j);
    }
  }
  const phi = (counts: Float64Array): number => {
    let s = 0;
    for (const c of counts) s += Math.log(c / counts.length);
    return s / counts.length;
  };
  return {
    sampleEntropy: pairsM > 0 && pairsM1 > 0 ? ok(0 - Math.log(pairsM1 / pairsM)) : notDefined('no-matches'),
    approximateEntropy: ok(phi(countM) - phi(countM1)),
  };
}

/**
 * Templates bucketed by their first two values on a grid of cell size r: two templates within r in both values
 * lie in the same or neighbouring cells, so only those are compared.
 */
function gridCells(
  x: ArrayLike<number>,
  templates: number,
  r: number,
): {
  cx: Int32Array;
  cy: Int32Array;
  members: Map<number, number[]>;
  key: (cx: number, cy: number) => number;
} {
  const cx = new Int32Array(templates);
  const cy = new Int32Array(templates);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < templates; i += 1) {
    cx[i] = Math.floor(x[i]! / r);
    cy[i] = Math.floor(x[i + 1]! / r);
    lo = Math.min(lo, cy[i]!);
    hi = Math.max(hi, cy[i]!);
  }
  const width = hi - lo + 3;
  const key = (a: number, b: number): number => a * width + (b - lo + 1);
  const members = new Map<number, number[]>();
  for (let i = 0; i < templates; i += 1) {
    const k = key(cx[i]!, cy[i]!);
    const list = members.get(k);
    if (list) list.push(i);
    else members.set(k, [i]);
  }
  return { cx, cy, members, key };
}
