import { describe, expect, it } from 'vitest';
import { parseRrFile } from '../../../src/core/rr-file/parse';

describe('parseRrFile', () => {
  it('reads one RR in ms per line (Polar, Elite HRV)', () => {
    const result = parseRrFile('812\n790\n805.5\n');
    expect(result).toEqual({
      ok: true,
      file: { rrMs: [812, 790, 805.5], lines: [1, 2, 3], headerLines: 0, convertedFromSeconds: false },
    });
  });

  it('skips a header, blank lines, comments and Windows line ends', () => {
    const result = parseRrFile('RR (ms)\r\n\r\n# exported\r\n1000\r\n950\r\n');
    expect(result.ok && result.file.rrMs).toEqual([1000, 950]);
    expect(result.ok && result.file.lines).toEqual([4, 5]);
    expect(result.ok && result.file.headerLines).toBe(1);
  });

  it('reads seconds (as Kubios accepts) and converts them to ms', () => {
    const result = parseRrFile('0.812\n0.790\n');
    expect(result.ok && result.file.rrMs).toEqual([812, 790]);
    expect(result.ok && result.file.convertedFromSeconds).toBe(true);
  });

  it('takes the last column of a time,rr file', () => {
    const result = parseRrFile('time,rr\n0.81,812\n1.60,790\n');
    expect(result.ok && result.file.rrMs).toEqual([812, 790]);
  });

  it('names the line and the problem in a malformed file', () => {
    expect(parseRrFile('800\n810\nabc\n820')).toEqual({
      ok: false,
      error: { line: 3, message: '"abc" is not a number' },
    });
    expect(parseRrFile('800\n-5\n')).toEqual({
      ok: false,
      error: { line: 2, message: 'an RR interval must be positive, found -5' },
    });
    expect(parseRrFile('800\n0\n')).toMatchObject({ ok: false, error: { line: 2 } });
  });

  it('says when a file holds no intervals', () => {
    expect(parseRrFile('')).toEqual({
      ok: false,
      error: { line: 0, message: 'the file holds no RR intervals' },
    });
    expect(parseRrFile('just words\n')).toMatchObject({ ok: false, error: { line: 0 } });
  });
});
