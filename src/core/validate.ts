/**
 * The one way JSON from outside the code is checked (a backup file, a stored setting, a remembered strap): small
 * checkers that report where a problem is, as a path ("sessions[3].beats.rrMs[17]"), and what was expected. Each
 * throws a BadValue, caught at the edge: a backup's import turns it into its problem with that path, and
 * {@link valid} into undefined for a reader that falls back to a default. A checker reads as a list of fields
 * rather than as nested ifs.
 */

export class BadValue extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.path = path;
  }
}

export type Json = unknown;

function describe(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}

export function object(value: Json, path: string): Record<string, Json> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BadValue(path, `expected an object, found ${describe(value)}`);
  return value as Record<string, Json>;
}

export function list(value: Json, path: string): Json[] {
  if (!Array.isArray(value)) throw new BadValue(path, `expected a list, found ${describe(value)}`);
  return value;
}

export function string(value: Json, path: string, maxLength = 10_000): string {
  if (typeof value !== 'string') throw new BadValue(path, `expected text, found ${describe(value)}`);
  if (value.length > maxLength) throw new BadValue(path, `text longer than ${maxLength} characters`);
  return value;
}

export function number(value: Json, path: string, min = -Infinity, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new BadValue(path, `expected a number, found ${describe(value)}`);
  if (value < min || value > max) throw new BadValue(path, `${value} is outside ${min}..${max}`);
  return value;
}

export function integer(value: Json, path: string, min = -Infinity, max = Infinity): number {
  const n = number(value, path, min, max);
  if (!Number.isInteger(n)) throw new BadValue(path, `expected a whole number, found ${n}`);
  return n;
}

export function nullable<T>(
  check: (value: Json, path: string) => T,
): (value: Json, path: string) => T | null {
  return (value, path) => (value === null ? null : check(value, path));
}

export function boolean(value: Json, path: string): boolean {
  if (typeof value !== 'boolean')
    throw new BadValue(path, `expected true or false, found ${describe(value)}`);
  return value;
}

export function oneOf<T extends string | number>(value: Json, path: string, options: readonly T[]): T {
  const found = options.find((o) => o === value);
  if (found === undefined)
    throw new BadValue(path, `expected one of ${options.join(', ')}, found ${describe(value)}`);
  return found;
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
