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

/**
 * Each sample's whole second: its arrival time less the typical lateness (the circular mean of the times'
 * fractions of a second), rounded, so radio jitter of up to about half a second keeps a second's reading in it.
 */
export function secondSlots(timeS: readonly number[]): number[] {
  let c = 0;
  let s = 0;
  for (const t of timeS) {
    c += Math.cos(2 * Math.PI * t);
    s += Math.sin(2 * Math.PI * t);
  }
  const offsetS = timeS.length === 0 ? 0 : Math.atan2(s, c) / (2 * Math.PI);
  return timeS.map((t) => Math.round(t - offsetS));
}
