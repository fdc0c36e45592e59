/** A one-sided power spectral density and the band measures read from it. */

export interface Spectrum {
  /** Frequencies, Hz, increasing. */
  readonly freqHz: Float64Array;
  /** Power spectral density at each frequency, ms^2/Hz (for Lomb-Scargle, astropy's 'psd' units). */
  readonly power: Float64Array;
}

/** Frequency bands, [lo, hi) Hz (Task Force 1996; README of the reference set). */
export const BANDS = {
  vlf: [0.0033, 0.04],
  lf: [0.04, 0.15],
  hf: [0.15, 0.4],
} as const satisfies Record<string, readonly [number, number]>;

/** Trapezoid integral of the density over the bins whose frequency is in [loHz, hiHz), as numpy.trapz. */
export function bandPower(s: Spectrum, loHz: number, hiHz: number): number {
  let total = 0;
  let prevF = Number.NaN;
  let prevP = 0;
  for (let k = 0; k < s.freqHz.length; k += 1) {
    const f = s.freqHz[k] ?? 0;
    if (f < loHz || f >= hiHz) continue;
    const p = s.power[k] ?? 0;
    if (!Number.isNaN(prevF)) total += ((f - prevF) * (p + prevP)) / 2;
    prevF = f;
    prevP = p;
  }
  return total;
}

/** Frequency of the highest density in [loHz, hiHz), or null when no bin falls there. */
export function peakFrequency(s: Spectrum, loHz: number, hiHz: number): number | null {
  let best: number | null = null;
  let bestP = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < s.freqHz.length; k += 1) {
    const f = s.freqHz[k] ?? 0;
    if (f < loHz || f >= hiHz) continue;
    const p = s.power[k] ?? 0;
    if (p > bestP) {
      bestP = p;
      best = f;
    }
  }
  return best;
}
