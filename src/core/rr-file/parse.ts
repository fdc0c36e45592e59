/**
 * Reading RR-interval text files as Kubios, Polar Flow and Elite HRV export them: one interval per line, in
 * milliseconds (or in seconds, as Kubios also accepts), with optional header lines before the first number.
 * Blank lines are skipped; commas, semicolons or tabs may separate columns, in which case the last numeric column
 * is the RR (so "time,rr" exports read too).
 */

export interface RrFile {
  /** RR intervals in milliseconds, in file order. */
  readonly rrMs: number[];
  /** 1-based line number in the file of each interval. */
  readonly lines: number[];
  /** Header lines skipped before the data. */
  readonly headerLines: number;
  /** Whether the values were read as seconds and converted. */
  readonly convertedFromSeconds: boolean;
}

export interface RrFileError {
  /** 1-based line where the problem is; 0 for the whole file. */
  readonly line: number;
  readonly message: string;
}

export type RrFileResult = { ok: true; file: RrFile } | { ok: false; error: RrFileError };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function lastField(line: string): string {
  const fields = line.split(/[,;\t]/).map((f) => f.trim());
  for (let i = fields.length - 1; i >= 0; i -= 1) {
    const f = fields[i];
    if (f) return f;
  }
  return '';
}

/** Parse an RR file's text. Never throws; a malformed file gives the first bad line and what is wrong with it. */
export function parseRrFile(text: string): RrFileResult {
  const rows = text.split(/\r\n|\n|\r/);
  const values: number[] = [];
  const lines: number[] = [];
  let headerLines = 0;
  for (let i = 0; i < rows.length; i += 1) {
    const raw = (rows[i] ?? '').replace(/^\uFEFF/, '').trim();
    const lineNo = i + 1;
    if (raw === '' || raw.startsWith('#')) continue;
    const field = lastField(raw);
    if (!NUMBER.test(field)) {
      if (values.length === 0 && /[A-Za-z]/.test(raw)) {
        headerLines += 1;
        if (headerLines > 20)
          return {
            ok: false,
            error: { line: lineNo, message: 'no RR values found in the first 20 text lines' },
          };
        continue;
      }
      return { ok: false, error: { line: lineNo, message: `"${truncate(raw)}" is not a number` } };
    }
    const value = Number(field);
    if (!Number.isFinite(value))
      return { ok: false, error: { line: lineNo, message: `"${truncate(raw)}" is not a finite number` } };
    if (value <= 0)
      return {
        ok: false,
        error: { line: lineNo, message: `an RR interval must be positive, found ${field}` },
      };
    values.push(value);
    lines.push(lineNo);
  }
  if (values.length === 0)
    return { ok: false, error: { line: 0, message: 'the file holds no RR intervals' } };
  const inSeconds = values.every((v) => v < 10);
  const rrMs = inSeconds ? values.map((v) => Math.round(v * 1e6) / 1e3) : values;
  return { ok: true, file: { rrMs, lines, headerLines, convertedFromSeconds: inSeconds } };
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
