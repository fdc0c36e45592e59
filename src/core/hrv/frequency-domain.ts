/**
 * Frequency-domain HRV (Task Force of the ESC and NASPE 1996): VLF, LF and HF power by trapezoid integration of
 * the PSD over [lo, hi) bands, total = VLF + LF + HF, LF/HF, normalised units LFnu = LF / (LF + HF) * 100, band
 * peak frequencies, and the dominant peak over 0.04-0.4 Hz. That peak is often not breathing (Mayer waves near 0.1 Hz
 * outweigh a small RSA at rest); the breathing rate is read by src/core/respiration/rr-respiration.ts.
 */
import { lombScargle } from './lomb';
import { notDefined, notEnough, ok, type Measure } from './measure';
import type { NnSeries } from './series';
import { bandPower, BANDS, peakFrequency, type Spectrum } from './spectrum';
import { HRVANALYSIS_WELCH, resampleTachogram, welchPsd } from './welch';

export interface BandMeasures {
  readonly vlfMs2: Measure;
  readonly lfMs2: Measure;
  readonly hfMs2: Measure;
  readonly totalMs2: Measure;
  readonly lfHf: Measure;
  readonly lfNu: Measure;
  readonly hfNu: Measure;
  readonly lfPeakHz: Measure;
  readonly hfPeakHz: Measure;
  /** Dominant peak over 0.04-0.4 Hz, in cycles per minute (not necessarily breathing). */
  readonly dominantPeakPerMin: Measure;
}

export interface FrequencyDomain {
  readonly welch: BandMeasures;
  /** Absolute powers here are in astropy's 'psd' units, not ms^2: read the ratios. */
  readonly lomb: BandMeasures;
}

/** LF needs at least two minutes of recording (Task Force 1996). */
const SPECTRUM_MIN_S = 120;

export function bandMeasures(s: Spectrum): BandMeasures {
  const vlf = bandPower(s, ...BANDS.vlf);
  const lf = bandPower(s, ...BANDS.lf);
  const hf = bandPower(s, ...BANDS.hf);
  const ratio = (a: number, b: number): Measure => (b > 0 ? ok(a / b) : notDefined('zero-power'));
  const freq = (f: number | null): Measure => (f === null ? notDefined('empty-band') : ok(f));
  const dominant = peakFrequency(s, BANDS.lf[0], BANDS.hf[1]);
  return {
    vlfMs2: ok(vlf),
    lfMs2: ok(lf),
    hfMs2: ok(hf),
    totalMs2: ok(vlf + lf + hf),
    lfHf: ratio(lf, hf),
    lfNu: ratio(100 * lf, lf + hf),
    hfNu: ratio(100 * hf, lf + hf),
    lfPeakHz: freq(peakFrequency(s, ...BANDS.lf)),
    hfPeakHz: freq(peakFrequency(s, ...BANDS.hf)),
    dominantPeakPerMin: freq(dominant === null ? null : dominant * 60),
  };
}

/** Every band measure not computable yet: `haveS` of the `needS` seconds the spectrum needs. */
export function notEnoughBands(haveS: number, needS = SPECTRUM_MIN_S): BandMeasures {
  const m = notEnough(Math.floor(haveS), needS, 's');
  return {
    vlfMs2: m,
    lfMs2: m,
    hfMs2: m,
    totalMs2: m,
    lfHf: m,
    lfNu: m,
    hfNu: m,
    lfPeakHz: m,
    hfPeakHz: m,
    dominantPeakPerMin: m,
  };
}

function welchSpectrum(series: NnSeries): Spectrum {
  return welchPsd(resampleTachogram(series.timeS, series.nnMs, HRVANALYSIS_WELCH.fsHz));
}

export function frequencyDomain(series: NnSeries): FrequencyDomain {
  const n = series.nnMs.length;
  const durationS = n > 1 ? (series.timeS[n - 1] ?? 0) - (series.timeS[0] ?? 0) : 0;
  if (durationS < SPECTRUM_MIN_S)
    return { welch: notEnoughBands(durationS), lomb: notEnoughBands(durationS) };
  return {
    welch: bandMeasures(welchSpectrum(series)),
    lomb: bandMeasures(lombScargle(series.timeS, series.nnMs)),
  };
}
