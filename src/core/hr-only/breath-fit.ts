/**
 * The heart-rate oscillation of each paced breath fitted to a watch's 1 Hz heart rate, with its artefacts taken out.
 *
 * A watch that sends no RR intervals still reads every beat: an ectopic beat (premature, at about 65 % of the
 * interval, then a compensatory pause) puts a reading 50 % above the heart rate beside one or two 25 % below it,
 * and a watch averaging M seconds spreads each such reading into a step M seconds long. Beat-to-beat analysis
 * drops those beats by the 20 % rule (hrv/biofeedback.ts); the 1 Hz series cannot, and on the validation panels
 * they cost the heart-rate-only assessments more than the 1 Hz sampling, the rounding and the averaging together
 * (docs/heart-rate-only.md). A reading far off is an additive outlier of the series the watch averages, which in
 * the series it sends is a box of M equal values: the "additive outlier" of time-series analysis seen through a
 * known moving-average filter (Fox 1972; Chen & Liu 1993, "Joint estimation of model parameters and outlier effects
 * in time series", who detect outliers one at a time by the t-statistic of their fitted effect, remove them and
 * repeat, fitting the model and the outlier effects jointly).
 *
 * So each breath is fitted by least squares, at the samples' own times (Lomb 1976), with a mean, a linear trend and
 * the sinusoid at the breath's own frequency (the pacer's per-breath swing, pacer/response.ts), and then, one at a
 * time, with the box of M seconds at the start that most reduces the residual, kept while its fitted height is at
 * least {@link OUTLIER_Z} times its standard error (the scale of such heights, widened by how far the rest of the fit
 * could stand in for the box): at most {@link MAX_OUTLIERS} a breath, always leaving at least three degrees of
 * freedom. The scale is robust (1.4826 times the median absolute deviation of the M-second means of the plain fits'
 * residuals over the whole trace: a box statistic's own spread, correlated noise included), and never below what M
 * independent residuals, or the rounding to whole bpm alone, give an M-second mean. The swing is the fitted
 * sinusoid's peak to trough, as the watch sent it (no correction for its averaging: swing.ts does that).
 */
import type { BreathSwing, PacedBreath } from '../pacer/response';
import { secondSlots, type HeartRateTrace } from './trace';

/** A box is kept while its fitted height is at least this many scales (Chen & Liu 1993 use 3-4). */
const OUTLIER_Z = 4;
/** Most boxes fitted in one breath's window. */
const MAX_OUTLIERS = 3;
/** A breath needs this many samples, and no gap between them longer than a third of the breath. */
const MIN_SAMPLES = 4;
/** Residual degrees of freedom always left. */
const MIN_DOF = 3;
/** Standard deviation of the rounding to whole bpm, bpm. */
const ROUNDING_SD = Math.sqrt(1 / 12);

/**
 * The fitted swing of each breath, bpm, as sent (null: too few samples or too wide a gap), with the highest minus
 * the lowest sample; each fitted over it and up to `windowBreaths` − 1 breaths joined on before it. `averagingS`:
 * the watch's averaging, seconds, the width of an artefact's box. `trace` must hold plausible values only, in time
 * order.
 */
export function fitBreaths(
  trace: HeartRateTrace,
  breaths: readonly PacedBreath[],
  windowBreaths: number,
  averagingS: number,
): BreathSwing[] {
  const m = Math.max(1, Math.round(averagingS));
  const slot = secondSlots(trace.timeS);
  const windows = breaths.map((b, i) => breathWindow(trace, breaths, i, windowBreaths, b));
  const scale = boxScale(trace, slot, windows, m);
  return windows.map((w) => {
    const base = { startS: w.breath.startS, endS: w.breath.endS, rateBpm: 60 / w.periodS };
    if (w.samples === null) return { ...base, swingBpm: null, maxMinBpm: null };
    const fit = fitWithOutliers(trace, slot, w, m, scale);
    return { ...base, swingBpm: fit?.swing ?? null, maxMinBpm: w.maxMin };
  });
}

/** One breath's fit window: its samples (indices into the trace; null when it cannot be judged), frequency. */
interface BreathWindow {
  readonly breath: PacedBreath;
  readonly periodS: number;
  readonly samples: number[] | null;
  readonly maxMin: number | null;
}

function breathWindow(
  trace: HeartRateTrace,
  breaths: readonly PacedBreath[],
  i: number,
  windowBreaths: number,
  b: PacedBreath,
): BreathWindow {
  const periodS = b.endS - b.startS;
  const none = { breath: b, periodS, samples: null, maxMin: null };
  if (!(periodS > 0)) return none;
  const { timeS, hrBpm } = trace;
  const inside = indicesIn(timeS, b.startS, b.endS);
  if (inside.length < MIN_SAMPLES) return none;
  let fromS = b.startS;
  for (let k = 1; k < windowBreaths; k += 1) {
    const earlier = breaths[i - k];
    if (!earlier || Math.abs(earlier.endS - fromS) > 1e-6) break;
    fromS = earlier.startS;
  }
  const samples = indicesIn(timeS, fromS, b.endS);
  let widestGapS = 0;
  let previousS = fromS;
  for (const k of samples) {
    widestGapS = Math.max(widestGapS, (timeS[k] as number) - previousS);
    previousS = timeS[k] as number;
  }
  widestGapS = Math.max(widestGapS, b.endS - previousS);
  if (widestGapS > periodS / 3) return none;
  const values = inside.map((k) => hrBpm[k] as number);
  return { breath: b, periodS, samples, maxMin: Math.max(...values) - Math.min(...values) };
}

/** Indices of the samples with fromS <= time < toS (times in order). */
function indicesIn(timeS: readonly number[], fromS: number, toS: number): number[] {
  let lo = 0;
  let hi = timeS.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((timeS[mid] as number) < fromS) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let k = lo; k < timeS.length && (timeS[k] as number) < toS; k += 1) out.push(k);
  return out;
}

/**
 * The spread of an M-second box's fitted height where there is no artefact: 1.4826 × the median absolute deviation
 * of the M-second means of the plain fits' residuals, at least what M independent residuals (or the rounding alone)
 * would give such a mean, so residuals that alternate in sign cannot make it small.
 */
function boxScale(
  trace: HeartRateTrace,
  slot: readonly number[],
  windows: readonly BreathWindow[],
  m: number,
): number {
  const residual = new Map<number, number>();
  for (const w of windows) {
    if (w.samples === null) continue;
    const fit = leastSquares(trace, w, []);
    if (fit === null) continue;
    for (const [k, r] of fit.residuals) residual.set(slot[k] as number, r);
  }
  const means: number[] = [];
  for (const first of residual.keys()) {
    let sum = 0;
    let n = 0;
    for (let j = 0; j < m; j += 1) {
      const r = residual.get(first + j);
      if (r !== undefined) {
        sum += r;
        n += 1;
      }
    }
    if (n === m) means.push(sum / m);
  }
  const floor = ROUNDING_SD / Math.sqrt(m);
  if (means.length < 10) return floor;
  const spread = (xs: readonly number[]) => {
    const centre = medianOf(xs);
    return 1.4826 * medianOf(xs.map((x) => Math.abs(x - centre)));
  };
  return Math.max(floor, spread(means), spread([...residual.values()]) / Math.sqrt(m));
}

function medianOf(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? (s[n >> 1] as number) : ((s[n / 2 - 1] as number) + (s[n / 2] as number)) / 2;
}

/** The breath's fit with outlier boxes added one at a time (see the module comment); its swing, bpm. */
function fitWithOutliers(
  trace: HeartRateTrace,
  slot: readonly number[],
  w: BreathWindow,
  m: number,
  scale: number,
): { swing: number } | null {
  const samples = w.samples as number[];
  const boxes: number[] = [];
  let fit = leastSquares(trace, w, []);
  if (fit === null) return null;
  const firstSlot = slot[samples[0] as number] as number;
  const lastSlot = slot[samples[samples.length - 1] as number] as number;
  while (boxes.length < MAX_OUTLIERS && samples.length - (5 + boxes.length) >= MIN_DOF) {
    let best: { start: number; fit: LeastSquares } | null = null;
    for (let start = firstSlot - m + 1; start <= lastSlot; start += 1) {
      if (boxes.includes(start)) continue;
      const trial = leastSquares(
        trace,
        w,
        [...boxes, start].map((b) => boxOf(slot, b, m)),
      );
      if (trial !== null && (best === null || trial.rss < best.fit.rss)) best = { start, fit: trial };
    }
    if (best === null || outlierT(best.fit, m, scale) < OUTLIER_Z) break;
    boxes.push(best.start);
    fit = best.fit;
  }
  return { swing: 2 * Math.hypot(fit.beta[2] as number, fit.beta[3] as number) };
}

/**
 * The t-statistic of the last box's height: the height over its standard error, the scale of a box height where the
 * box is orthogonal to the rest (m·(XᵀX)⁻¹ = 1) widened by how much the rest of the design (the sinusoid, the trend,
 * the other boxes) could stand in for it (Chen & Liu 1993's τ).
 */
function outlierT(fit: LeastSquares, m: number, scale: number): number {
  const height = fit.beta[fit.beta.length - 1] as number;
  return Math.abs(height) / (scale * Math.sqrt(Math.max(1, m * fit.lastVariance)));
}

function boxOf(slot: readonly number[], start: number, m: number): (k: number) => boolean {
  return (k) => (slot[k] as number) >= start && (slot[k] as number) < start + m;
}

interface LeastSquares {
  readonly beta: number[];
  readonly rss: number;
  /** [sample index, residual] */
  readonly residuals: [number, number][];
  /** The last coefficient's diagonal element of (XᵀX)⁻¹. */
  readonly lastVariance: number;
}

/**
 * Least squares of the window's samples on mean, trend, sinusoid at the breath's frequency and the given box
 * indicators, by the normal equations (Gaussian elimination with partial pivoting); null for a singular design.
 */
function leastSquares(
  trace: HeartRateTrace,
  w: BreathWindow,
  boxes: readonly ((k: number) => boolean)[],
): LeastSquares | null {
  const samples = w.samples as number[];
  const angular = (2 * Math.PI) / w.periodS;
  const midS = samples.reduce((s, k) => s + (trace.timeS[k] as number), 0) / samples.length;
  const rows = samples.map((k) => {
    const t = trace.timeS[k] as number;
    return [
      1,
      t - midS,
      Math.cos(angular * t),
      Math.sin(angular * t),
      ...boxes.map((inBox) => (inBox(k) ? 1 : 0)),
    ];
  });
  const y = samples.map((k) => trace.hrBpm[k] as number);
  const p = (rows[0] as number[]).length;
  // [XᵀX | Xᵀy | last unit vector]: Gauss-Jordan gives β and the last column of (XᵀX)⁻¹.
  const a = Array.from({ length: p }, (_, i) => {
    const row = new Array<number>(p + 2).fill(0);
    row[p + 1] = i === p - 1 ? 1 : 0;
    return row;
  });
  rows.forEach((row, r) => {
    for (let i = 0; i < p; i += 1) {
      const ai = a[i] as number[];
      ai[p] = (ai[p] as number) + (row[i] as number) * (y[r] as number);
      for (let j = 0; j < p; j += 1) ai[j] = (ai[j] as number) + (row[i] as number) * (row[j] as number);
    }
  });
  for (let c = 0; c < p; c += 1) {
    let pivot = c;
    for (let r = c + 1; r < p; r += 1)
      if (Math.abs((a[r] as number[])[c] as number) > Math.abs((a[pivot] as number[])[c] as number))
        pivot = r;
    [a[c], a[pivot]] = [a[pivot] as number[], a[c] as number[]];
    const ac = a[c] as number[];
    if (Math.abs(ac[c] as number) < 1e-9) return null;
    for (let r = 0; r < p; r += 1) {
      if (r === c) continue;
      const ar = a[r] as number[];
      const f = (ar[c] as number) / (ac[c] as number);
      for (let k = c; k <= p + 1; k += 1) ar[k] = (ar[k] as number) - f * (ac[k] as number);
    }
  }
  const beta = a.map((row, i) => (row[p] as number) / (row[i] as number));
  const last = a[p - 1] as number[];
  const lastVariance = (last[p + 1] as number) / (last[p - 1] as number);
  let rss = 0;
  const residuals: [number, number][] = rows.map((row, r) => {
    const e = (y[r] as number) - row.reduce((s, x, i) => s + x * (beta[i] as number), 0);
    rss += e * e;
    return [samples[r] as number, e];
  });
  return { beta, rss, residuals, lastVariance };
}
