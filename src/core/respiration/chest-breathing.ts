/**
 * Breathing measured from a chest accelerometer (a Polar H10's), breath by breath, and set against the pacer.
 *
 * The method follows Bates et al. 2010 ("Respiratory rate and flow waveform estimation from tri-axial accelerometer
 * data", BSN 2010, 144-150): breathing tilts the sensor, so the respiration signal is the acceleration projected on
 * its principal axis of variation (PCA over a window) after band-limiting to breathing rates, here 0.05-0.7 Hz
 * (3-42 breaths/min). Movement is rejected as in accelerometer respiration monitors generally (Bates et al. again;
 * Hernandez et al. 2015, BioGlass): one-second epochs whose power outside the breathing band (0.7-5 Hz) is far above
 * the window's typical level are movement, and a window with too many of them is not measured (these three-axis
 * steps, movement and the principal axis, are in chest-axes.ts). Breaths are the cycles of the respiration signal by
 * Schäfer & Kratky's (2008) extrema counting: a minimum is an inhale onset, a maximum an exhale onset. The lag
 * behind the pacer is the delay that best aligns the pacer's volume with the breath (the peak of their
 * cross-correlation, as for the phase of heart rate against breathing: Vaschillo et al. 2002), and the phase is that
 * lag as a share of the pacer's breath, in degrees.
 *
 * The sign of a principal axis is arbitrary; it is kept continuous from window to window, and set once with the
 * pacer, when the breath clearly follows it, so that inhaling is upward (a breath running more than a quarter of a
 * breath against the pacer at that first moment would be read inverted).
 */
import { wrapDeg } from '../hrv/biofeedback';
import { bandPass, countCycles, spectralPeak } from './band';
import { bridgeMovement, dot, movementEpochs, principalAxis, project } from './chest-axes';

/** Session time of each sample, s, and x, y, z interleaved, mG. */
export interface AccelerationChunk {
  readonly timeS: ArrayLike<number>;
  readonly xyzMg: ArrayLike<number>;
}

export interface Breath {
  /** Session time the inhale began (a minimum of the chest signal), s. */
  readonly inhaleS: number;
  /** Session time the exhale began (the maximum after it), s. */
  readonly exhaleS: number;
  /** Session time of the next inhale, s: the breath's end. */
  readonly endS: number;
}

/** The respiration signal, evenly sampled: value k is at `startS + k * stepS`, in arbitrary units (mG on the axis). */
export interface BreathSignal {
  readonly startS: number;
  readonly stepS: number;
  readonly values: Float32Array;
}

export type ChestBreathing =
  | {
      readonly status: 'ok';
      /** Breathing rate over the window, breaths/min: 60 over the mean breath. */
      readonly rateBpm: number;
      readonly breaths: readonly Breath[];
      /** How far the breath runs behind the pacer, s (negative: ahead); null without a pacer or a clear match. */
      readonly lagS: number | null;
      /** The same lag as a phase of the pacer's breath, degrees, -180..180; null when `lagS` is. */
      readonly phaseDeg: number | null;
      /** Correlation of the breath with the pacer at that lag, -1..1; null without a pacer. */
      readonly pacerCorrelation: number | null;
      readonly signal: BreathSignal;
    }
  | { readonly status: 'cannot-measure'; readonly reason: ChestBreathingProblem };

/**
 * No measure: too little signal yet (`too-short`), samples missing in the window (`gap`), the person moving
 * (`movement`), or no breathing rhythm in the signal (`no-breathing`).
 */
export type ChestBreathingProblem = 'too-short' | 'gap' | 'movement' | 'no-breathing';

/** The pacer as the analysis needs it: its volume (0..1) at a session time, and its current breath length, s. */
export interface PacerReference {
  readonly volumeAt: (timeS: number) => number;
  readonly periodS: number;
}

export interface ChestBreathingOptions {
  /** Analysis window, s (default 60: six breaths at 6/min). */
  readonly windowS?: number;
  /** Shortest window that is analysed, s. */
  readonly minWindowS?: number;
}

const FS_HZ = 10;
const LO_HZ = 0.05;
const HI_HZ = 0.7;
/** Samples either side of an extremum in the parabola that times it. */
const REFINE_HALF = 5;
/** A window with more than this share of movement epochs is not measured. */
const MAX_MOVEMENT_SHARE = 0.2;
/** Largest hole in the samples that is bridged, s. */
const MAX_HOLE_S = 1;
/** Spectral purity below which the window holds no breathing rhythm (band-limited noise gives about 0.2). */
const MIN_PURITY = 0.35;
/** The breath must correlate this well with the pacer to fix the sign of the axis. */
const SIGN_CORRELATION = 0.5;
/**
 * The sign of the axis is taken from the breath's shape only when one sign matches the pacer clearly better (by this
 * much correlation); otherwise the sign whose lag is nearer zero is right, since a person breathing with a pacer
 * runs a second or so behind it, not half a breath. (The pacer's inhale is shorter than its exhale, but after
 * band-limiting its shape differs from the inverted one's by a few hundredths of correlation, while a sigh or a
 * shallow breath in the first window costs the right sign up to 0.22: on the validation people a 0.02 margin read
 * 14 of 90 simulated chests inverted, a half-breath error in the lag, and 0.2 still 2 of 30; this margin, none.)
 */
const SHAPE_MARGIN = 0.4;

/**
 * Keeps the last window of chest acceleration and measures breathing from it on request. Pure: times are the
 * caller's session clock.
 */
export class ChestBreathingTracker {
  readonly #windowS: number;
  readonly #minWindowS: number;
  #times: number[] = [];
  #xyz: number[] = [];
  /** Last principal axis (for sign continuity) and the sign fixed with the pacer. */
  #axis: [number, number, number] | null = null;
  #signFixed = false;

  constructor(options: ChestBreathingOptions = {}) {
    this.#windowS = options.windowS ?? 60;
    this.#minWindowS = options.minWindowS ?? Math.min(30, this.#windowS);
  }

  /** Add samples in time order; samples out of order, or not finite, are skipped. */
  push(chunk: AccelerationChunk): void {
    const n = Math.min(chunk.timeS.length, Math.floor(chunk.xyzMg.length / 3));
    for (let i = 0; i < n; i += 1) {
      const t = chunk.timeS[i]!;
      const x = chunk.xyzMg[3 * i]!;
      const y = chunk.xyzMg[3 * i + 1]!;
      const z = chunk.xyzMg[3 * i + 2]!;
      const last = this.#times[this.#times.length - 1];
      if (![t, x, y, z].every(Number.isFinite) || (last !== undefined && t <= last)) continue;
      this.#times.push(t);
      this.#xyz.push(x, y, z);
    }
    const cut = (this.#times[this.#times.length - 1] ?? 0) - this.#windowS - 5;
    let drop = 0;
    while (drop < this.#times.length && this.#times[drop]! < cut) drop += 1;
    if (drop > 0) {
      this.#times.splice(0, drop);
      this.#xyz.splice(0, 3 * drop);
    }
  }

  /** Forget everything (a new session, or a reconnection after a long gap). */
  reset(): void {
    this.#times = [];
    this.#xyz = [];
    this.#axis = null;
    this.#signFixed = false;
  }

  /** Measure breathing over the window ending at the newest sample, against the pacer when given. */
  analyse(pacer?: PacerReference): ChestBreathing {
    const times = this.#times;
    const endS = times[times.length - 1];
    if (endS === undefined) return { status: 'cannot-measure', reason: 'too-short' };
    const startS = Math.max(times[0]!, endS - this.#windowS);
    if (endS - startS < this.#minWindowS) return { status: 'cannot-measure', reason: 'too-short' };
    const grid = this.#resample(startS, endS);
    if (grid === null) return { status: 'cannot-measure', reason: 'gap' };

    const moving = movementEpochs(grid, FS_HZ, HI_HZ);
    if (moving.filter(Boolean).length > MAX_MOVEMENT_SHARE * moving.length) {
      return { status: 'cannot-measure', reason: 'movement' };
    }
    bridgeMovement(grid, moving, FS_HZ);
    const bands = grid.map((axis) => bandPass(axis, FS_HZ, LO_HZ, HI_HZ, 0.03));
    let axis = principalAxis(bands);
    if (this.#axis && dot(axis, this.#axis) < 0) axis = [-axis[0], -axis[1], -axis[2]];
    const n = bands[0]!.length;
    let signal = project(bands, axis);

    let lag: { lagS: number; correlation: number } | null = null;
    if (pacer && Number.isFinite(pacer.periodS) && pacer.periodS > 0) {
      const reference = bandPass(
        Float64Array.from({ length: n }, (_, k) => pacer.volumeAt(startS + k / FS_HZ)),
        FS_HZ,
        LO_HZ,
        HI_HZ,
        0.03,
      );
      lag = bestLag(signal, reference, pacer.periodS);
      if (!this.#signFixed) {
        const inverted = signal.map((v) => -v);
        const other = bestLag(inverted, reference, pacer.periodS);
        // The sign that matches the pacer's shape clearly better, else the one that puts the breath nearer the pacer.
        const flip =
          Math.abs(other.correlation - lag.correlation) > SHAPE_MARGIN
            ? other.correlation > lag.correlation
            : Math.abs(other.lagS) < Math.abs(lag.lagS);
        if (flip) {
          axis = [-axis[0], -axis[1], -axis[2]];
          signal = inverted;
          lag = other;
        }
        if (lag.correlation >= SIGN_CORRELATION) this.#signFixed = true;
      }
    }
    this.#axis = axis;

    const peak = spectralPeak(signal, FS_HZ, LO_HZ, HI_HZ, { segmentS: this.#windowS, halfWidthHz: 0.05 });
    if (peak === null || peak.purity < MIN_PURITY)
      return { status: 'cannot-measure', reason: 'no-breathing' };
    const cycles = countCycles(signal);
    if (cycles.length < 2) return { status: 'cannot-measure', reason: 'no-breathing' };
    const at = (k: number) => startS + refineExtremum(signal, k) / FS_HZ;
    // Cycles here are maximum to maximum; breaths are minimum (inhale) to the next minimum.
    const breaths: Breath[] = [];
    for (let c = 0; c + 1 < cycles.length; c += 1) {
      const here = cycles[c]!;
      const next = cycles[c + 1]!;
      breaths.push({ inhaleS: at(here.min), exhaleS: at(here.endMax), endS: at(next.min) });
    }
    if (breaths.length < 1) return { status: 'cannot-measure', reason: 'no-breathing' };
    const spanS = breaths[breaths.length - 1]!.endS - breaths[0]!.inhaleS;
    const rateBpm = (60 * breaths.length) / spanS;
    const values = Float32Array.from(signal);
    const phaseDeg = lag === null || !pacer ? null : wrapDeg((360 * lag.lagS) / pacer.periodS);
    return {
      status: 'ok',
      rateBpm,
      breaths,
      lagS: lag?.lagS ?? null,
      phaseDeg,
      pacerCorrelation: lag?.correlation ?? null,
      signal: { startS, stepS: 1 / FS_HZ, values },
    };
  }

  /** The three axes on an even grid over [startS, endS], linearly interpolated; null when a hole is too long. */
  #resample(startS: number, endS: number): Float64Array[] | null {
    const times = this.#times;
    const count = Math.floor((endS - startS) * FS_HZ) + 1;
    const out = [new Float64Array(count), new Float64Array(count), new Float64Array(count)];
    let j = 0;
    while (j < times.length - 1 && times[j + 1]! <= startS) j += 1;
    for (let k = 0; k < count; k += 1) {
      const t = startS + k / FS_HZ;
      while (j < times.length - 2 && times[j + 1]! < t) j += 1;
      const t0 = times[j]!;
      const t1 = times[j + 1] ?? t0;
      if (t1 - t0 > MAX_HOLE_S) return null;
      const w = t1 > t0 ? Math.min(1, Math.max(0, (t - t0) / (t1 - t0))) : 0;
      for (let c = 0; c < 3; c += 1) {
        const a = this.#xyz[3 * j + c]!;
        const b = this.#xyz[3 * (j + 1) + c] ?? a;
        out[c]![k] = a + (b - a) * w;
      }
    }
    return out;
  }
}

/** Pearson correlation of x(t) with ref(t - lag), lag in samples, over their overlap. */
function correlationAt(x: Float64Array, ref: Float64Array, lag: number): number {
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let k = Math.max(0, lag); k < Math.min(x.length, ref.length + lag); k += 1) {
    const a = x[k]!;
    const b = ref[k - lag]!;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** The lag within half a pacer breath either way that best aligns the breath with the pacer, parabola-refined. */
function bestLag(x: Float64Array, ref: Float64Array, periodS: number): { lagS: number; correlation: number } {
  const max = Math.floor((periodS / 2) * FS_HZ);
  let best = 0;
  let bestR = Number.NEGATIVE_INFINITY;
  const r: number[] = [];
  for (let lag = -max; lag <= max; lag += 1) {
    const value = correlationAt(x, ref, lag);
    r.push(value);
    if (value > bestR) {
      bestR = value;
      best = lag;
    }
  }
  const i = best + max;
  const r0 = r[i - 1];
  const r2 = r[i + 1];
  let shift = 0;
  if (r0 !== undefined && r2 !== undefined) {
    const d = r0 - 2 * bestR + r2;
    if (d < 0) shift = Math.max(-0.5, Math.min(0.5, (0.5 * (r0 - r2)) / d));
  }
  return { lagS: (best + shift) / FS_HZ, correlation: bestR };
}

/**
 * Sub-sample position of the extremum near index k: the vertex of the least-squares parabola through the samples
 * within half a second either side (the top of a breath is flat, so three points would follow the noise; a wider
 * fit would lean toward the slower side of an asymmetric breath).
 */
function refineExtremum(x: Float64Array, k: number): number {
  const from = Math.max(0, k - REFINE_HALF);
  const to = Math.min(x.length - 1, k + REFINE_HALF);
  // Normal equations for y = a + b u + c u^2 with u = i - k.
  let s0 = 0,
    s1 = 0,
    s2 = 0,
    s3 = 0,
    s4 = 0,
    t0 = 0,
    t1 = 0,
    t2 = 0;
  for (let i = from; i <= to; i += 1) {
    const u = i - k;
    const y = x[i]!;
    s0 += 1;
    s1 += u;
    s2 += u * u;
    s3 += u * u * u;
    s4 += u * u * u * u;
    t0 += y;
    t1 += u * y;
    t2 += u * u * y;
  }
  const det = s0 * (s2 * s4 - s3 * s3) - s1 * (s1 * s4 - s2 * s3) + s2 * (s1 * s3 - s2 * s2);
  if (det === 0) return k;
  const b = (s0 * (t1 * s4 - s3 * t2) - t0 * (s1 * s4 - s2 * s3) + s2 * (s1 * t2 - t1 * s2)) / det;
  const c = (s0 * (s2 * t2 - t1 * s3) - s1 * (s1 * t2 - t1 * s2) + t0 * (s1 * s3 - s2 * s2)) / det;
  if (c === 0) return k;
  const vertex = -b / (2 * c);
  return Math.abs(vertex) <= REFINE_HALF ? k + vertex : k;
}
