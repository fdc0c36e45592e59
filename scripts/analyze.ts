/**
 * `npm run analyze -- <file> [--json] [--no-correction]`: the full HRV report of an RR file from the same engine
 * the app uses (src/core/hrv/analysis.ts). The file holds one RR interval per line in ms (or s), with optional
 * header lines, or the last numeric column of a CSV (src/core/rr-file/parse.ts). Artifacts are detected and
 * corrected (Lipponen & Tarvainen 2019) unless --no-correction, which analyses the input exactly as given
 * (values that cannot be intervals at all, such as 0 or 5000 ms, are still labelled and left out). The JSON
 * fields are documented in docs/analyze.md. Errors name the file and the line and exit with status 1.
 */
import { readFileSync } from 'node:fs';
import { analyzeRecording } from '../src/core/hrv/analysis';
import { reportToJson, type HrvReportJson } from '../src/core/hrv/report-json';
import { parseRrFile } from '../src/core/rr-file/parse';

const USAGE = 'usage: npm run analyze -- <file> [--json] [--no-correction]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parseArgs(argv: string[]): { file: string; json: boolean; correct: boolean } {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const files = argv.filter((a) => !a.startsWith('--'));
  for (const flag of flags)
    if (!['--json', '--no-correction', '--help'].includes(flag)) fail(`unknown option ${flag}\n${USAGE}`);
  if (flags.has('--help')) {
    console.log(USAGE);
    process.exit(0);
  }
  const file = files[0];
  if (files.length !== 1 || file === undefined) fail(USAGE);
  return { file, json: flags.has('--json'), correct: !flags.has('--no-correction') };
}

function format(value: number | null, digits = 2): string {
  return value === null ? '-' : value.toFixed(digits);
}

function text(file: string, r: HrvReportJson, corrected: boolean): string {
  const td = r.timeDomain;
  const w = r.frequencyDomain.welch;
  const l = r.frequencyDomain.lomb;
  const nl = r.nonlinear;
  const rows: [string, string][] = [
    ['Beats', `${r.beats} over ${format(r.durationS, 1)} s`],
    [
      'Artifacts',
      `${r.artifacts.count} (${format(r.artifacts.percent)} %)${corrected ? ', corrected' : ', not corrected'}`,
    ],
    ['Mean / median NN', `${format(td.meanNnMs, 1)} / ${format(td.medianNnMs, 1)} ms`],
    ['SDNN / RMSSD / SDSD', `${format(td.sdnnMs)} / ${format(td.rmssdMs)} / ${format(td.sdsdMs)} ms`],
    ['pNN50 / pNN20', `${format(td.pnn50Pct)} / ${format(td.pnn20Pct)} %`],
    [
      'HR mean / min / max',
      `${format(td.meanHrBpm, 1)} / ${format(td.minHrBpm, 1)} / ${format(td.maxHrBpm, 1)} bpm`,
    ],
    ['Triangular index / stress index', `${format(td.triangularIndex)} / ${format(td.stressIndex, 1)}`],
    [
      'Welch VLF / LF / HF / total',
      `${format(w.vlfMs2, 0)} / ${format(w.lfMs2, 0)} / ${format(w.hfMs2, 0)} / ${format(w.totalMs2, 0)} ms^2`,
    ],
    ['Welch LF/HF, LFnu, HFnu', `${format(w.lfHf)}, ${format(w.lfNu, 1)}, ${format(w.hfNu, 1)}`],
    ['Welch LF / HF peak', `${format(w.lfPeakHz, 3)} / ${format(w.hfPeakHz, 3)} Hz`],
    ['Lomb LF/HF, LFnu, HFnu', `${format(l.lfHf)}, ${format(l.lfNu, 1)}, ${format(l.hfNu, 1)}`],
    ['Lomb LF / HF peak', `${format(l.lfPeakHz, 3)} / ${format(l.hfPeakHz, 3)} Hz`],
    ['SD1 / SD2 / SD1:SD2', `${format(nl.sd1Ms)} / ${format(nl.sd2Ms)} ms / ${format(nl.sd1Sd2, 3)}`],
    ['DFA alpha1 / alpha2', `${format(nl.dfaAlpha1, 3)} / ${format(nl.dfaAlpha2, 3)}`],
    ['SampEn / ApEn', `${format(nl.sampleEntropy, 3)} / ${format(nl.approximateEntropy, 3)}`],
    [
      'Coherence ratio / peak / score',
      `${format(r.coherence.ratio)} / ${format(r.coherence.peakHz, 3)} Hz / ${format(r.coherence.score, 1)}`,
    ],
    ['Respiration rate', `${format(r.respirationRateBpm, 1)} breaths/min`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return [file, ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`), '  (- = not enough data)'].join('\n');
}

const { file, json, correct } = parseArgs(process.argv.slice(2));
let content: string;
try {
  content = readFileSync(file, 'utf8');
} catch (error) {
  fail(`${file}: cannot read the file (${error instanceof Error ? error.message : String(error)})`);
}
const parsed = parseRrFile(content);
if (!parsed.ok)
  fail(
    parsed.error.line > 0
      ? `${file}:${parsed.error.line}: ${parsed.error.message}`
      : `${file}: ${parsed.error.message}`,
  );
const report = reportToJson(analyzeRecording(parsed.file.rrMs, { correct }));
console.log(json ? JSON.stringify(report, null, 2) : text(file, report, correct));
