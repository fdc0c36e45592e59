/**
 * RR files from other apps (Polar Sensor Logger, HRV Logger, Elite HRV, Kubios-style text, Welltory) and this
 * app's own RR text and CSV exports become sessions. The text is read by rr-file/reader.ts, the one reader shared
 * with replay and `npm run analyze`; its beats (impossible values already left out, gaps marked) are stored as
 * they are. This app's CSV brings back its own labels, gaps, times and pacer columns, and the measured breath when
 * it ends with that column (on the record's 4 Hz grid again, linear between beats); other files' beats are
 * labelled normal, and their times are the running sum of their intervals.
 */
import type { RrFile, RrFileResult } from '../rr-file/reader';
import { TextHash } from '../rr-file/text-hash';
import type { FileProblem } from '../rr-file/problems';
import { BREATH_STEP_MS, breathOnGrid, type BreathTraceSlice } from '../respiration/breath-trace';
import type { Result } from '../result';
import { fromColumns } from '../session/columns';
import type { BeatRecord, SessionRecord } from '../session/record';
import { durationOfBeats, summariseBeats } from '../session/summary';

/** The id {@link RrFile.contentId} gives a file of this text (for a text already in memory). */
export function importId(text: string): string {
  const hash = new TextHash();
  hash.push(text);
  return hash.id;
}

/** A read RR file as a session with its beats. */
interface ImportedRecording {
  readonly session: SessionRecord;
  readonly beats: BeatRecord[];
  /** The measured breath the file carried (this app's CSV of a session with a chest sensor), else null. */
  readonly breath: BreathTraceSlice | null;
  /** RR values the file held that were left out as impossible. */
  readonly impossible: number;
}

export type RrImportResult = Result<ImportedRecording, FileProblem>;

/**
 * A read RR file as a finished, imported session. Its id is the file's content id, so the same file imported
 * twice is one session; `endTimeMs` is when the recording ended (the file's modification time), and the session
 * starts its duration earlier.
 */
function sessionFromRrFile(file: RrFile, fileName: string, endTimeMs: number): RrImportResult {
  const beats = fromColumns(file.beats);
  const durationMs = durationOfBeats(beats);
  const session: SessionRecord = {
    id: file.contentId,
    startTimeMs: Math.max(0, Math.round(endTimeMs - durationMs)),
    sourceKind: 'replay',
    sourceLabel: fileName,
    durationMs,
    status: 'finished',
    end: 'imported',
    summary: summariseBeats(beats),
    checkInBefore: null,
    checkInAfter: null,
  };
  const breath = file.breath ? breathOnGrid(file.beats.timeMs, file.breath, BREATH_STEP_MS) : null;
  return { ok: true, value: { session, beats, breath, impossible: file.impossible } };
}

/** {@link sessionFromRrFile} of a reader's result, passing a problem through. */
export function importRrFile(read: RrFileResult, fileName: string, endTimeMs: number): RrImportResult {
  return read.ok ? sessionFromRrFile(read.value, fileName, endTimeMs) : read;
}
