/**
 * The one reader of RR files, for import, replay and `npm run analyze`. It takes the text in chunks as they
 * arrive (a whole string is one chunk), so a caller can stream a file and stop at the first problem; work and
 * memory are bounded by export/file-limits.ts whatever the file holds.
 *
 * Layout: lines end with LF, CRLF or CR; blank lines and lines starting with `#` are skipped. Fields are split by
 * tab, semicolon or comma (whichever the first line uses), else by spaces; RFC 4180 quotes are honoured. Text
 * lines before the data are skipped (at most 20) unless one is a header, which is then read by its names
 * (header.ts): the RR column is the one named as RR, and its unit comes from the name when the name states one.
 * Files without a header hold RR in their only column, or, with several numeric columns, in the one column that
 * is not a running time (strictly increasing) and whose typical value is an RR. Units not named are read from
 * the values: a typical value under 10 is seconds (as Kubios accepts), otherwise milliseconds.
 *
 * Plausibility is the same as for a Bluetooth strap (heart/plausible.ts): an RR outside 200..3000 ms is no beat,
 * so it is left out, counted, and the next beat kept is marked as following a gap. A file whose typical value is
 * no RR at all (heart rates in bpm) is refused. This app's own CSV carries its beat times, gap flags, artifact
 * labels and pacer columns, which are read back exactly (export/decimal.ts), so an export re-imports as the
 * same beats; and, when it ends with the measured breath column, the breath at each beat (for replay).
 */
import { MAX_LINE_CHARS, MAX_RECORDING_BEATS } from '../export/file-limits';
import { scaledDecimal } from '../export/decimal';
import { isPlausibleRrMs } from '../heart/plausible';
import { median } from '../hrv/series';
import { MAX_BREATH_MG } from '../respiration/breath-trace';
import { emptyColumns, type BeatColumns } from '../session/columns';
import { NORMAL_BEAT } from '../session/record';
import { findOwnColumns, findRrColumn, readHeaderName, type OwnColumns, type RrUnit } from './header';
import { delimiterOf, NUMBER, numberText, splitFields, type Delimiter } from './fields';
import type { ExpectedValue, FileProblem } from './problems';
import { TextHash } from './text-hash';
import type { Result } from '../result';

export interface RrFile {
  /** The beats to store or play: impossible values left out, gaps marked, times in ms from the start. */
  readonly beats: BeatColumns;
  /** 1-based line of each beat in the file. */
  readonly lines: readonly number[];
  /** The unit the RR values were written in, and whether the header said so (else the values did). */
  readonly unit: RrUnit;
  readonly unitFrom: 'header' | 'values';
  /** The RR column's header as written, or null for a file without one. */
  readonly rrColumn: string | null;
  /** Whether the file is this app's own CSV (labels, gaps, times and pacer read from it). */
  readonly ownCsv: boolean;
  /**
   * The measured breath at each beat (one per beat kept; null where it was not measured), from this app's CSV of a
   * session with a chest sensor; null for any other file.
   */
  readonly breath: readonly (number | null)[] | null;
  /** RR values left out as impossible (outside heart/plausible.ts), and the first few lines where they were. */
  readonly impossible: number;
  readonly impossibleLines: readonly number[];
  /** A stable id of the text (see {@link TextHash}), so importing the same file twice finds it already there. */
  readonly contentId: string;
}

export type RrFileResult = Result<RrFile, FileProblem>;

const MAX_PREAMBLE_LINES = 20;
/** Rows read before deciding which of several unnamed numeric columns is the RR. */
const HEADERLESS_SAMPLE_ROWS = 16;
const IMPOSSIBLE_LINES_KEPT = 5;
const LABEL = /^[a-z][a-z0-9-]{0,49}$/;

interface Layout {
  readonly delimiter: Delimiter;
  readonly rr: number;
  readonly rrName: string;
  readonly unit: RrUnit | null;
  readonly own: OwnColumns | null;
}

interface Row {
  readonly line: number;
  readonly fields: readonly string[];
}

export class RrFileReader {
  readonly #hash = new TextHash();
  /** Text after the last line break, not yet a whole line. */
  #partial = '';
  /** Line number of the next whole line. */
  #line = 1;
  #problem: FileProblem | null = null;

  #delimiter: Delimiter | null = null;
  #layout: Layout | null = null;
  #preamble = 0;
  /** The last text line before the data: a header candidate whose names were not RR names. */
  #textLine: Row | null = null;
  /** Rows of a headerless file held back until the RR column is known. */
  #sample: Row[] = [];

  /** RR as written (in the file's unit), one per value read, impossible ones included. */
  readonly #values: number[] = [];
  readonly #valueText: string[] = [];
  readonly #valueLines: number[] = [];
  readonly #timeMs: number[] = [];
  readonly #afterGap: boolean[] = [];
  readonly #artifact: string[] = [];
  readonly #pacerRateBpm: (number | null)[] = [];
  readonly #pacerPhase: (number | null)[] = [];
  readonly #breath: (number | null)[] = [];

  /** The line being read (for a caller's own problem, such as bytes that are not UTF-8). */
  get line(): number {
    return this.#line;
  }

  /** Take the next chunk of text. Returns the problem that stops the reading, or null to go on. */
  push(chunk: string): FileProblem | null {
    if (this.#problem) return this.#problem;
    this.#hash.push(chunk);
    const text = this.#partial + chunk;
    const nul = text.indexOf('\u0000');
    const replaced = text.indexOf('\uFFFD');
    const binary = nul < 0 ? replaced : replaced < 0 ? nul : Math.min(nul, replaced);
    if (binary >= 0) {
      // Bytes no text file holds (a NUL, or what a decoder made of bytes that are not UTF-8): name their line.
      const breaks = text.slice(0, binary).match(/\r\n|\r|\n/g)?.length ?? 0;
      return this.#fail({ kind: 'not-text', line: this.#line + breaks });
    }
    let start = 0;
    for (;;) {
      let end = start;
      while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end += 1;
      if (end === text.length) break;
      // A CR at the very end may be the first half of a CRLF split across chunks: wait for the next chunk.
      if (text[end] === '\r' && end === text.length - 1) break;
      if (this.#take(text.slice(start, end))) return this.#problem;
      start = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
    }
    this.#partial = text.slice(start);
    if (this.#partial.replace(/\r$/, '').length > MAX_LINE_CHARS)
      return this.#fail({ kind: 'line-too-long', line: this.#line, limitChars: MAX_LINE_CHARS });
    return null;
  }

  /** End of the text: the file, or the problem with it. */
  finish(): RrFileResult {
    if (!this.#problem && this.#partial !== '') this.#take(this.#partial.replace(/\r$/, ''));
    this.#partial = '';
    if (!this.#problem && this.#layout === null && this.#sample.length > 0) this.#decideHeaderless();
    if (this.#problem) return { ok: false, error: this.#problem };
    return this.#result();
  }

  #fail(problem: FileProblem): FileProblem {
    this.#problem = problem;
    return problem;
  }

  /** Read one whole line; true when it stopped the reading. */
  #take(raw: string): boolean {
    const lineNo = this.#line;
    this.#line += 1;
    if (raw.length > MAX_LINE_CHARS) {
      this.#fail({ kind: 'line-too-long', line: lineNo, limitChars: MAX_LINE_CHARS });
      return true;
    }
    const line = (lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
    if (line === '' || line.startsWith('#')) return false;
    this.#delimiter = this.#layout?.delimiter ?? delimiterOf(line);
    const row: Row = { line: lineNo, fields: splitFields(line, this.#delimiter) };
    if (this.#layout) this.#row(row);
    else this.#beforeData(row);
    return this.#problem !== null;
  }

  /** A line before the layout is known: a header, the first data, or preamble text. */
  #beforeData(row: Row): void {
    const delimiter = this.#delimiter ?? ' ';
    const names = row.fields.map(readHeaderName);
    const rr = findRrColumn(names);
    if (rr) {
      this.#layout = {
        delimiter,
        rr: rr.index,
        rrName: row.fields[rr.index] ?? '',
        unit: rr.unit,
        own: findOwnColumns(row.fields),
      };
      return;
    }
    const numeric = row.fields.map((f) => numberText(f, delimiter) !== null);
    if (numeric.every(Boolean)) {
      const named = this.#textLine;
      if (named && named.fields.length > 1 && named.fields.length === row.fields.length) {
        // A header of as many columns as the data, none of them an RR.
        this.#fail({ kind: 'no-rr-column', line: named.line, columns: named.fields });
        return;
      }
      if (row.fields.length === 1) {
        this.#layout = { delimiter, rr: 0, rrName: '', unit: null, own: null };
        this.#row(row);
        return;
      }
      this.#sample.push(row);
      if (this.#sample.length >= HEADERLESS_SAMPLE_ROWS) this.#decideHeaderless();
      return;
    }
    if (this.#sample.length > 0) {
      // Unnamed numeric rows, then a row that is not numbers.
      this.#decideHeaderless();
      if (this.#layout) this.#row(row);
      return;
    }
    const named = this.#textLine;
    if (
      named &&
      named.fields.length > 1 &&
      named.fields.length === row.fields.length &&
      row.fields.some((f) => numberText(f, delimiter) !== null)
    ) {
      // A header row, then data rows with a number in them: the header names no RR column.
      this.#fail({ kind: 'no-rr-column', line: named.line, columns: named.fields });
      return;
    }
    this.#textLine = row;
    this.#preamble += 1;
    if (this.#preamble > MAX_PREAMBLE_LINES)
      this.#fail({ kind: 'no-rr-column', line: row.line, columns: row.fields });
  }

  /** Several unnamed numeric columns: RR is the one that is not a running time and looks like an RR. */
  #decideHeaderless(): void {
    const sample = this.#sample;
    this.#sample = [];
    const first = sample[0];
    if (!first) return;
    const delimiter = this.#delimiter ?? ' ';
    const columns = first.fields.length;
    const candidates: number[] = [];
    for (let c = 0; c < columns; c += 1) {
      const values = sample.map((r) => Number(numberText(r.fields[c] ?? '', delimiter) ?? Number.NaN));
      if (values.some((v) => !Number.isFinite(v))) continue;
      const increasing = values.length > 2 && values.every((v, i) => i === 0 || v > (values[i - 1] ?? 0));
      if (increasing) continue;
      const typical = median(values);
      const plausibleMs = isPlausibleRrMs(typical);
      const plausibleS = isPlausibleRrMs(typical * 1000);
      if (plausibleMs || plausibleS) candidates.push(c);
    }
    const [only] = candidates;
    if (candidates.length !== 1 || only === undefined) {
      this.#fail({ kind: 'unclear-columns', line: first.line, columns });
      return;
    }
    this.#layout = { delimiter, rr: only, rrName: '', unit: null, own: null };
    for (const row of sample) {
      this.#row(row);
      if (this.#problem) return;
    }
  }

  /** A data row under a known layout. */
  #row(row: Row): void {
    const layout = this.#layout;
    if (!layout) return;
    const column = layout.rrName || layout.rr + 1;
    const field = row.fields[layout.rr];
    if (field === undefined || field === '') {
      this.#fail({ kind: 'missing-value', line: row.line, column });
      return;
    }
    const text = numberText(field, layout.delimiter);
    if (text === null) {
      this.#fail({ kind: 'not-a-number', line: row.line, column, text: field });
      return;
    }
    if (this.#values.length >= MAX_RECORDING_BEATS) {
      this.#fail({ kind: 'too-many-beats', line: row.line, limit: MAX_RECORDING_BEATS });
      return;
    }
    if (layout.own && !this.#ownFields(row, layout.own)) return;
    this.#values.push(Number(text));
    this.#valueText.push(text);
    this.#valueLines.push(row.line);
  }

  /** This app's CSV columns of one row; false (with the problem set) when one is malformed. */
  #ownFields(row: Row, own: OwnColumns): boolean {
    const f = (i: number) => row.fields[i] ?? '';
    const bad = (column: string, text: string, expected: ExpectedValue) => {
      this.#fail({ kind: 'bad-value', line: row.line, column, text, expected });
      return false;
    };
    const timeText = f(own.timeS);
    const timeMs = NUMBER.test(timeText) ? scaledDecimal(timeText, 3) : Number.NaN;
    if (!Number.isFinite(timeMs) || timeMs < 0) return bad('time_s', timeText, 'seconds');
    if (timeMs < (this.#timeMs[this.#timeMs.length - 1] ?? 0)) return bad('time_s', timeText, 'not-earlier');
    const gap = f(own.afterGap);
    if (gap !== '0' && gap !== '1') return bad('after_gap', gap, 'flag');
    const label = f(own.artifact);
    if (!LABEL.test(label)) return bad('artifact', label, 'beat-label');
    const rate = this.#optionalNumber(f(own.pacerRateBpm), 0, 60);
    if (rate === undefined) return bad('pacer_rate_bpm', f(own.pacerRateBpm), 'pacer-rate');
    const phase = this.#optionalNumber(f(own.pacerPhase), 0, 1);
    if (phase === undefined) return bad('pacer_phase', f(own.pacerPhase), 'pacer-phase');
    const breath = own.breath < 0 ? null : this.#optionalNumber(f(own.breath), -MAX_BREATH_MG, MAX_BREATH_MG);
    if (breath === undefined) return bad('breath', f(own.breath), 'breath');
    this.#timeMs.push(timeMs);
    this.#breath.push(breath);
    this.#afterGap.push(gap === '1');
    this.#artifact.push(label);
    this.#pacerRateBpm.push(rate);
    this.#pacerPhase.push(phase);
    return true;
  }

  /** An empty field as null, a number within bounds as itself, anything else undefined. */
  #optionalNumber(text: string, min: number, max: number): number | null | undefined {
    if (text === '') return null;
    if (!NUMBER.test(text)) return undefined;
    const value = Number(text);
    return value >= min && value <= max ? value : undefined;
  }

  #result(): RrFileResult {
    const layout = this.#layout;
    const count = this.#values.length;
    if (!layout || count === 0) return { ok: false, error: { kind: 'no-intervals' } };
    if (count < 2) return { ok: false, error: { kind: 'too-few-intervals', count } };
    const typical = median(this.#values);
    const unit: RrUnit = layout.unit ?? (typical < 10 ? 's' : 'ms');
    const typicalMs = unit === 's' ? typical * 1000 : typical;
    if (!isPlausibleRrMs(typicalMs)) return { ok: false, error: { kind: 'not-rr-values', typical } };

    const beats = emptyColumns();
    const breath: (number | null)[] = [];
    const lines: number[] = [];
    const impossibleLines: number[] = [];
    let impossible = 0;
    let gapPending = false;
    let timeMs = 0;
    for (let i = 0; i < count; i += 1) {
      const text = this.#valueText[i] ?? '';
      const rrMs = unit === 's' ? scaledDecimal(text, 3) : (this.#values[i] ?? Number.NaN);
      const own = layout.own !== null;
      if (!isPlausibleRrMs(rrMs)) {
        impossible += 1;
        if (impossibleLines.length < IMPOSSIBLE_LINES_KEPT) impossibleLines.push(this.#valueLines[i] ?? 0);
        gapPending = beats.rrMs.length > 0;
        continue;
      }
      const index = beats.rrMs.length;
      timeMs = own ? (this.#timeMs[i] ?? 0) : timeMs + rrMs;
      beats.rrMs.push(rrMs);
      beats.timeMs.push(timeMs);
      beats.pacerRateBpm.push(own ? (this.#pacerRateBpm[i] ?? null) : null);
      beats.pacerPhase.push(own ? (this.#pacerPhase[i] ?? null) : null);
      if (gapPending || (own && this.#afterGap[i])) beats.gaps.push(index);
      const label = own ? (this.#artifact[i] ?? NORMAL_BEAT) : NORMAL_BEAT;
      if (label !== NORMAL_BEAT) beats.artifacts.push([index, label]);
      if (own) breath.push(this.#breath[i] ?? null);
      lines.push(this.#valueLines[i] ?? 0);
      gapPending = false;
    }
    if (beats.rrMs.length < 2)
      return { ok: false, error: { kind: 'too-few-intervals', count: beats.rrMs.length } };
    return {
      ok: true,
      value: {
        beats,
        lines,
        unit,
        unitFrom: layout.unit === null ? 'values' : 'header',
        rrColumn: layout.rrName === '' ? null : layout.rrName,
        ownCsv: layout.own !== null,
        breath: layout.own && layout.own.breath >= 0 && breath.some((v) => v !== null) ? breath : null,
        impossible,
        impossibleLines,
        contentId: this.#hash.id,
      },
    };
  }
}

/** Read a whole RR file's text at once (a test, the analyze script, a file already in memory). */
export function parseRrText(text: string): RrFileResult {
  const reader = new RrFileReader();
  reader.push(text);
  return reader.finish();
}
