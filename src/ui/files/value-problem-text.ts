/** Plain words for a value a backup (or any checked JSON) holds wrongly: the core's typed {@link ValueProblem}. */
import type { Expected, Found, ValueProblem } from '../../core/validate';

const EXPECTED: Record<Expected, string> = {
  object: 'an object',
  list: 'a list',
  text: 'text',
  number: 'a number',
  'whole-number': 'a whole number',
  boolean: 'true or false',
};

function foundText(found: Found): string {
  switch (found.type) {
    case 'missing':
      return 'nothing';
    case 'null':
      return 'null';
    case 'list':
      return 'a list';
    case 'object':
      return 'an object';
    case 'text':
      return `"${found.text}"`;
    case 'number':
    case 'boolean':
    case 'other':
      return found.text;
  }
}

const MANY: Record<'session-beats' | 'breath-values' | 'reading-beats', string> = {
  'session-beats': 'beats',
  'breath-values': 'breath values',
  'reading-beats': 'beats',
};

/** The problem in words, without where it is or a final full stop ("expected a number, found "x""). */
export function valueProblemText(problem: ValueProblem): string {
  switch (problem.kind) {
    case 'wrong-type':
      return `expected ${EXPECTED[problem.expected]}, found ${foundText(problem.found)}`;
    case 'too-long':
      return `text longer than ${problem.maxLength} characters`;
    case 'out-of-range':
      return rangeText(problem.value, problem.min, problem.max);
    case 'not-one-of':
      return `expected one of ${problem.options.join(', ')}, found ${foundText(problem.found)}`;
    case 'missing':
      return 'missing';
    case 'not-a-date':
      return `"${problem.text}" is not a date`;
    case 'malformed-json':
      return `this is not a whole backup: its text is not valid JSON, perhaps because the file was cut short. The browser says: ${problem.detail}`;
    case 'not-a-backup':
      return 'this is not a Resonance backup';
    case 'newer-version':
      return `backup version ${problem.version} is newer than this app understands (${problem.understood})`;
    case 'repeated-id':
      return `${problem.id} appears twice`;
    case 'count-mismatch':
      return `holds ${problem.holds} ${problem.what === 'beats' ? 'beats' : 'heart-rate samples'} but the summary says ${problem.says}`;
    case 'column-length':
      return `has ${problem.length} values, expected ${problem.expected} (one per beat)`;
    case 'too-many':
      return problem.what === 'reading-beats'
        ? `holds ${problem.count} beats, more than a reading can (${problem.limit})`
        : `holds ${problem.count} ${MANY[problem.what]}, more than the ${problem.limit} a session may`;
    case 'backwards':
      return problem.what === 'beat-times' ? 'beat times go backwards' : 'sample times go backwards';
    case 'off-grid':
      return `${problem.startMs} is not on the breath's ${problem.stepMs} ms grid`;
    case 'breath-too-long':
      return `runs to ${problem.endMs / 1000} s, longer than the session (${Math.round(problem.durationMs / 1000)} s) can have breathed`;
    case 'breath-without-beats':
      return 'a measured breath comes with beats, and this session has none';
    case 'not-positive':
      return 'must be above 0';
    case 'bad-pattern':
      return 'a breathing pattern the pacer cannot show';
  }
}

/**
 * A value outside its bounds, said with the bound it passes: "8 is outside 4 to 7" when both ends are figures, else
 * "-1 is below 0" or "1e+300 is above 65536" (an open end, infinite or the smallest number above 0, is not named).
 */
function rangeText(value: number, min: number, max: number): string {
  const open = (bound: number) => !Number.isFinite(bound) || bound === Number.MIN_VALUE;
  if (!open(min) && !open(max)) return `${value} is outside ${min} to ${max}`;
  if (value > max) return `${value} is above ${max}`;
  return min === Number.MIN_VALUE ? `${value} is not above 0` : `${value} is below ${min}`;
}
