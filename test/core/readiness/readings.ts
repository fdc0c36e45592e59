/** Hand-made morning readings for the tests of storage, backup and export. */
import type { ReadingRecord } from '../../../src/core/readiness/reading';

/** A 1-minute seated reading with `rmssdMs` and 60 beats of RR waving around 1000 ms. */
export function sampleReading(id: string, timeMs: number, rmssdMs = 42, meanHrBpm = 58): ReadingRecord {
  const rrMs = Array.from({ length: 60 }, (_, k) => 1000 + 30 * Math.sin(k / 2));
  return {
    id,
    timeMs,
    lengthS: 60,
    position: 'sitting',
    sourceKind: 'simulated',
    sourceLabel: '',
    beatCount: rrMs.length,
    correctedCount: 1,
    rmssdMs,
    meanHrBpm,
    rrMs,
  };
}
