/**
 * A heart-rate trace: heart rate as a watch broadcasting the standard Heart Rate service sends it without RR
 * intervals, about once a second, each value stamped with its arrival time. The values are the device's own
 * estimate (usually averaged over a few seconds), the times jitter with the radio, and samples go missing when
 * packets are lost or the link drops. It is the pacer's plain heart-rate series (pacer/response.ts), so the
 * pacer's criteria read it as they read beat-to-beat heart rate.
 */
import { isPlausibleHeartRate } from '../heart/limits';
import type { HeartRateSamples } from '../pacer/response';

export type HeartRateTrace = HeartRateSamples;

/** The trace without impossible values (outside 20-300 bpm) or unusable times. */
export function plausibleTrace(trace: HeartRateTrace): HeartRateTrace {
  const timeS: number[] = [];
  const hrBpm: number[] = [];
  const n = Math.min(trace.timeS.length, trace.hrBpm.length);
  for (let i = 0; i < n; i += 1) {
    const t = trace.timeS[i] as number;
    const hr = trace.hrBpm[i] as number;
    if (Number.isFinite(t) && isPlausibleHeartRate(hr)) {
      timeS.push(t);
      hrBpm.push(hr);
    }
  }
  return { timeS, hrBpm };
}
