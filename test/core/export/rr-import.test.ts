import { describe, expect, it } from 'vitest';
import { importId, importRrText, OUT_OF_RANGE } from '../../../src/core/export/rr-import';

const start = Date.UTC(2026, 10, 1);

describe('importing RR files from other apps', () => {
  it('reads a Polar-style file with a header into a finished session with beat times', () => {
    const result = importRrText(
      'Phone timestamp;RR-interval [ms]\n2026-11-01T07:00:00;1000\n2026-11-01T07:00:01;900\n2026-11-01T07:00:02;1100\n',
      'polar.txt',
      'i1',
      start,
    );
    if (!result.ok) throw new Error(result.problem.message);
    expect(result.beats.map((b) => [b.rrMs, b.timeMs])).toEqual([
      [1000, 1000],
      [900, 1900],
      [1100, 3000],
    ]);
    expect(result.session).toMatchObject({
      id: 'i1',
      sourceKind: 'replay',
      end: 'imported',
      durationMs: 3000,
      sourceLabel: 'polar.txt',
    });
    // The mean of the instantaneous heart rates 60000 / RR.
    expect(result.session.summary.meanHeartRateBpm).toBeCloseTo((60 + 60_000 / 900 + 60_000 / 1100) / 3, 9);
  });

  it('reads Kubios-style seconds and labels implausible intervals instead of dropping them', () => {
    const result = importRrText('0.8\n0.9\n5.0\n0.85\n', 'kubios.txt', 'i2', start);
    if (!result.ok) throw new Error(result.problem.message);
    expect(result.beats.map((b) => b.artifact)).toEqual(['normal', 'normal', OUT_OF_RANGE, 'normal']);
    expect(result.session.summary.artifactCount).toBe(1);
  });

  it('names the file and line of a malformed value', () => {
    const result = importRrText('800\n810\nabc\n', 'elite.txt', 'i3', start);
    expect(result).toEqual({
      ok: false,
      problem: { where: 'elite.txt, line 3', message: '"abc" is not a number' },
    });
  });

  it('refuses heart rates in bpm and empty files', () => {
    const bpm = importRrText('62\n64\n63\n', 'hr.txt', 'i4', start);
    expect(bpm.ok).toBe(false);
    if (!bpm.ok) expect(bpm.problem.message).toMatch(/not an RR interval/);
    const empty = importRrText('\n\n', 'empty.txt', 'i5', start);
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.problem.where).toBe('empty.txt');
  });
});

describe('import ids', () => {
  it('are the same for the same text and differ for different text', () => {
    expect(importId('800\n810\n')).toBe(importId('800\n810\n'));
    expect(importId('800\n810\n')).not.toBe(importId('800\n811\n'));
    expect(importId('')).toMatch(/^rr-[0-9a-f]{16}$/);
  });
});
