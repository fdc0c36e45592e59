/**
 * Heart-rate samples stored column by column, like beats (columns.ts): one array per field, gaps sparse. A
 * heart-rate-only session is one sample a second, so an hour is 3600 rows of five numbers.
 */
import type { HeartRateRecord } from './record';

export interface HeartRateColumns {
  readonly heartRateBpm: number[];
  /** Arrival times since the session started, ms. */
  readonly timeMs: number[];
  readonly pacerRateBpm: (number | null)[];
  readonly pacerPhase: (number | null)[];
  /** Indices of samples that follow a gap. */
  readonly gaps: number[];
}

export function emptyHeartRateColumns(): HeartRateColumns {
  return { heartRateBpm: [], timeMs: [], pacerRateBpm: [], pacerPhase: [], gaps: [] };
}

export function toHeartRateColumns(samples: readonly HeartRateRecord[]): HeartRateColumns {
  const cols = emptyHeartRateColumns();
  samples.forEach((s, i) => {
    cols.heartRateBpm.push(s.heartRateBpm);
    cols.timeMs.push(s.timeMs);
    cols.pacerRateBpm.push(s.pacerRateBpm);
    cols.pacerPhase.push(s.pacerPhase);
    if (s.afterGap) cols.gaps.push(i);
  });
  return cols;
}

/** Samples back from columns. Assumes well-formed columns (the backup checks untrusted ones first). */
export function fromHeartRateColumns(cols: HeartRateColumns): HeartRateRecord[] {
  const gaps = new Set(cols.gaps);
  return cols.heartRateBpm.map((heartRateBpm, i) => ({
    heartRateBpm,
    timeMs: cols.timeMs[i] ?? 0,
    afterGap: gaps.has(i),
    pacerRateBpm: cols.pacerRateBpm[i] ?? null,
    pacerPhase: cols.pacerPhase[i] ?? null,
  }));
}
