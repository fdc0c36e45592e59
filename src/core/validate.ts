/**
 * The one way JSON from outside the code is checked (a backup file, a stored setting, a remembered strap): small
 * checkers that report where a problem is, as a path ("sessions[3].beats.rrMs[17]"), and what is wrong, as a typed
 * {@link ValueProblem} (worded by the screens: src/ui/files/value-problem-text.ts). Each throws a BadValue, caught
 * at the edge: a backup's import turns it into its problem with that path, and {@link valid} into undefined for a
 * reader that falls back to a default. A checker reads as a list of fields rather than as nested ifs.
 */

/** What a value was found to be, for "expected a number, found ..." (a text cut to 30 characters). */
export type Found =
  | { readonly type: 'null' | 'list' | 'object' | 'missing' }
  | { readonly type: 'text' | 'number' | 'boolean' | 'other'; readonly text: string };

/** The shapes a checker expects. */
export type Expected = 'object' | 'list' | 'text' | 'number' | 'whole-number' | 'boolean';

/** What is wrong with one value; checkers beyond these (a backup's) add their own kinds. */
export type ValueProblem =
  | { readonly kind: 'wrong-type'; readonly expected: Expected; readonly found: Found }
  | { readonly kind: 'too-long'; readonly maxLength: number }
  | { readonly kind: 'out-of-range'; readonly value: number; readonly min: number; readonly max: number }
  | { readonly kind: 'not-one-of'; readonly options: readonly (string | number)[]; readonly found: Found }
  /** A required field is absent. */
  | { readonly kind: 'missing' }
  /** A text or a time in ms that should be a date is none (`text` as found). */
  | { readonly kind: 'not-a-date'; readonly text: string }
  | BackupProblem;

/** A backup's own checks (core/export/backup.ts, backup-check.ts). */
type BackupProblem =
  /** The text is not JSON; `detail` is the parser's own message. */
  | { readonly kind: 'malformed-json'; readonly detail: string }
  | { readonly kind: 'not-a-backup' }
  | { readonly kind: 'newer-version'; readonly version: number; readonly understood: number }
  | { readonly kind: 'repeated-id'; readonly id: string }
  /** A list holds more entries than the summary (or the beat count) says. */
  | {
      readonly kind: 'count-mismatch';
      readonly what: 'beats' | 'heart-rate-samples';
      readonly holds: number;
      readonly says: number;
    }
  /** A column of a session's beats or samples is not one value per beat. */
  | { readonly kind: 'column-length'; readonly length: number; readonly expected: number }
  | {
      readonly kind: 'too-many';
      readonly what: 'session-beats' | 'breath-values' | 'reading-beats';
      readonly count: number;
      readonly limit: number;
    }
  | { readonly kind: 'backwards'; readonly what: 'beat-times' | 'sample-times' }
  | { readonly kind: 'off-grid'; readonly startMs: number; readonly stepMs: number }
  /** The breath runs on past what the session can have breathed. */
  | { readonly kind: 'breath-too-long'; readonly endMs: number; readonly durationMs: number }
  | { readonly kind: 'breath-without-beats' }
  | { readonly kind: 'not-positive' }
  /** A stored setting's pattern the pacer cannot show (core/pacer/pattern.ts). */
  | { readonly kind: 'bad-pattern' };

export class BadValue extends Error {
  readonly path: string;
  readonly problem: ValueProblem;
  constructor(path: string, problem: ValueProblem) {
    super(`${path}: ${JSON.stringify(problem)}`);
    this.path = path;
    this.problem = problem;
  }
}

export type Json = unknown;

function found(value: Json): Found {
  if (value === undefined) return { type: 'missing' };
  if (value === null) return { type: 'null' };
  if (Array.isArray(value)) return { type: 'list' };
  if (typeof value === 'string')
    return { type: 'text', text: value.length > 30 ? `${value.slice(0, 30)}…` : value };
  if (typeof value === 'number' || typeof value === 'bigint') return { type: 'number', text: String(value) };
  if (typeof value === 'boolean') return { type: 'boolean', text: String(value) };
  return typeof value === 'object' ? { type: 'object' } : { type: 'other', text: typeof value };
}

const wrongType = (path: string, expected: Expected, value: Json) =>
  new BadValue(path, { kind: 'wrong-type', expected, found: found(value) });

export function object(value: Json, path: string): Record<string, Json> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw wrongType(path, 'object', value);
  return value as Record<string, Json>;
}

export function list(value: Json, path: string): Json[] {
  if (!Array.isArray(value)) throw wrongType(path, 'list', value);
  return value;
}

export function string(value: Json, path: string, maxLength = 10_000): string {
  if (typeof value !== 'string') throw wrongType(path, 'text', value);
  if (value.length > maxLength) throw new BadValue(path, { kind: 'too-long', maxLength });
  return value;
}

export function number(value: Json, path: string, min = -Infinity, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType(path, 'number', value);
  if (value < min || value > max) throw new BadValue(path, { kind: 'out-of-range', value, min, max });
  return value;
}

export function integer(value: Json, path: string, min = -Infinity, max = Infinity): number {
  const n = number(value, path, min, max);
  if (!Number.isInteger(n)) throw wrongType(path, 'whole-number', n);
  return n;
}

/**
 * The last moment a JavaScript Date can hold, ms since 1970: ECMA-262's time values span ±8.64e15 ms (100 million
 * days, §21.4.1.1 "Time Values and Time Range"). A later "time" is no date at all: it cannot be shown or grouped
 * by day (formatting one throws).
 */
const MAX_TIME_MS = 8.64e15;

/** A moment in ms since 1970 (a session's start, a reading's time): a whole number a Date can hold, not before 1970. */
export function epochMs(value: Json, path: string): number {
  const ms = integer(value, path);
  if (ms < 0 || ms > MAX_TIME_MS) throw new BadValue(path, { kind: 'not-a-date', text: String(ms) });
  return ms;
}

export function nullable<T>(
  check: (value: Json, path: string) => T,
): (value: Json, path: string) => T | null {
  return (value, path) => (value === null ? null : check(value, path));
}

export function boolean(value: Json, path: string): boolean {
  if (typeof value !== 'boolean') throw wrongType(path, 'boolean', value);
  return value;
}

export function oneOf<T extends string | number>(value: Json, path: string, options: readonly T[]): T {
  const match = options.find((o) => o === value);
  if (match === undefined) throw new BadValue(path, { kind: 'not-one-of', options, found: found(value) });
  return match;
}

/** The value as `check` reads it, or undefined when it refuses it (a reader that falls back to a default). */
export function valid<T>(check: (value: Json, path: string) => T, value: Json): T | undefined {
  try {
    return check(value, '');
  } catch (error) {
    if (error instanceof BadValue) return undefined;
    throw error;
  }
}
