/**
 * A stored heart-rate-only session as chart series: the heart rate as the device sent it (broken at gaps), the
 * swing of each paced breath (core/hr-only/swing.ts, breaths rebuilt from the stored pacer phase) and the pacer
 * rate.
 */
import { traceSwings } from '../hr-only/swing';
import { breathsOfSamples, traceOf } from '../hr-only/summary';
import type { HeartRateRecord } from '../session/record';
import { pacerSteps, type Point } from './session-series';

export interface HeartRateSeries {
  /** Heart rate per sample: x = s, y = bpm; a null y breaks the line where the link dropped. */
  readonly heartRate: { readonly x: number; readonly y: number | null }[];
  /** Swing of each breath that could be judged: x = the breath's middle, s; y = bpm. */
  readonly swings: Point[];
  readonly pacerRate: Point[];
}

export function heartRateSeries(samples: readonly HeartRateRecord[]): HeartRateSeries {
  const heartRate: { x: number; y: number | null }[] = [];
  for (const s of samples) {
    if (s.afterGap && heartRate.length > 0) heartRate.push({ x: s.timeMs / 1000, y: null });
    heartRate.push({ x: s.timeMs / 1000, y: s.heartRateBpm });
  }
  const swings = traceSwings(traceOf(samples), breathsOfSamples(samples)).flatMap((b) =>
    b.swingBpm === null ? [] : [{ x: (b.startS + b.endS) / 2, y: b.swingBpm }],
  );
  return { heartRate, swings, pacerRate: pacerSteps(samples) };
}
