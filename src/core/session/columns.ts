/**
 * Beats stored column by column: one array per field, with the rare fields (gaps, non-normal artifact labels)
 * kept sparse. A year of practice is about 1.5 million beats; as objects they would be ~90 bytes each in JSON,
 * as columns ~20, and IndexedDB clones a few long arrays much faster than many small objects.
 */
import { NORMAL_BEAT, type BeatRecord } from './record';

export interface BeatColumns {
  readonly rrMs: number[];
  readonly timeMs: number[];
  /** Pacer rate per beat, breaths per minute (null when no pacer ran). */
  readonly pacerRateBpm: (number | null)[];
  /** Pacer phase per beat, fraction of the breath 0..1 (null when no pacer ran). */
  readonly pacerPhase: (number | null)[];
  /** Indices of beats that follow a gap. */
  readonly gaps: number[];
  /** [index, label] for each beat whose label is not 'normal'. */
  readonly artifacts: [number, string][];
}

export function emptyColumns(): BeatColumns {
  return { rrMs: [], timeMs: [], pacerRateBpm: [], pacerPhase: [], gaps: [], artifacts: [] };
}

/** Append beats to columns in place (the recorder grows its open chunk this way). */
function appendToColumns(cols: BeatColumns, beats: readonly BeatRecord[]): void {
  for (const b of beats) {
    const index = cols.rrMs.length;
    cols.rrMs.push(b.rrMs);
    cols.timeMs.push(b.timeMs);
    cols.pacerRateBpm.push(b.pacerRateBpm);
    cols.pacerPhase.push(b.pacerPhase);
    if (b.afterGap) cols.gaps.push(index);
    if (b.artifact !== NORMAL_BEAT) cols.artifacts.push([index, b.artifact]);
  }
}

export function toColumns(beats: readonly BeatRecord[]): BeatColumns {
  const cols = emptyColumns();
  appendToColumns(cols, beats);
  return cols;
}

export function columnLength(cols: BeatColumns): number {
  return cols.rrMs.length;
}

/** Beats back from columns. Assumes well-formed columns (see `checkColumns` for untrusted input). */
export function fromColumns(cols: BeatColumns): BeatRecord[] {
  const gaps = new Set(cols.gaps);
  const labels = new Map(cols.artifacts);
  const beats: BeatRecord[] = new Array<BeatRecord>(cols.rrMs.length);
  for (let i = 0; i < cols.rrMs.length; i += 1) {
    beats[i] = {
      rrMs: cols.rrMs[i] ?? 0,
      timeMs: cols.timeMs[i] ?? 0,
      afterGap: gaps.has(i),
      artifact: labels.get(i) ?? NORMAL_BEAT,
      pacerRateBpm: cols.pacerRateBpm[i] ?? null,
      pacerPhase: cols.pacerPhase[i] ?? null,
    };
  }
  return beats;
}
