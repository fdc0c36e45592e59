/**
 * Poincaré plot descriptors (Brennan, Palaniswami & Kamen 2001, IEEE TBME 48:1342): SD1 = std((RR_n - RR_n+1)/√2),
 * SD2 = std((RR_n + RR_n+1)/√2), ddof = 1, as NeuroKit2. Only pairs of intervals that truly follow each other
 * are points of the plot.
 */
import { notDefined, notEnough, ok, type Measure } from './measure';
import { sampleStd, type NnSeries } from './series';

export interface Poincare {
  readonly sd1Ms: Measure;
  readonly sd2Ms: Measure;
  readonly sd1Sd2: Measure;
}

const POINCARE_MIN_PAIRS = 3;

export function poincare(series: NnSeries): Poincare {
  const { nnMs, follows } = series;
  const across: number[] = [];
  const along: number[] = [];
  for (let i = 1; i < nnMs.length; i += 1) {
    if (follows[i] !== 1) continue;
    const a = nnMs[i - 1] ?? 0;
    const b = nnMs[i] ?? 0;
    across.push((a - b) / Math.SQRT2);
    along.push((a + b) / Math.SQRT2);
  }
  if (across.length < POINCARE_MIN_PAIRS) {
    const m = notEnough(across.length, POINCARE_MIN_PAIRS, 'beats');
    return { sd1Ms: m, sd2Ms: m, sd1Sd2: m };
  }
  const sd1 = sampleStd(across);
  const sd2 = sampleStd(along);
  return { sd1Ms: ok(sd1), sd2Ms: ok(sd2), sd1Sd2: sd2 > 0 ? ok(sd1 / sd2) : notDefined('zero-spread') };
}
