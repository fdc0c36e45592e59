import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeRecording } from '../../src/core/hrv/analysis';
import { reportToJson } from '../../src/core/hrv/report-json';
import { loadFixture } from '../core/hrv/fixtures';

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
    expect(out.stderr.trim()).toBe(`${bad}:4: "abc" is not a number`);
  });

  it('names a missing file and rejects unknown options', () => {
    const missing = join(dir, 'missing.txt');
    expect(analyze(missing).stderr).toContain(`${missing}: cannot read the file`);
    expect(analyze(file, '--xml').status).toBe(1);
  });
});
