/**
 * What a column of this app's own CSV must hold: a time in seconds, one no earlier than the beat before, a gap flag
 * (0 or 1), an artifact label, a pacer rate (0-60 breaths/min) or phase (0-1), a breath value (within
 * MAX_BREATH_MG); the last three may be empty.
 */
export type ExpectedValue =
  'seconds' | 'not-earlier' | 'flag' | 'beat-label' | 'pacer-rate' | 'pacer-phase' | 'breath';

/**
 * Why a file could not be read, as typed values: the core says what is wrong and where, the UI words it
 * (src/ui/files/file-problem-text.ts). `line` is 1-based.
 */
export type FileProblem =
  /** A NUL byte or bytes that are not UTF-8: a binary file, not text. */
  | { readonly kind: 'not-text'; readonly line: number }
  /** The browser could not read the file at all (it was moved or deleted since it was chosen, say). */
  | { readonly kind: 'unreadable' }
  /** Larger than MAX_FILE_BYTES (export/file-limits.ts); refused before reading. */
  | { readonly kind: 'too-large'; readonly sizeBytes: number; readonly limitBytes: number }
  /** More RR values than MAX_RECORDING_BEATS; refused at the line that passes it. */
  | { readonly kind: 'too-many-beats'; readonly line: number; readonly limit: number }
  /** A line longer than MAX_LINE_CHARS. */
  | { readonly kind: 'line-too-long'; readonly line: number; readonly limitChars: number }
  /** A header row that names no RR column (`columns` as the file names them). */
  | { readonly kind: 'no-rr-column'; readonly line: number; readonly columns: readonly string[] }
  /** Several numeric columns without a header, and no way to tell which holds the RR intervals. */
  | { readonly kind: 'unclear-columns'; readonly line: number; readonly columns: number }
  /** A value that should be a number is not. */
  | { readonly kind: 'not-a-number'; readonly line: number; readonly column: RrColumn; readonly text: string }
  /** A row too short to hold the RR column, or with the RR field empty. */
  | { readonly kind: 'missing-value'; readonly line: number; readonly column: RrColumn }
  /** A value of a known column out of its bounds (a gap flag not 0/1, beat times going backwards, ...). */
  | {
      readonly kind: 'bad-value';
      readonly line: number;
      readonly column: string;
      readonly text: string;
      readonly expected: ExpectedValue;
    }
  /** No RR values at all. */
  | { readonly kind: 'no-intervals' }
  /** Fewer than two RR intervals: nothing to analyse or replay. */
  | { readonly kind: 'too-few-intervals'; readonly count: number }
  /** The typical value is no RR interval in ms or s (heart rates in bpm, say). */
  | { readonly kind: 'not-rr-values'; readonly typical: number };

/** The RR column as the file names it in its header, or its position (1 = first) in a file without one. */
export type RrColumn = string | number;
