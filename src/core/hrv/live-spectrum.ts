/**
 * A rolling 5-minute Welch spectrum that never recomputes a segment. Segments are fixed on the session clock,
 * 64 s long every 32 s (the 256-sample Hann segments with 50 % overlap of `HRVANALYSIS_WELCH`, at 4 Hz); each
 * segment's periodogram is computed once, when the beats have passed its end, and the spectrum of the window is
 * the mean of the cached segments that lie wholly inside the last 5 minutes (Welch 1967). A beat therefore costs
 * nothing here except once every 32 s.
 */
import { powerSpectrum } from './fft';
import { bandMeasures, notEnoughBands, type BandMeasures } from './frequency-domain';
import { interpolateLinear } from './resample';
import { hann, HRVANALYSIS_WELCH } from './welch';

export const SPECTRUM_WINDOW_S = 300;
/** Segments needed before the spectrum is reported: three cover 128 s, past the 2 minutes LF needs. */
const SPECTRUM_MIN_SEGMENTS = 3;

const { fsHz: FS_HZ, segment: SEGMENT, nfft: NFFT } = HRVANALYSIS_WELCH;
const SEGMENT_S = SEGMENT / FS_HZ;
const HOP_S = SEGMENT_S / 2;
const WINDOW = hann(SEGMENT);
const SCALE = 1 / (FS_HZ * WINDOW.reduce((s, w) => s + w * w, 0));

interface Segment {
  readonly startS: number;
  readonly power: Float64Array;
}

export class LiveSpectrum {
  #segments: Segment[] = [];
  #nextStartS = 0;
  #bands: BandMeasures | null = null;
  #bandsKey = '';
  readonly #work = { re: new Float64Array(NFFT), im: new Float64Array(NFFT) };
  readonly #buf = new Float64Array(SEGMENT);

  reset(): void {
    this.#segments = [];
    this.#nextStartS = 0;
    this.#bands = null;
    this.#bandsKey = '';
  }

  /**
   * Bring the spectrum up to the newest beat. `timeS` / `nnMs` hold the recent normal beats (at least the last
   * 64 s), oldest first.
   */
  update(timeS: readonly number[], nnMs: readonly number[]): BandMeasures {
    const first = timeS[0];
    const last = timeS[timeS.length - 1];
    if (first === undefined || last === undefined) return this.#notEnough(0);
    if (this.#nextStartS < first) this.#nextStartS = Math.ceil(first / HOP_S) * HOP_S;
    while (this.#nextStartS + SEGMENT_S <= last) {
      this.#segments.push({
        startS: this.#nextStartS,
        power: this.#periodogram(timeS, nnMs, this.#nextStartS),
      });
      this.#nextStartS += HOP_S;
    }
    const oldest = last - SPECTRUM_WINDOW_S;
    while ((this.#segments[0]?.startS ?? Number.POSITIVE_INFINITY) < oldest) this.#segments.shift();
    const count = this.#segments.length;
    if (count < SPECTRUM_MIN_SEGMENTS) return this.#notEnough(last - first);
    const key = `${this.#segments[0]?.startS}:${count}`;
    if (this.#bands === null || key !== this.#bandsKey) {
      const power = new Float64Array((NFFT >> 1) + 1);
      for (const s of this.#segments)
        for (let k = 0; k < power.length; k += 1) power[k] = (power[k] ?? 0) + (s.power[k] ?? 0) / count;
      const freqHz = Float64Array.from(power, (_, k) => (k * FS_HZ) / NFFT);
      this.#bands = bandMeasures({ freqHz, power });
      this.#bandsKey = key;
    }
    return this.#bands;
  }

  #notEnough(haveS: number): BandMeasures {
    return notEnoughBands(haveS, SEGMENT_S + (SPECTRUM_MIN_SEGMENTS - 1) * HOP_S);
  }

  /** One segment: interpolated at 4 Hz, its mean removed, Hann-windowed, one-sided density ms^2/Hz. */
  #periodogram(timeS: readonly number[], nnMs: readonly number[], startS: number): Float64Array {
    const x = interpolateLinear(timeS, nnMs, startS, 1 / FS_HZ, SEGMENT);
    let mean = 0;
    for (const v of x) mean += v;
    mean /= SEGMENT;
    for (let i = 0; i < SEGMENT; i += 1) this.#buf[i] = ((x[i] ?? 0) - mean) * (WINDOW[i] ?? 0);
    const p = powerSpectrum(this.#buf, NFFT, this.#work);
    const last = p.length - 1;
    for (let k = 0; k <= last; k += 1) p[k] = (p[k] ?? 0) * SCALE * (k === 0 || k === last ? 1 : 2);
    return p;
  }
}
