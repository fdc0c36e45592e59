/**
 * RR files from other apps (Polar Flow, Elite HRV, Kubios-style text, with or without a header) become sessions.
 * The text is read by rr-file/parse.ts; beat times are the running sum of the intervals. Intervals outside
 * 250..3000 ms (200..20 bpm) are kept but labelled 'out-of-range', so the summary leaves them out. A file whose
 * typical value is not a plausible RR at all (heart rates in bpm, say) is refused with that reason.
 */
import { parseRrFile } from '../rr-file/parse';
import { NORMAL_BEAT, type BeatRecord, type SessionRecord } from '../session/record';
import { durationOfBeats, summariseBeats } from '../session/summary';
import type { ImportProblem } from './backup';

export const PLAUSIBLE_MIN_RR_MS = 250;
export const PLAUSIBLE_MAX_RR_MS = 3_000;
export const OUT_OF_RANGE = 'out-of-range';

/**
 * A stable id for an imported file: FNV-1a (Fowler, Noll, Vo; 32-bit, offset 2166136261, prime 16777619) over
 * the text, twice with different offsets for 64 bits, so importing the same file again finds it already there.
 */
export function importId(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
  }
  return `rr-${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

export type RrImportResult =
  | { readonly ok: true; readonly session: SessionRecord; readonly beats: BeatRecord[] }
  | { readonly ok: false; readonly problem: ImportProblem };

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Read an RR file as a session. `id` is fresh; `startTimeMs` is the best known start (the file's modification time
 * less its duration, or the import time). Nothing is returned unless the whole file reads.
 */
export function importRrText(
  text: string,
  fileName: string,
  id: string,
  startTimeMs: number,
): RrImportResult {
  const parsed = parseRrFile(text);
  if (!parsed.ok) {
    const where = parsed.error.line > 0 ? `${fileName}, line ${parsed.error.line}` : fileName;
    return { ok: false, problem: { where, message: parsed.error.message } };
  }
  const { rrMs } = parsed.file;
  if (rrMs.length < 2)
    return { ok: false, problem: { where: fileName, message: 'the file holds fewer than 2 RR intervals' } };
  const typical = median(rrMs);
  if (typical < PLAUSIBLE_MIN_RR_MS || typical > PLAUSIBLE_MAX_RR_MS)
    return {
      ok: false,
      problem: {
        where: fileName,
        message: `the typical value is ${typical}, which is not an RR interval in ms (heart rates in bpm perhaps?)`,
      },
    };
  let timeMs = 0;
  const beats: BeatRecord[] = rrMs.map((rr) => {
    timeMs += rr;
    const plausible = rr >= PLAUSIBLE_MIN_RR_MS && rr <= PLAUSIBLE_MAX_RR_MS;
    return {
      rrMs: rr,
      timeMs,
      afterGap: false,
      artifact: plausible ? NORMAL_BEAT : OUT_OF_RANGE,
      pacerRateBpm: null,
      pacerPhase: null,
    };
  });
  const session: SessionRecord = {
    id,
    startTimeMs,
    sourceKind: 'replay',
    sourceLabel: fileName,
    durationMs: durationOfBeats(beats),
    status: 'finished',
    end: 'imported',
    summary: summariseBeats(beats),
    checkInBefore: null,
    checkInAfter: null,
  };
  return { ok: true, session, beats };
}
