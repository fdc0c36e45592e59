import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeRecording } from '../../src/core/hrv/analysis';
import { reportToJson } from '../../src/core/hrv/report-json';
import { loadFixture } from '../core/hrv/fixtures';
import { LAYOUT_DIR, LAYOUT_FILES, SOURCE_RR } from '../core/rr-file/layouts';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'analyze-'));

function analyze(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(TSX, [join(ROOT, 'scripts', 'analyze.ts'), ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The injected recording as a Kubios-style text file with a header line. */
const injected = loadFixture('polar_h10_dhyb_injected');
const file = join(dir, 'injected.txt');
writeFileSync(file, ['RR interval (ms)', ...injected.rrMs.map(String)].join('\n'));

describe('npm run analyze', () => {
  it('prints the engine report as JSON, corrected by default', () => {
    const out = analyze(file, '--json');
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual(
      JSON.parse(JSON.stringify(reportToJson(analyzeRecording(injected.rrMs)))),
    );
  });

  it('analyses the input as given with --no-correction', () => {
    const out = analyze(file, '--json', '--no-correction');
    const json = JSON.parse(out.stdout) as { timeDomain: { rmssdMs: number } };
    expect(json.timeDomain.rmssdMs).toBeCloseTo(
      injected.num('metrics_neurokit2/injected_uncorrected/RMSSD_ms'),
      9,
    );
  });

  it('prints a readable report without --json', () => {
    const out = analyze(file);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('RMSSD');
    expect(out.stdout).toContain(`${injected.rrMs.length} over`);
  });

  it('names the file and the line of a bad value', () => {
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, 'rr\n800\n810\nabc\n820\n');
    const out = analyze(bad, '--json');
    expect(out.status).toBe(1);
    expect(out.stderr.trim()).toBe(`${bad}:4: "abc" is not a number (column rr)`);
  });

  it.each(LAYOUT_FILES)('reads %s with the app’s reader: the report of the 40 intervals it holds', (name) => {
    const out = analyze(join(LAYOUT_DIR, name), '--json', '--no-correction');
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual(
      JSON.parse(JSON.stringify(reportToJson(analyzeRecording(SOURCE_RR, { correct: false })))),
    );
  });

  it("reads this app's CSV by rr_ms, taking no difference across its gap", () => {
    const beats = JSON.parse(readFileSync(join(LAYOUT_DIR, 'resonance-export.beats.json'), 'utf8')) as {
      rrMs: number;
      afterGap: boolean;
    }[];
    const series = beats.flatMap((b) => (b.afterGap ? [Number.NaN, b.rrMs] : [b.rrMs]));
    const out = analyze(join(LAYOUT_DIR, 'resonance-export.csv'), '--json', '--no-correction');
    expect(out.status).toBe(0);
    const json = JSON.parse(out.stdout) as { timeDomain: { meanNnMs: number } };
    expect(json).toEqual(
      JSON.parse(JSON.stringify(reportToJson(analyzeRecording(series, { correct: false })))),
    );
    expect(json.timeDomain.meanNnMs).toBeGreaterThan(900);
  });

  it('leaves out impossible values like import and replay, and refuses a binary file', () => {
    const impossible = join(dir, 'impossible.txt');
    writeFileSync(
      impossible,
      ['rr', ...SOURCE_RR.slice(0, 20), '0.98', '64000', ...SOURCE_RR.slice(20)].join('\n'),
    );
    const out = analyze(impossible, '--json', '--no-correction');
    const series = [...SOURCE_RR.slice(0, 20), Number.NaN, ...SOURCE_RR.slice(20)];
    expect(JSON.parse(out.stdout)).toEqual(
      JSON.parse(JSON.stringify(reportToJson(analyzeRecording(series, { correct: false })))),
    );
    const binary = join(dir, 'noise.bin');
    writeFileSync(binary, Buffer.from([0x38, 0x31, 0x32, 0x0a, 0xff, 0xfe, 0x00, 0x01]));
    const refused = analyze(binary);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('not a text file');
  });

  it('names a missing file and rejects unknown options', () => {
    const missing = join(dir, 'missing.txt');
    expect(analyze(missing).stderr).toContain(`${missing}: cannot read the file`);
    expect(analyze(file, '--xml').status).toBe(1);
  });
});
