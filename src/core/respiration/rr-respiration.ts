/**
 * Breathing rate from the RR series alone, for straps without a breathing sensor: the respiratory modulation of the
 * heart rate (respiratory sinus arrhythmia, RSA) read two independent ways and trusted only when both agree and the
 * rhythm stands out, as in the reviews of respiratory-rate estimation from cardiac signals (Charlton et al. 2016,
 * "An assessment of algorithms to estimate respiratory rate from the electrocardiogram and photoplethysmogram",
 * Physiol. Meas. 37:610-626; its fusion of estimates follows Karlen et al. 2013, IEEE TBME 60:1946-1953).
 *
 * 1. The tachogram is resampled at 4 Hz, detrended and band-passed to breathing rates.
 * 2. Frequency domain: the highest local Welch peak inside the band, and its spectral purity (the share of the band's
 *    power near the peak), a signal quality index.
 * 3. Time domain: breath cycles counted with Schäfer & Kratky's (2008) advanced counting.
 * 4. A rate is given only when the purity is high enough and the two estimates agree; it is then their mean (the
 *    fusion of Karlen et al. 2013). Otherwise "cannot estimate", with the reason, rather than a wrong number.
 *
 * The band: without a pacer, 0.13-0.5 Hz (8-30 breaths/min). Below 0.13 Hz the heart rate carries Mayer waves near
 * 0.1 Hz whether or not the person breathes there (Julien 2006), which is why the highest 0.04-0.4 Hz peak so often
 * reads 6/min at rest. With a pacer the person is asked to breathe at a known rate, so the band widens down to
 * 0.04 Hz and the answer also says whether the heart follows the pacer.
 */
import { interpolateLinear } from '../hrv/resample';
import { bandPass, countCycles, spectralPeak } from './band';

export interface RrRespirationOptions {
  /** The pacer's rate during a paced session, breaths/min; absent for spontaneous breathing. */
  readonly pacerBpm?: number;
}

export type RrRespiration =
  | {
      readonly status: 'ok';
      /** Breathing rate, breaths/min: the mean of the two estimates. */
      readonly rateBpm: number;
      /** The spectral and the cycle-counting estimates, breaths/min. */
      readonly spectralBpm: number;
      readonly countedBpm: number;
      /** Spectral purity of the breathing peak, 0..1. */
      readonly quality: number;
      /** With a pacer: whether the heart's breathing rhythm is at the pacer's rate (within 0.5/min). */
      readonly pacer: PacerFollowing;
    }
  | {
      readonly status: 'cannot-estimate';
      readonly reason: RrRespirationProblem;
      /** With a pacer, the heart does not show that it follows it. */
      readonly pacer: 'not-following' | 'no-pacer';
    };

/** Whether the heart follows the pacer's rate, or there is no pacer. */
type PacerFollowing = 'follows' | 'not-following' | 'no-pacer';

/**
 * Why there is no rate: too short a window (`too-short`), too few beats for the band (`too-few-beats`), no rhythm
 * standing out of the band (`no-clear-rhythm`), or the spectral and counted rates disagree (`estimates-disagree`).
 */
type RrRespirationProblem = 'too-short' | 'too-few-beats' | 'no-clear-rhythm' | 'estimates-disagree';

/** Shortest window, s: about six breaths at 8/min, and a Welch segment (Charlton et al. 2016 use 32-s windows). */
const RR_RESPIRATION_MIN_S = 45;
const FS_HZ = 4;
const SPONTANEOUS_LO_HZ = 0.13;
const PACED_LO_HZ = 0.04;
const HI_HZ = 0.5;
/** Purity below this is no rhythm: white-noise RR gives about 0.15-0.3 in a band this wide. */
const MIN_PURITY = 0.4;
/** The two estimates must agree within this share of the rate, and never closer than 0.75/min is asked. */
const MAX_DISAGREEMENT_SHARE = 0.12;
const MIN_DISAGREEMENT_BPM = 0.75;
const FOLLOWS_PACER_BPM = 0.5;

/**
 * Breathing rate of beats at `timeS` (s, increasing) with intervals `nnMs` (ms, already cleaned of artifacts),
 * read over the whole span given: pass the window to analyse (e.g. the last two minutes).
 */
export function respirationFromRr(
  timeS: ArrayLike<number>,
  nnMs: ArrayLike<number>,
  options: RrRespirationOptions = {},
): RrRespiration {
  const pacerBpm = options.pacerBpm;
  const first = estimate(timeS, nnMs, options);
  if (pacerBpm === undefined || first.pacer !== 'not-following') return first;
  // The heart does not show the pacer's rate: the person may be breathing on their own, faster; read that instead.
  const own = estimate(timeS, nnMs, {});
  return own.status === 'ok' && Math.abs(own.rateBpm - pacerBpm) > FOLLOWS_PACER_BPM
    ? { ...own, pacer: 'not-following' }
    : first;
}

function estimate(
  timeS: ArrayLike<number>,
  nnMs: ArrayLike<number>,
  options: RrRespirationOptions,
): RrRespiration {
  const paced = options.pacerBpm !== undefined && Number.isFinite(options.pacerBpm);
  const cannot = (reason: RrRespirationProblem): RrRespiration => ({
    status: 'cannot-estimate',
    reason,
    pacer: paced ? 'not-following' : 'no-pacer',
  });
  const n = Math.min(timeS.length, nnMs.length);
  if (n < 2) return cannot('too-short');
  const t0 = timeS[0]!;
  const spanS = timeS[n - 1]! - t0;
  if (!(spanS >= RR_RESPIRATION_MIN_S)) return cannot('too-short');
  const meanRrS = spanS / (n - 1);
  // RSA is sampled once a beat: a rhythm is readable only below half the beat rate, with some margin.
  const hiHz = Math.min(HI_HZ, 0.45 / meanRrS);
  const loHz = paced ? PACED_LO_HZ : SPONTANEOUS_LO_HZ;
  if (hiHz <= loHz + 0.05) return cannot('too-few-beats');

  const shifted = Float64Array.from({ length: n }, (_, i) => timeS[i]! - t0);
  const count = Math.floor(spanS * FS_HZ);
  const tachogram = interpolateLinear(
    shifted,
    Float64Array.from({ length: n }, (_, i) => nnMs[i]!),
    0,
    1 / FS_HZ,
    count,
  );
  const band = bandPass(tachogram, FS_HZ, loHz, hiHz);
  // Spontaneous: read the rate of change of the tachogram, whose spectrum is the tachogram's times (2 pi f)^2, so
  // the 1/f background and the leakage of the LF rhythm below the band do not outweigh a small RSA (a first-difference
  // prewhitening, Box & Jenkins 1976). Paced breathing is slow and strong; differencing would only lift beat noise.
  const filtered = paced ? band : band.map((v, i) => (i === 0 ? 0 : v - band[i - 1]!));

  const peak = spectralPeak(filtered, FS_HZ, loHz, hiHz);
  if (peak === null || peak.purity < MIN_PURITY) return cannot('no-clear-rhythm');
  const cycles = countCycles(filtered);
  if (cycles.length < 2) return cannot('no-clear-rhythm');
  const cycleS = cycles.reduce((s, c) => s + (c.endMax - c.startMax), 0) / cycles.length / FS_HZ;
  const countedBpm = 60 / cycleS;
  const spectralBpm = peak.freqHz * 60;
  const rateBpm = (spectralBpm + countedBpm) / 2;
  if (
    Math.abs(countedBpm - spectralBpm) > Math.max(MIN_DISAGREEMENT_BPM, MAX_DISAGREEMENT_SHARE * spectralBpm)
  )
    return cannot('estimates-disagree');
  return {
    status: 'ok',
    rateBpm,
    spectralBpm,
    countedBpm,
    quality: peak.purity,
    pacer: !paced
      ? 'no-pacer'
      : Math.abs(rateBpm - (options.pacerBpm ?? 0)) <= FOLLOWS_PACER_BPM
        ? 'follows'
        : 'not-following',
  };
}
