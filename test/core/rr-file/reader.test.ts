import { describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS, MAX_RECORDING_BEATS } from '../../../src/core/export/file-limits';
import { parseRrText, RrFileReader, type RrFile } from '../../../src/core/rr-file/reader';
import { fromColumns } from '../../../src/core/session/columns';
import type { BeatRecord } from '../../../src/core/session/record';

import { LAYOUTS, layoutText as fixture, SOURCE_RR } from './layouts';

function read(text: string): RrFile {
  const result = parseRrText(text);
  if (!result.ok) throw new Error(`unexpected problem ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('RR files in the published layouts', () => {
  it.each(LAYOUTS)('%s reads as the 40 intervals it was written from', (name, column, unit, unitFrom) => {
    const file = read(fixture(name));
    expect(file.beats.rrMs).toEqual(SOURCE_RR);
    expect(file.rrColumn).toBe(column);
    expect(file.unit).toBe(unit);
    expect(file.unitFrom).toBe(unitFrom);
    expect(file.impossible).toBe(0);
    expect(file.beats.gaps).toEqual([]);
    // Beat times are the running sum of the intervals.
    expect(file.beats.timeMs.at(-1)).toBe(SOURCE_RR.reduce((a, b) => a + b, 0));
  });

  it("reads HRV Logger's rr column, never its cumulative `since start`", () => {
    const file = read(
      'date,rr,since start\n2026-11-22 07:30:00.000,936,0\n2026-11-22 07:30:00.936,1020,936\n',
    );
    expect(file.beats.rrMs).toEqual([936, 1020]);
  });

  it("reads this app's CSV by its rr_ms column (not pacer_phase), with times, gaps, labels and pacer", () => {
    const beats = JSON.parse(fixture('resonance-export.beats.json')) as BeatRecord[];
    const file = read(fixture('resonance-export.csv'));
    expect(file.ownCsv).toBe(true);
    expect(file.rrColumn).toBe('rr_ms');
    expect(fromColumns(file.beats)).toEqual(beats);
    expect(file.beats.gaps).toEqual([20]);
    expect(file.beats.artifacts).toEqual([[30, 'ectopic']]);
  });

  it("reads this app's RR text as the same RR values exactly", () => {
    const beats = JSON.parse(fixture('resonance-export.beats.json')) as BeatRecord[];
    expect(read(fixture('resonance-export.txt')).beats.rrMs).toEqual(beats.map((b) => b.rrMs));
  });

  it.each([
    ['RR (ms)\n812\n790\n', [812, 790], 'ms'],
    ['IBI\n0.812\n0.790\n', [812, 790], 's'],
    ['RR interval (s)\n0.812\n0.790\n', [812, 790], 's'],
    ['timestamp;rri [ms]\n1;812\n2;790\n', [812, 790], 'ms'],
    ['Time;RR\n0,812;0,812\n1,602;0,790\n', [812, 790], 's'],
    ['"date","RR","note"\n"2026-01-01","812","a, b"\n"2026-01-01","790",""\n', [812, 790], 'ms'],
    ['\uFEFFrr\r\n812\r\n\r\n# a comment\r\n790\r\n', [812, 790], 'ms'],
    ['Exported by some app\nSubject: me\n812\n790\n', [812, 790], 'ms'],
  ])('finds the RR column and its unit in %j', (text, rrMs, unit) => {
    const file = read(text);
    expect(file.beats.rrMs).toEqual(rrMs);
    expect(file.unit).toBe(unit);
  });

  it('names the line and column of a malformed value', () => {
    expect(parseRrText('rr\n800\n810\nabc\n820')).toEqual({
      ok: false,
      error: { kind: 'not-a-number', line: 4, column: 'rr', text: 'abc' },
    });
    expect(parseRrText('800\n810\n8x0\n')).toMatchObject({
      ok: false,
      error: { kind: 'not-a-number', line: 3, column: 1 },
    });
    expect(parseRrText('date;RR-interval [ms]\n2026;800\n2026;\n')).toEqual({
      ok: false,
      error: { kind: 'missing-value', line: 3, column: 'RR-interval [ms]' },
    });
  });

  it('refuses a header that names no RR column, listing the columns', () => {
    expect(parseRrText('date,heart_rate,steps\n2026-01-01,62,10\n')).toEqual({
      ok: false,
      error: { kind: 'no-rr-column', line: 1, columns: ['date', 'heart_rate', 'steps'] },
    });
  });

  it('refuses unnamed numeric columns it cannot tell apart', () => {
    expect(parseRrText('812,790\n790,805\n805,812\n800,801\n')).toMatchObject({
      ok: false,
      error: { kind: 'unclear-columns', line: 1, columns: 2 },
    });
  });

  it('refuses heart rates in bpm, empty files and a single interval', () => {
    expect(parseRrText('62\n64\n63\n')).toEqual({
      ok: false,
      error: { kind: 'not-rr-values', typical: 63 },
    });
    expect(parseRrText('')).toEqual({ ok: false, error: { kind: 'no-intervals' } });
    expect(parseRrText('just words\n')).toEqual({ ok: false, error: { kind: 'no-intervals' } });
    expect(parseRrText('rr\n800\n')).toEqual({ ok: false, error: { kind: 'too-few-intervals', count: 1 } });
  });

  it('reads the measured breath column of its own CSV, one value per beat kept, empty as not measured', () => {
    const file = read(
      'time_s,rr_ms,after_gap,artifact,pacer_rate_bpm,pacer_phase,breath\n' +
        '1,1000,0,normal,6,0,-12.5\n1.1,100,0,normal,6,0.1,3\n2,900,0,normal,6,0.2,\n3,1000,0,normal,6,0.3,40.25\n',
    );
    // The 100 ms interval is no beat: left out with its breath value.
    expect(file.beats.rrMs).toEqual([1000, 900, 1000]);
    expect(file.breath).toEqual([-12.5, null, 40.25]);
    expect(
      read(
        'time_s,rr_ms,after_gap,artifact,pacer_rate_bpm,pacer_phase\n1,1000,0,normal,,\n2,1000,0,normal,,\n',
      ).breath,
    ).toBeNull();
    expect(read('rr\n1000\n900\n').breath).toBeNull();
    const bad = parseRrText(
      'time_s,rr_ms,after_gap,artifact,pacer_rate_bpm,pacer_phase,breath\n1,1000,0,normal,6,0,1\n2,1000,0,normal,6,0,9e9\n',
    );
    expect(bad).toMatchObject({
      ok: false,
      error: { kind: 'bad-value', line: 3, column: 'breath', text: '9e9', expected: 'breath' },
    });
  });

  it('checks the columns of its own CSV, naming the line', () => {
    const header = 'time_s,rr_ms,after_gap,artifact,pacer_rate_bpm,pacer_phase';
    expect(parseRrText(`${header}\n1,1000,0,normal,6,0\n0.5,1000,0,normal,6,0.1\n`)).toMatchObject({
      ok: false,
      error: { kind: 'bad-value', line: 3, column: 'time_s', expected: 'not-earlier' },
    });
    expect(parseRrText(`${header}\n1,1000,2,normal,,\n`)).toMatchObject({
      ok: false,
      error: { kind: 'bad-value', line: 2, column: 'after_gap', expected: 'flag' },
    });
    expect(parseRrText(`${header}\n1,1000,0,<b>x</b>,,\n`)).toMatchObject({
      ok: false,
      error: { kind: 'bad-value', line: 2, column: 'artifact', expected: 'beat-label' },
    });
  });
});

describe('impossible values in files', () => {
  it('leaves out RR outside 200..3000 ms, counts them, and marks a gap before the next beat', () => {
    const file = read('rr\n800\n0.98\n810\n64000\n199\n820\n3000\n200\n');
    expect(file.beats.rrMs).toEqual([800, 810, 820, 3000, 200]);
    expect(file.beats.gaps).toEqual([1, 2]);
    expect(file.impossible).toBe(3);
    expect(file.impossibleLines).toEqual([3, 5, 6]);
    // Left-out values move no beat: times are the sum of the kept intervals.
    expect(file.beats.timeMs).toEqual([800, 1610, 2430, 5430, 5630]);
  });

  it('applies the same range to seconds', () => {
    expect(read('0.8\n0.9\n5.0\n0.85\n').beats.rrMs).toEqual([800, 900, 850]);
  });
});

describe('bounded reading', () => {
  it('gives the same file whatever the chunks, including a CRLF split between two chunks', () => {
    const text = fixture('resonance-export.csv');
    const whole = read(text);
    for (const size of [1, 2, 7, 64]) {
      const reader = new RrFileReader();
      for (let i = 0; i < text.length; i += size) expect(reader.push(text.slice(i, i + size))).toBeNull();
      const chunked = reader.finish();
      expect(chunked.ok && chunked.value).toEqual(whole);
    }
  });

  it('refuses at the first line past the beat limit, without needing the rest', () => {
    const reader = new RrFileReader();
    const block = '800\n'.repeat(10_000);
    let problem = null;
    let pushed = 0;
    while (problem === null && pushed < 1000) {
      problem = reader.push(block);
      pushed += 1;
    }
    expect(problem).toEqual({
      kind: 'too-many-beats',
      line: MAX_RECORDING_BEATS + 1,
      limit: MAX_RECORDING_BEATS,
    });
    expect(pushed).toBe(Math.ceil((MAX_RECORDING_BEATS + 1) / 10_000));
    // Once refused, more text changes nothing.
    expect(reader.push('800\n')).toEqual(problem);
  });

  it('refuses a line past the length limit as soon as it is seen', () => {
    const reader = new RrFileReader();
    expect(reader.push('800\n810\n')).toBeNull();
    expect(reader.push('8'.repeat(MAX_LINE_CHARS + 1))).toEqual({
      kind: 'line-too-long',
      line: 3,
      limitChars: MAX_LINE_CHARS,
    });
  });

  it('says a file with a NUL byte or undecodable bytes is not text, naming the line', () => {
    expect(parseRrText('800\n810\n\u0000\u0001garbage')).toEqual({
      ok: false,
      error: { kind: 'not-text', line: 3 },
    });
    expect(parseRrText('800\r\n\uFFFD\uFFFD')).toEqual({ ok: false, error: { kind: 'not-text', line: 2 } });
  });

  it('gives the same content id in chunks as for the whole text', () => {
    const text = fixture('hrv-logger_RR.csv');
    const reader = new RrFileReader();
    reader.push(text.slice(0, 100));
    reader.push(text.slice(100));
    const chunked = reader.finish();
    expect(chunked.ok && chunked.value.contentId).toBe(read(text).contentId);
    expect(read(text).contentId).not.toBe(read(fixture('elite-hrv.txt')).contentId);
  });
});
