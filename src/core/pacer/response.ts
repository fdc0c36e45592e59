import { fitSine, wrapDeg } from '../hrv/biofeedback';
import { interpolateLinear } from '../hrv/resample';
import { median } from '../hrv/series';

/**
 * The amplitude-led criteria of resonance, on a plain heart-rate series (any sampling: beat-to-beat heart rate, or
 * the 1 Hz heart rate of a watch) and the pacer's breaths. None of them depends on the person breathing exactly in
 * step with the pacer: the size of a periodic swing over one whole period is the same wherever the period starts,
 * so a person breathing a second late, or the heart answering late through the baroreflex loop, changes the phase
 * but not these figures.
 *
 * - Per-breath swing: for each breath of the pacer, the heart-rate oscillation at that breath's own frequency,
 *   fitted over the breath (or over it and the breaths just before it, `windowBreaths`, which separates the paced
 *   oscillation from a spontaneous one at the resonance that beats against it) (the one-cycle Fourier coefficient after removing the breath's linear trend) and given
 *   as a peak-to-trough swing, bpm. It is the peak-to-trough heart-rate criterion of Lehrer, Vaschillo & Vaschillo
 *   (2000) and Shaffer & Meehan (2020) read through the fundamental, so that one noisy beat at a breath's top or
 *   bottom cannot set it as it sets a max-minus-min. Max-minus-min is reported beside it ({@link breathSwings}).
 * - Robust averaging: an interquartile (25 %-trimmed) mean of the per-breath swings (Tukey 1962; Wilcox 2012),
 *   so a sigh (about twice the swing, and a breath or two of ringing after it) or a skipped breath (almost none)
 *   cannot move it more than an ordinary breath does.
 * - Power at the paced rate: the variance of the heart-rate sinusoid fitted at the breathing frequency over a
 *   window, bpm², the narrow-band version of "LF peak power at the breathing frequency" (Lehrer et al. 2000;
 *   Vaschillo et al. 2006 use the spectral peak at the paced rate).
 * - Transfer gain pacer → heart rate: the fitted heart-rate swing over the pacer's volume swing at the breathing
 *   frequency, bpm per full breath (Vaschillo, Lehrer et al. 2002 treat the heart-rate response to paced breathing
 *   as the transfer function of the baroreflex loop).
 * Phase is deliberately absent: against the pacer it shifts by tens of degrees when the person breathes late, and
 * at resonance it depends on the loop's structure (0° for a resonator, not for a loop with a delay).
 */
export interface HeartRateSamples {
  readonly timeS: readonly number[];
  readonly hrBpm: readonly number[];
}

export interface PacedBreath {
  readonly startS: number;
  readonly endS: number;
}

/**
 * A breath the person actually took, measured by a chest accelerometer (src/core/respiration/chest-breathing.ts):
 * from its inhale onset to the next one, session seconds.
 */
export interface MeasuredBreath {
  readonly inhaleS: number;
  readonly endS: number;
  /**
   * How far the person's breath ran behind the pacer's over the analysis window that measured this breath (the
   * chest analysis's cross-correlation lag), s; null or absent when not known.
   */
  readonly lagS?: number | null;
}

/** A measured breath matches a pacer breath when its length is within this share of the pacer's. */
const OWN_LENGTH_TOLERANCE = 0.3;
/** Measured breaths closer than this, s, are joined end to start (two analysis windows timed one onset apart). */
const JOIN_S = 1;

/**
 * The person's own breath for each breath of the pacer, where a chest sensor measured them: the measured breath
 * whose inhale began nearest the pacer's (within half a breath either side) and whose length is within 30 % of the
 * pacer's. Per-breath swings taken over the person's own breaths (Shaffer & Meehan 2020 time the heart-rate swing
 * against a respirometer's breath, not the pacer's) leave out what the pacer alone cannot see: a breath the person
 * skipped or stretched, or took twice, gives null rather than a swing credited to the pacer's rate. Where no measured
 * breath overlaps a pacer breath at all (no chest signal then), or the pacer's breath ends after the last measured one
 * (not measured yet: the chest's breaths arrive a few seconds late), the pacer's breath stands, as without a sensor.
 */
export function ownBreaths(
  spans: readonly PacedBreath[],
  measured: readonly MeasuredBreath[],
): (PacedBreath | null)[] {
  let first = 0;
  let previous: PacedBreath | null = null;
  // Chest breaths are logged a few seconds after they end: past the last one, whether a breath was taken is not
  // known yet, and the pacer's breath stands (as without a sensor) rather than counting as not taken.
  const measuredToS = measured[measured.length - 1]?.endS ?? Number.NEGATIVE_INFINITY;
  return spans.map((span) => {
    const periodS = span.endS - span.startS;
    while (first < measured.length && (measured[first] as MeasuredBreath).endS <= span.startS) first += 1;
    let overlaps = false;
    let best: MeasuredBreath | null = null;
    for (let k = first; k < measured.length; k += 1) {
      const m = measured[k] as MeasuredBreath;
      if (m.inhaleS >= span.endS) break;
      overlaps = true;
      const length = m.endS - m.inhaleS;
      const near = Math.abs(m.inhaleS - span.startS) <= periodS / 2;
      const alike = Math.abs(length - periodS) <= OWN_LENGTH_TOLERANCE * periodS;
      if (
        near &&
        alike &&
        (!best || Math.abs(m.inhaleS - span.startS) < Math.abs(best.inhaleS - span.startS))
      )
        best = m;
    }
    if (!overlaps) {
      previous = null;
      return span;
    }
    if (!best) {
      previous = null;
      return span.endS > measuredToS ? span : null;
    }
    const startS: number =
      previous && Math.abs(best.inhaleS - previous.endS) <= JOIN_S ? previous.endS : best.inhaleS;
    const own = { startS, endS: best.endS };
    previous = own;
    return own;
  });
}

/**
 * {@link breathSwings} over the person's own breaths ({@link ownBreaths}) when measured breaths are given; each
 * swing keeps the pacer breath's times and rate (the rate the protocol asked for), with a null swing where the person
 * did not take that breath with the pacer. With `overOwn` false the swings are fitted over the pacer's breaths and
 * the measured ones only leave out the breaths not taken. With the pacer's lung volume (`volumeAt`), each swing also
 * carries the phase of heart rate against the person's breath ({@link breathPhases}). Without measured breaths it is
 * {@link breathSwings}.
 */
export function measuredBreathSwings(
  series: HeartRateSamples,
  spans: readonly PacedBreath[],
  windowBreaths = 1,
  measured?: readonly MeasuredBreath[],
  overOwn = true,
  volumeAt?: (timeS: number) => number,
): BreathSwing[] {
  if (!measured || measured.length === 0) return breathSwings(series, spans, windowBreaths);
  const own = ownBreaths(spans, measured);
  const taken = own.flatMap((b, i) => (b === null ? [] : [overOwn ? b : (spans[i] as PacedBreath)]));
  const swings = breathSwings(series, taken, windowBreaths);
  const phases = volumeAt ? breathPhases(series, spans, windowBreaths, measured, volumeAt) : null;
  let k = 0;
  return spans.map((span, i) => {
    const periodS = span.endS - span.startS;
    const base = { startS: span.startS, endS: span.endS, rateBpm: periodS > 0 ? 60 / periodS : 0 };
    const phase = phases ? { breathPhaseDeg: own[i] === null ? null : (phases[i] ?? null) } : {};
    if (own[i] === null) return { ...base, swingBpm: null, maxMinBpm: null, ...phase };
    const s = swings[k] as BreathSwing;
    k += 1;
    return { ...base, swingBpm: s.swingBpm, maxMinBpm: s.maxMinBpm, ...phase };
  });
}

/** A breath's phase needs a measured lag from at least this many of the person's breaths in its fit window. */
const MIN_LAGGED_BREATHS = 2;

/**
 * The phase of heart rate against the person's own breath, for each breath of the pacer: the angle by which the
 * heart-rate oscillation at the breath's rate trails the person's lung volume, fitted over the breath and the
 * `windowBreaths` − 1 before it (as for the swing), degrees in (−180, 180]; positive when heart rate peaks after the
 * lungs are fullest. The person's lung volume is the pacer's (`volumeAt`) delayed by the lag the chest analysis
 * measured (the median over the person's breaths in the window, {@link MeasuredBreath.lagS}); null where fewer than
 * two measured breaths there carry a lag, or the window has too few samples. This is the phase relation Vaschillo,
 * Lehrer et al. (2002) and Shaffer & Meehan (2020) read against a respirometer: heart rate leads the breath below
 * the resonance frequency and trails it above, passing close to in phase at resonance.
 */
export function breathPhases(
  series: HeartRateSamples,
  spans: readonly PacedBreath[],
  windowBreaths: number,
  measured: readonly MeasuredBreath[],
  volumeAt: (timeS: number) => number,
): (number | null)[] {
  const { timeS, hrBpm } = series;
  return spans.map((span, i) => {
    const periodS = span.endS - span.startS;
    if (!(periodS > 0)) return null;
    let fromS = span.startS;
    for (let k = 1; k < windowBreaths; k += 1) {
      const earlier = spans[i - k];
      if (!earlier || Math.abs(earlier.endS - fromS) > 1e-6) break;
      fromS = earlier.startS;
    }
    const lags = measured
      .filter((m) => m.inhaleS >= fromS - periodS / 2 && m.inhaleS < span.endS)
      .flatMap((m) => (typeof m.lagS === 'number' && Number.isFinite(m.lagS) ? [m.lagS] : []));
    if (lags.length < MIN_LAGGED_BREATHS) return null;
    const lengthS = span.endS - fromS;
    const inside = countInside(timeS, fromS, span.endS);
    if (inside < MIN_SAMPLES * windowBreaths) return null;
    const n = Math.max(8, Math.round(lengthS * FIT_HZ));
    const stepS = lengthS / n;
    const firstS = fromS + stepS / 2;
    const heart = fitSine(interpolateLinear(timeS, hrBpm, firstS, stepS, n), 1, lengthS / periodS / n);
    const volume = fitSine(
      Float64Array.from({ length: n }, (_, k) => volumeAt(firstS + k * stepS)),
      1,
      lengthS / periodS / n,
    );
    const lagAngle = (2 * Math.PI * median(lags)) / periodS;
    return wrapDeg(((heart.phaseRad - volume.phaseRad - lagAngle) * 180) / Math.PI);
  });
}

function countInside(timeS: readonly number[], fromS: number, toS: number): number {
  let count = 0;
  for (const t of timeS) if (t >= fromS && t < toS) count += 1;
  return count;
}

/** One breath's response. */
export interface BreathSwing {
  readonly startS: number;
  readonly endS: number;
  /** The breath's rate, breaths/min. */
  readonly rateBpm: number;
  /** Peak-to-trough swing of the fitted one-breath oscillation, bpm; null: too few samples in the breath. */
  readonly swingBpm: number | null;
  /** Highest minus lowest heart-rate sample in the breath, bpm; null: too few samples. */
  readonly maxMinBpm: number | null;
  /**
   * Phase of heart rate against the person's measured breath over the fit window ({@link breathPhases}), degrees;
   * absent or null without a chest sensor's breaths.
   */
  readonly breathPhaseDeg?: number | null;
}

/** Evenly spaced samples per second inside a breath for the one-cycle fit. */
const FIT_HZ = 4;
/** A breath needs this many heart-rate samples, and no gap between them longer than a third of the breath. */
const MIN_SAMPLES = 4;

/** The response of each breath (see the module comment). */
export function breathSwings(
  series: HeartRateSamples,
  breaths: readonly PacedBreath[],
  windowBreaths = 1,
): BreathSwing[] {
  const { timeS, hrBpm } = series;
  let first = 0;
  return breaths.map((b, i) => {
    const periodS = b.endS - b.startS;
    const base = { startS: b.startS, endS: b.endS, rateBpm: periodS > 0 ? 60 / periodS : 0 };
    while (first < timeS.length && (timeS[first] as number) < b.startS) first += 1;
    let last = first;
    let lo = Infinity;
    let hi = -Infinity;
    while (last < timeS.length && (timeS[last] as number) < b.endS) {
      const hr = hrBpm[last] as number;
      lo = Math.min(lo, hr);
      hi = Math.max(hi, hr);
      last += 1;
    }
    if (periodS <= 0 || last - first < MIN_SAMPLES) return { ...base, swingBpm: null, maxMinBpm: null };
    // The fit window: this breath and up to windowBreaths − 1 before it, when they join on without a gap.
    let fromS = b.startS;
    for (let k = 1; k < windowBreaths; k += 1) {
      const earlier = breaths[i - k];
      if (!earlier || Math.abs(earlier.endS - fromS) > 1e-6) break;
      fromS = earlier.startS;
    }
    const lengthS = b.endS - fromS;
    let start = first;
    while (start > 0 && (timeS[start - 1] as number) >= fromS) start -= 1;
    let widestGapS = 0;
    let previousS = fromS;
    for (let k = start; k < last; k += 1) {
      widestGapS = Math.max(widestGapS, (timeS[k] as number) - previousS);
      previousS = timeS[k] as number;
    }
    widestGapS = Math.max(widestGapS, b.endS - previousS);
    if (widestGapS > periodS / 3) return { ...base, swingBpm: null, maxMinBpm: null };
    // Samples a little either side of the window anchor the interpolation at its ends.
    const n = Math.max(8, Math.round(lengthS * FIT_HZ));
    const from = Math.max(0, start - 1);
    const to = Math.min(timeS.length, last + 1);
    const x = interpolateLinear(
      timeS.slice(from, to),
      hrBpm.slice(from, to),
      fromS + lengthS / (2 * n),
      lengthS / n,
      n,
    );
    return { ...base, swingBpm: 2 * fitSine(x, 1, lengthS / periodS / n).amplitude, maxMinBpm: hi - lo };
  });
}

/**
 * Interquartile mean: the mean of the middle half of the values (a 25 %-trimmed mean; Tukey 1962, Wilcox 2012);
 * the median for fewer than four. Nulls are left out; null when none is left.
 */
export function robustMean(values: readonly (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  const n = xs.length;
  if (n === 0) return null;
  if (n < 4) return median(xs);
  const cut = Math.floor(n / 4);
  const mid = xs.slice(cut, n - cut);
  return mid.reduce((s, v) => s + v, 0) / mid.length;
}

/** A sinusoid fitted at one frequency: its peak-to-trough swing and the power it carries (variance). */
export interface PacedFit {
  /** Peak-to-trough swing of the fitted sinusoid, in the unit of the input. */
  readonly swing: number;
  /** Variance of the fitted sinusoid (power at the paced rate), unit². */
  readonly power: number;
}

/**
 * Least-squares sinusoid (with mean and linear trend) at `rateBpm` fitted to `values` sampled at `timeS` over
 * [fromS, toS), resampled evenly at 4 Hz; null with fewer than 10 samples or less than one breath of data.
 */
export function fitAtRate(
  timeS: readonly number[],
  values: readonly number[],
  fromS: number,
  toS: number,
  rateBpm: number,
): PacedFit | null {
  const inside = timeS.filter((t) => t >= fromS && t < toS).length;
  if (inside < 10 || toS - fromS < 60 / rateBpm) return null;
  const n = Math.floor((toS - fromS) * FIT_HZ);
  const x = interpolateLinear(timeS, values, fromS, 1 / FIT_HZ, n);
  const { amplitude } = fitSine(x, FIT_HZ, rateBpm / 60);
  return { swing: 2 * amplitude, power: (amplitude * amplitude) / 2 };
}

/**
 * Transfer gain from the pacer's lung volume to heart rate at the breathing rate over a window: heart-rate swing
 * per full swing of the pacer's volume, bpm; null when either fit is not possible.
 */
export function transferGain(
  series: HeartRateSamples,
  volumeAt: (timeS: number) => number,
  fromS: number,
  toS: number,
  rateBpm: number,
): number | null {
  const hr = fitAtRate(series.timeS, series.hrBpm, fromS, toS, rateBpm);
  const times: number[] = [];
  const volumes: number[] = [];
  for (let t = fromS; t < toS; t += 1 / FIT_HZ) {
    times.push(t);
    volumes.push(volumeAt(t));
  }
  const volume = fitAtRate(times, volumes, fromS, toS, rateBpm);
  if (!hr || !volume || volume.swing <= 1e-9) return null;
  return hr.swing / volume.swing;
}

/** Gaussian elimination with partial pivoting. */
function solve(m: number[][], v: number[]): number[] {
  const n = v.length;
  const a = m.map((row, i) => [...row, v[i] as number]);
  for (let c = 0; c < n; c += 1) {
    let p = c;
    for (let r = c + 1; r < n; r += 1) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    const pivot = a[c]![c]! || 1e-12;
    for (let r = c + 1; r < n; r += 1) {
      const f = a[r]![c]! / pivot;
      for (let k = c; k <= n; k += 1) a[r]![k] = a[r]![k]! - f * a[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r -= 1) {
    let s = a[r]![n]!;
    for (let k = r + 1; k < n; k += 1) s -= a[r]![k]! * x[k]!;
    x[r] = s / (a[r]![r]! || 1e-12);
  }
  return x;
}

/**
 * A robust locally weighted quadratic regression of y on x (LOESS: Cleveland 1979), evaluated at `at`: tricube
 * weights over the nearest `span` share of the points, then two robustness passes that down-weight points by the
 * bisquare of their residual over six median absolute residuals, so a run of sighs cannot bend the curve. Returns
 * null where fewer than four points carry weight.
 */
export function robustLoess(
  xs: readonly number[],
  ys: readonly number[],
  at: readonly number[],
  span: number,
  weights?: readonly number[],
): (number | null)[] {
  const n = xs.length;
  let robust = new Array<number>(n).fill(1);
  const fitAt = (x0: number, rw: number[]): number | null => {
    const dist = xs.map((x) => Math.abs(x - x0));
    const sorted = [...dist].sort((a, b) => a - b);
    const q = Math.max(4, Math.ceil(span * n));
    const h = Math.max(1e-9, (sorted[Math.min(n - 1, q - 1)] ?? 0) * 1.0001);
    const { ata, aty, used } = quadraticNormalEquations(xs, ys, x0, (i) => {
      const u = (dist[i] as number) / h;
      return u < 1 ? (1 - u * u * u) ** 3 * (rw[i] as number) * (weights?.[i] ?? 1) : 0;
    });
    if (used < 4) return null;
    return solve(ata, aty)[0] ?? null;
  };
  for (let pass = 0; pass < 2; pass += 1) {
    const residuals = xs.map((x, i) => Math.abs((ys[i] as number) - (fitAt(x, robust) ?? (ys[i] as number))));
    const mad = [...residuals].sort((a, b) => a - b)[n >> 1] ?? 0;
    if (mad <= 1e-12) break;
    robust = residuals.map((r) => {
      const u = r / (6 * mad);
      return u < 1 ? (1 - u * u) ** 2 : 0;
    });
  }
  return at.map((x0) => fitAt(x0, robust));
}

/** A weighted least-squares parabola y = a + b·(x − centre) + c·(x − centre)², with standard errors. */
export interface QuadraticFit {
  readonly centre: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly seB: number;
  readonly seC: number;
  /** Covariance of b and c (same assumptions as the standard errors). */
  readonly covBC: number;
  /** Weighted residual standard deviation. */
  readonly residualSd: number;
}

/**
 * A Gaussian prior on the curvature c of {@link robustQuadratic} (ridge regression toward `c`, Hoerl & Kennard
 * 1970; in Bayesian terms the posterior mean under a normal prior, Gelman et al. 2013, ch. 14): `sd` is the prior
 * standard deviation of c, and `inflation` the factor by which correlated residuals inflate the residual variance
 * (overlapping fit windows), so the prior weighs against the data's real information.
 */
export interface CurvaturePrior {
  readonly c: number;
  readonly sd: number;
  readonly inflation: number;
}

/**
 * Robust weighted quadratic regression: ordinary weighted least squares, then two passes re-weighting each point by
 * the bisquare of its residual over six median absolute residuals (Cleveland 1979's robustness step), so outliers
 * such as sighs barely count. Standard errors from the weighted residual variance (they assume independent
 * residuals; callers allow for correlation). Null with fewer than five points or a singular design.
 */
export function robustQuadratic(
  xs: readonly number[],
  ys: readonly number[],
  weights: readonly number[],
  prior?: CurvaturePrior,
  /** Residuals smaller than this are never treated as outliers (a floor under the median absolute residual). */
  minScale = 0,
): QuadraticFit | null {
  const n = xs.length;
  if (n < 5) return null;
  let wsum = 0;
  let xsum = 0;
  for (let i = 0; i < n; i += 1) {
    wsum += weights[i] as number;
    xsum += (weights[i] as number) * (xs[i] as number);
  }
  if (wsum <= 0) return null;
  const centre = xsum / wsum;
  let robust = new Array<number>(n).fill(1);
  let result: QuadraticFit | null = null;
  // The prior's weight needs the residual variance: a first guess (log swing scatter), then the last pass's.
  let sigma2Prior = 0.1;
  for (let pass = 0; pass < 3; pass += 1) {
    const rw = robust;
    const { ata, aty, wTotal } = quadraticNormalEquations(
      xs,
      ys,
      centre,
      (i) => (weights[i] as number) * (rw[i] as number),
    );
    if (prior) {
      const lambda = (prior.inflation * sigma2Prior) / (prior.sd * prior.sd);
      (ata[2] as number[])[2] = ((ata[2] as number[])[2] as number) + lambda;
      aty[2] = (aty[2] as number) + lambda * prior.c;
    }
    const inv = invert3(ata);
    if (!inv || wTotal <= 0) return result;
    const coef = [0, 1, 2].map((r) => [0, 1, 2].reduce((s, c) => s + inv[r]![c]! * aty[c]!, 0));
    const [a, b, c] = coef as [number, number, number];
    const residuals = xs.map((x, i) => {
      const d = x - centre;
      return (ys[i] as number) - (a + b * d + c * d * d);
    });
    let rss = 0;
    let wEff = 0;
    for (let i = 0; i < n; i += 1) {
      const w = (weights[i] as number) * (robust[i] as number);
      rss += w * (residuals[i] as number) ** 2;
      wEff += w;
    }
    // Variance of a unit-weight residual; with weights summing to wEff, (XᵀWX)⁻¹·σ² is the covariance.
    const dof = Math.max(1, n - 3);
    const sigma2 = (rss / wEff) * (n / dof);
    const scale = wEff / n;
    result = {
      centre,
      a,
      b,
      c,
      seB: Math.sqrt(Math.max(0, inv[1]![1]! * sigma2 * scale)),
      seC: Math.sqrt(Math.max(0, inv[2]![2]! * sigma2 * scale)),
      covBC: inv[1]![2]! * sigma2 * scale,
      residualSd: Math.sqrt(sigma2),
    };
    sigma2Prior = Math.max(1e-4, sigma2 * scale);
    const mad = Math.max(minScale, [...residuals.map(Math.abs)].sort((p, q) => p - q)[n >> 1] ?? 0);
    if (mad <= 1e-12) break;
    robust = residuals.map((r) => {
      const u = Math.abs(r) / (6 * mad);
      return u < 1 ? (1 - u * u) ** 2 : 0;
    });
  }
  return result;
}

/** Weighted normal equations of y = a + b·(x − centre) + c·(x − centre)², with the weight of each point. */
function quadraticNormalEquations(
  xs: readonly number[],
  ys: readonly number[],
  centre: number,
  weightOf: (i: number) => number,
): { ata: number[][]; aty: number[]; used: number; wTotal: number } {
  const ata = [0, 0, 0].map(() => [0, 0, 0]);
  const aty = [0, 0, 0];
  let used = 0;
  let wTotal = 0;
  for (let i = 0; i < xs.length; i += 1) {
    const w = weightOf(i);
    if (!(w > 0)) continue;
    used += 1;
    wTotal += w;
    const d = (xs[i] as number) - centre;
    const row = [1, d, d * d];
    for (let r = 0; r < 3; r += 1) {
      aty[r] = (aty[r] as number) + w * (row[r] as number) * (ys[i] as number);
      for (let c = 0; c < 3; c += 1)
        (ata[r] as number[])[c] =
          ((ata[r] as number[])[c] as number) + w * (row[r] as number) * (row[c] as number);
    }
  }
  return { ata, aty, used, wTotal };
}

function invert3(m: number[][]): number[][] | null {
  const [a, b, c] = m[0] as [number, number, number];
  const [d, e, f] = m[1] as [number, number, number];
  const [g, h, i] = m[2] as [number, number, number];
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  if (!Number.isFinite(det) || Math.abs(det) < 1e-14) return null;
  return [
    [(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det],
    [(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det],
    [(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det],
  ];
}
