/**
 * A heart-rate-only session's figures from its stored samples: mean heart rate, the mean swing per paced breath
 * (swing.ts, as the device sent it: no smoothing is assumed), the mean pacer rate. RMSSD and coherence need
 * beat-to-beat intervals and stay null; the beat count is 0.
 */
import { EMPTY_SUMMARY, type HeartRateRecord, type SessionSummary } from '../session/record';
import { meanSwing, traceSwings, type PacedBreath } from './swing';
import type { HeartRateTrace } from './trace';

/** The samples as a trace, seconds. */
export function traceOf(samples: readonly HeartRateRecord[]): HeartRateTrace {
  return { timeS: samples.map((s) => s.timeMs / 1000), hrBpm: samples.map((s) => s.heartRateBpm) };
}

/**
 * The pacer's breaths, rebuilt from the rate and phase stored with each sample: a sample at time t, a fraction p
 * into a breath of 60/rate seconds, says that breath began at t − p·60/rate. Samples agreeing on the start (within
 * a second) belong to one breath.
 */
export function breathsOfSamples(samples: readonly HeartRateRecord[]): PacedBreath[] {
  const breaths: PacedBreath[] = [];
  for (const s of samples) {
    if (s.pacerRateBpm === null || s.pacerPhase === null || !(s.pacerRateBpm > 0)) continue;
    const periodS = 60 / s.pacerRateBpm;
    const startS = s.timeMs / 1000 - s.pacerPhase * periodS;
    const last = breaths[breaths.length - 1];
    if (last && Math.abs(last.startS - startS) < 1) continue;
    if (last && startS < last.endS - 1) continue; // a phase read across a rate change: keep the breath already begun
    breaths.push({ startS, endS: startS + periodS });
  }
  return breaths;
}

export function summariseHeartRate(samples: readonly HeartRateRecord[]): SessionSummary {
  if (samples.length === 0) return { ...EMPTY_SUMMARY, heartRateSamples: 0, meanSwingBpm: null };
  let hrSum = 0;
  let rateSum = 0;
  let rateCount = 0;
  for (const s of samples) {
    hrSum += s.heartRateBpm;
    if (s.pacerRateBpm !== null) {
      rateSum += s.pacerRateBpm;
      rateCount += 1;
    }
  }
  return {
    ...EMPTY_SUMMARY,
    meanHeartRateBpm: hrSum / samples.length,
    breathingRateBpm: rateCount > 0 ? rateSum / rateCount : null,
    heartRateSamples: samples.length,
    meanSwingBpm: meanSwing(traceSwings(traceOf(samples), breathsOfSamples(samples))).swingBpm,
  };
}

/** Session duration from its samples: the arrival of the last, ms (0 for none). */
export function durationOfSamples(samples: readonly HeartRateRecord[]): number {
  return samples[samples.length - 1]?.timeMs ?? 0;
}
