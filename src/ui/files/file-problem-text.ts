/** Plain words for a file that could not be read (the core's typed {@link FileProblem}). */
import type { ExpectedValue, FileProblem, RrColumn } from '../../core/rr-file/problems';
import { MAX_BREATH_MG } from '../../core/respiration/breath-trace';

const MB = 1_048_576;

/** What a file was meant to be, for the words about its size. */
export type FilePurpose = 'recording' | 'backup';

/** The problem in words, without the file's name or a final full stop ("line 3: "abc" is not a number"). */
export function describeFileProblem(problem: FileProblem, purpose: FilePurpose = 'recording'): string {
  switch (problem.kind) {
    case 'not-text':
      return 'this is not a text file (it holds binary data), so it cannot be read';
    case 'unreadable':
      return 'the file could not be read (was it moved or deleted?)';
    case 'too-large':
      return `the file is ${sizeWords(problem, purpose)}`;
    case 'too-many-beats':
      return `more than ${problem.limit.toLocaleString('en')} beats, more than a day of recording, so it was not read further`;
    case 'line-too-long':
      return `a line longer than ${problem.limitChars.toLocaleString('en')} characters, which no RR file has`;
    case 'no-rr-column':
      return `no column holds RR intervals (the columns are ${problem.columns.map((c) => `"${short(c)}"`).join(', ')}; expected a column named rr, RR-interval [ms], IBI or similar)`;
    case 'unclear-columns':
      return `${problem.columns} columns of numbers and no header saying which holds the RR intervals`;
    case 'not-a-number':
      return `"${short(problem.text)}" is not a number (${columnText(problem.column)})`;
    case 'missing-value':
      return `no value in ${columnText(problem.column)}`;
    case 'bad-value':
      return `"${short(problem.text)}" in column ${short(problem.column)}, expected ${EXPECTED[problem.expected]}`;
    case 'no-intervals':
      return 'the file holds no RR intervals';
    case 'too-few-intervals':
      return `the file holds ${problem.count === 0 ? 'no' : 'only one'} usable RR interval, at least 2 are needed`;
    case 'not-rr-values':
      return `the typical value is ${problem.typical}, which is not an RR interval in ms or s (heart rates in bpm perhaps?)`;
  }
}

/** "column RR" for a column the header names, "column 2" for one a file without a header holds in that place. */
function columnText(column: RrColumn): string {
  return `column ${typeof column === 'number' ? column : short(column)}`;
}

const EXPECTED: Record<ExpectedValue, string> = {
  seconds: 'a time in seconds',
  'not-earlier': 'a time no earlier than the beat before',
  flag: '0 or 1',
  'beat-label': 'a label such as normal or ectopic',
  'pacer-rate': 'empty or 0 to 60',
  'pacer-phase': 'empty or 0 to 1',
  breath: `empty or a breath value within ±${MAX_BREATH_MG} mG`,
};

/** The line a problem is on, or null when it is about the whole file. */
export function problemLine(problem: FileProblem): number | null {
  return 'line' in problem ? problem.line : null;
}

/** The problem with its file named: "beats.csv, line 3: ..." or "huge.txt is 100 MB, ...", ending with a stop. */
export function fileProblemText(
  fileName: string,
  problem: FileProblem,
  purpose: FilePurpose = 'recording',
): string {
  if (problem.kind === 'too-large') return `${fileName} is ${sizeWords(problem, purpose)}.`;
  const line = problemLine(problem);
  return `${fileName}${line === null ? '' : `, line ${line}`}: ${describeFileProblem(problem, purpose)}.`;
}

function sizeWords(problem: { sizeBytes: number; limitBytes: number }, purpose: FilePurpose): string {
  const size = `${Math.round(problem.sizeBytes / MB)} MB`;
  return purpose === 'backup'
    ? `${size}, larger than the ${Math.round(problem.limitBytes / MB)} MB a backup may be`
    : `${size}, too large for an RR recording (a whole day of beats is under 3 MB)`;
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
