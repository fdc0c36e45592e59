/**
 * Heart rhythm coherence, HeartMath style (McCraty et al. 2009, "The coherent heart", Integral Review 5(2);
 * HeartMath's published description: the last 64 s of inter-beat intervals interpolated every 500 ms, 128
 * samples, the power in the highest peak of 0.04-0.26 Hz against the rest of the spectrum). Their exact
 * interpolation and taper are unpublished, so this follows the specification in the reference README:
 * - beat times cumsum(RR) / 1000; RR linearly interpolated at 2 Hz on t_end - 64 + 0.5 k, k = 1..128;
 * - mean removed, no taper, FFT zero-padded to 1024; one-sided density |X|^2 / (fs * 128), doubled except at DC
 *   and Nyquist;
 * - peak = the highest bin in [0.04, 0.26] Hz; peak power = trapezoid over [f_pk - 0.015, f_pk + 0.015] Hz;
 *   total = trapezoid over 0-1 Hz; ratio = peak / (total - peak).
 *
 * Score: HeartMath shows a 0-16 coherence score but does not publish its mapping. Here the score is the ratio
 * itself clamped to [0, 16]: their guide's levels (0.5 basic, 2.0 very good) sit on the ratio's scale, and a pure
 * sine at 0.1 Hz scores 9.17. It is this project's definition, not HeartMath's.
 */
import { powerSpectrum } from './fft';
import { notDefined, notEnough, ok, type Measure } from './measure';
import { interpolateLinear, removeMean } from './resample';

export const COHERENCE_WINDOW_S = 64;
const FS_HZ = 2;
const SAMPLES = 128;
const NFFT = 1024;
const PEAK_LO_HZ = 0.04;
const PEAK_HI_HZ = 0.26;
const PEAK_HALF_WIDTH_HZ = 0.015;
const COHERENCE_MAX_SCORE = 16;

export interface Coherence {
  readonly ratio: Measure;
  readonly peakHz: Measure;
  /** 0-16, see the module comment. */
  readonly score: Measure;
}

const work = { re: new Float64Array(NFFT), im: new Float64Array(NFFT) };

/**
 * Coherence of the 64 s window ending at `tEndS` (s, on the clock of `timeS`). Needs beats from at least 64 s
 * before the end of the window.
 */
export function coherenceAt(timeS: ArrayLike<number>, nnMs: ArrayLike<number>, tEndS: number): Coherence {
  const first = timeS[0] ?? Number.POSITIVE_INFINITY;
  const haveS = timeS.length > 0 ? tEndS - first : 0;
  if (timeS.length < 2 || haveS < COHERENCE_WINDOW_S) {
    const m = notEnough(Math.max(0, Math.floor(haveS)), COHERENCE_WINDOW_S, 's');
    return { ratio: m, peakHz: m, score: m };
  }
  const x = removeMean(
    interpolateLinear(timeS, nnMs, tEndS - COHERENCE_WINDOW_S + 1 / FS_HZ, 1 / FS_HZ, SAMPLES),
  );
  const power = powerSpectrum(x, NFFT, work);
  const last = power.length - 1;
  for (let k = 0; k <= last; k += 1) {
    power[k] = ((power[k] ?? 0) / (FS_HZ * SAMPLES)) * (k === 0 || k === last ? 1 : 2);
  }
  const df = FS_HZ / NFFT;
  let peak = Math.ceil(PEAK_LO_HZ / df - 1e-9);
  for (let k = peak + 1; k * df <= PEAK_HI_HZ + 1e-12; k += 1)
    if ((power[k] ?? 0) > (power[peak] ?? 0)) peak = k;
  const peakHz = peak * df;
  const peakPower = trapezoid(
    power,
    Math.ceil((peakHz - PEAK_HALF_WIDTH_HZ) / df - 1e-9),
    Math.floor((peakHz + PEAK_HALF_WIDTH_HZ) / df + 1e-9),
    df,
  );
  const total = trapezoid(power, 0, last, df);
  const rest = total - peakPower;
  if (!(rest > 0)) {
    const m = notDefined('zero-power');
    return { ratio: m, peakHz: m, score: m };
  }
  const ratio = peakPower / rest;
  return {
    ratio: ok(ratio),
    peakHz: ok(peakHz),
    score: ok(Math.min(COHERENCE_MAX_SCORE, Math.max(0, ratio))),
  };
}

/** Trapezoid integral of `p` over bins from..to inclusive, spacing df. */
function trapezoid(p: Float64Array, from: number, to: number, df: number): number {
  let s = 0;
  for (let k = Math.max(0, from); k < Math.min(to, p.length - 1); k += 1)
    s += ((p[k] ?? 0) + (p[k + 1] ?? 0)) / 2;
  return s * df;
}

/** Coherence of the last 64 s, ending at the last beat. */
export function coherence(timeS: ArrayLike<number>, nnMs: ArrayLike<number>): Coherence {
  return coherenceAt(timeS, nnMs, timeS[timeS.length - 1] ?? 0);
}

/** Coherence every `everyS` seconds, windows ending at the last beat and every `everyS` before it, oldest first. */
export function coherenceSeries(
  timeS: ArrayLike<number>,
  nnMs: ArrayLike<number>,
  everyS = 5,
): { readonly tEndS: number; readonly coherence: Coherence }[] {
  const out: { tEndS: number; coherence: Coherence }[] = [];
  const first = timeS[0] ?? 0;
  for (let tEnd = timeS[timeS.length - 1] ?? 0; tEnd - COHERENCE_WINDOW_S >= first; tEnd -= everyS) {
    out.push({ tEndS: tEnd, coherence: coherenceAt(timeS, nnMs, tEnd) });
  }
  return out.reverse();
}
