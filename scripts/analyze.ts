/**
 * `npm run analyze -- <file> [--json] [--no-correction]`: the full HRV report of an RR file from the same engine
 * the app uses (src/core/hrv/analysis.ts). The file is read by the app's own RR-file reader
 * (src/core/rr-file/reader.ts), the one import and replay use: one RR per line, or a CSV whose RR column is found
 * by its header (rr_ms, RR-interval [ms], rr, IBI, ...), within the same size and length limits, and with the
 * same plausibility check: values no heart can produce (outside 200-3000 ms) are left out, and no difference is
 * taken across them. Artifacts are detected and corrected (Lipponen & Tarvainen 2019) unless --no-correction,
 * which analyses the input exactly as given. The JSON fields are documented in docs/analyze.md. Errors name the
 * file and the line and exit with status 1.
 */
import { readFileSync, statSync } from 'node:fs';
import { MAX_FILE_BYTES } from '../src/core/export/file-limits';
import { analyzeRecording } from '../src/core/hrv/analysis';
import { reportToJson, type HrvReportJson } from '../src/core/hrv/report-json';
import { RrFileReader } from '../src/core/rr-file/reader';
import type { FileProblem } from '../src/core/rr-file/problems';
import { describeFileProblem, problemLine } from '../src/ui/files/file-problem-text';

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

/** Read the file with the app's reader: strict UTF-8, bounded like every other file the app reads. */
function readRr(file: string): number[] {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) failWith({ kind: 'too-large', sizeBytes: size, limitBytes: MAX_FILE_BYTES });
    bytes = readFileSync(file);
  } catch (error) {
    fail(`${file}: cannot read the file (${error instanceof Error ? error.message : String(error)})`);
  }
  const reader = new RrFileReader();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    failWith({ kind: 'not-text', line: 1 });
  }
  const problem = reader.push(text);
  if (problem) failWith(problem);
  const read = reader.finish();
  if (!read.ok) failWith(read.error);
  // A NaN where a beat was left out or a gap lies: the engine takes no difference across it.
  const { rrMs, gaps } = read.value.beats;
  const gapAt = new Set(gaps);
  const series: number[] = [];
  rrMs.forEach((rr, i) => {
    if (gapAt.has(i)) series.push(Number.NaN);
    series.push(rr);
  });
  return series;

  function failWith(p: FileProblem): never {
    const line = problemLine(p);
    fail(`${file}${line === null ? '' : `:${line}`}: ${describeFileProblem(p)}`);
  }
}

const { file, json, correct } = parseArgs(process.argv.slice(2));
const report = reportToJson(analyzeRecording(readRr(file), { correct }));
console.log(json ? JSON.stringify(report, null, 2) : text(file, report, correct));
