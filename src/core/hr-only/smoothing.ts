/**
 * What a watch's own averaging does to the breathing wave in its heart rate. Many watches report heart rate as a
 * moving average over the last few seconds. A trailing M-point moving average of a series sampled every Δ seconds
 * has the frequency response H(f) = sin(πfMΔ) / (M·sin(πfΔ)) · e^(−iπf(M−1)Δ) (Oppenheim & Schafer, Discrete-Time
 * Signal Processing, the moving-average example): it scales a sinusoid of frequency f by |H(f)| and delays it by
 * (M − 1)Δ / 2 seconds. A live device can only average the past, so its average is trailing.
 *
 * At 1 Hz and 6 breaths/min (0.1 Hz) a 3 s average keeps 87 % of the swing and a 5 s average 65 %, delaying it by
 * 1 s (36°) and 2 s (72°). The loss grows with the breathing rate (a 5 s average keeps 79 % at 4.5/min, 54 % at
 * 7/min), so uncorrected swings favour slower rates when rates are compared.
 */

/** The device's averaging, when known: a trailing moving average over `windowS` seconds of 1 Hz values. */
export interface DeviceSmoothing {
  /** Length of the moving average, seconds (1 = none). */
  readonly windowS: number;
}

/** No averaging assumed: swings and phases are reported as the device sent them. */
export const NO_SMOOTHING: DeviceSmoothing = { windowS: 1 };

/** Sample interval of the devices' heart-rate values, seconds (the Heart Rate service sends about one a second). */
const SAMPLE_INTERVAL_S = 1;

/** |H(f)|: the share of a sinusoid's swing at `freqHz` a trailing moving average keeps, 0..1. */
export function smoothingGain(freqHz: number, smoothing: DeviceSmoothing): number {
  const m = Math.max(1, Math.round(smoothing.windowS / SAMPLE_INTERVAL_S));
  const x = Math.PI * freqHz * SAMPLE_INTERVAL_S;
  if (m === 1 || Math.abs(Math.sin(x)) < 1e-12) return 1;
  return Math.abs(Math.sin(m * x) / (m * Math.sin(x)));
}
