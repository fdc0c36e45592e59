/**
 * How beats sit in the beat-chunks store. Chunks are written with Float64Array columns (null pacer values as NaN):
 * IndexedDB clones a typed array as one block of bytes, several times faster to read back than a list of numbers,
 * which is what makes a year's backup quick. Chunks written before this encoding hold plain number lists; the
 * reader takes either, so no migration is needed (the stores, keys and indexes did not change).
 */
import { emptyColumns, type BeatColumns } from '../../core/session/columns';
import { joinBreathSlices, type BreathTraceSlice } from '../../core/respiration/breath-trace';
import { emptyHeartRateColumns, type HeartRateColumns } from '../../core/session/heart-rate-columns';
import { BEATS_PER_CHUNK, HR_SAMPLES_PER_CHUNK, type StoredChunk, type StoredHeartRateChunk } from './schema';

function nullToNaN(values: readonly (number | null)[]): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i += 1) out[i] = values[i] ?? Number.NaN;
  return out;
}

/** Columns `from`..`to` (beat indices) as a stored chunk. */
function encodeChunk(
  sessionId: string,
  seq: number,
  cols: BeatColumns,
  from: number,
  to: number,
): StoredChunk {
  return {
    sessionId,
    seq,
    rrMs: Float64Array.from(cols.rrMs.slice(from, to)),
    timeMs: Float64Array.from(cols.timeMs.slice(from, to)),
    pacerRateBpm: nullToNaN(cols.pacerRateBpm.slice(from, to)),
    pacerPhase: nullToNaN(cols.pacerPhase.slice(from, to)),
    gaps: cols.gaps.filter((g) => g >= from && g < to).map((g) => g - from),
    artifacts: cols.artifacts
      .filter(([i]) => i >= from && i < to)
      .map(([i, label]): [number, string] => [i - from, label]),
  };
}

/** Columns as chunks of BEATS_PER_CHUNK beats, numbered from 0. */
export function chunksOf(sessionId: string, cols: BeatColumns): StoredChunk[] {
  const chunks: StoredChunk[] = [];
  for (let seq = 0; seq * BEATS_PER_CHUNK < cols.rrMs.length; seq += 1)
    chunks.push(encodeChunk(sessionId, seq, cols, seq * BEATS_PER_CHUNK, (seq + 1) * BEATS_PER_CHUNK));
  return chunks;
}

/** Join a session's chunks (in order) back into columns; accepts typed and plain chunk columns alike. */
export function decodeChunks(chunks: readonly StoredChunk[]): BeatColumns {
  const out = emptyColumns();
  for (const chunk of chunks) {
    const offset = out.rrMs.length;
    const n = chunk.rrMs.length;
    for (let i = 0; i < n; i += 1) {
      out.rrMs.push(chunk.rrMs[i] ?? 0);
      out.timeMs.push(chunk.timeMs[i] ?? 0);
      const rate = chunk.pacerRateBpm[i] ?? null;
      const phase = chunk.pacerPhase[i] ?? null;
      out.pacerRateBpm.push(rate === null || Number.isNaN(rate) ? null : rate);
      out.pacerPhase.push(phase === null || Number.isNaN(phase) ? null : phase);
    }
    for (const g of chunk.gaps) out.gaps.push(g + offset);
    for (const [i, label] of chunk.artifacts) out.artifacts.push([i + offset, label]);
  }
  return out;
}

/**
 * The measured breath stored across a session's chunks (in order), joined into one trace; null when none holds any.
 * A malformed slice (a value that is not a Float32Array, a start off the 4 Hz grid) is left out.
 */
export function decodeBreath(chunks: readonly StoredChunk[]): BreathTraceSlice | null {
  return joinBreathSlices(
    chunks.flatMap((c) =>
      c.breath && c.breath.values instanceof Float32Array && typeof c.breath.startMs === 'number'
        ? [c.breath]
        : [],
    ),
  );
}

/** Heart-rate columns as chunks of HR_SAMPLES_PER_CHUNK samples, numbered from `firstSeq`. */
export function heartRateChunksOf(
  sessionId: string,
  cols: HeartRateColumns,
  firstSeq = 0,
): StoredHeartRateChunk[] {
  const chunks: StoredHeartRateChunk[] = [];
  for (
    let from = 0, seq = firstSeq;
    from < cols.heartRateBpm.length;
    from += HR_SAMPLES_PER_CHUNK, seq += 1
  ) {
    const to = from + HR_SAMPLES_PER_CHUNK;
    chunks.push({
      sessionId,
      seq,
      heartRateBpm: Float64Array.from(cols.heartRateBpm.slice(from, to)),
      timeMs: Float64Array.from(cols.timeMs.slice(from, to)),
      pacerRateBpm: nullToNaN(cols.pacerRateBpm.slice(from, to)),
      pacerPhase: nullToNaN(cols.pacerPhase.slice(from, to)),
      gaps: cols.gaps.filter((g) => g >= from && g < to).map((g) => g - from),
    });
  }
  return chunks;
}

/** Join a session's heart-rate chunks (in order) back into columns. */
export function decodeHeartRateChunks(chunks: readonly StoredHeartRateChunk[]): HeartRateColumns {
  const out = emptyHeartRateColumns();
  for (const chunk of chunks) {
    const offset = out.heartRateBpm.length;
    for (let i = 0; i < chunk.heartRateBpm.length; i += 1) {
      out.heartRateBpm.push(chunk.heartRateBpm[i] ?? 0);
      out.timeMs.push(chunk.timeMs[i] ?? 0);
      const rate = chunk.pacerRateBpm[i] ?? Number.NaN;
      const phase = chunk.pacerPhase[i] ?? Number.NaN;
      out.pacerRateBpm.push(Number.isNaN(rate) ? null : rate);
      out.pacerPhase.push(Number.isNaN(phase) ? null : phase);
    }
    for (const g of chunk.gaps) out.gaps.push(g + offset);
  }
  return out;
}
