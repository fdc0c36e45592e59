/** Loading the reference recordings in test/fixtures/hrv (see the README there). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { valueOf, type Measure } from '../../../src/core/hrv/measure';

export const FIXTURE_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'hrv');

/** The reference files analysed without correction. */
export const REFERENCE_FILES = ['nsrdb_5min', 'nk_rest5min', 'polar_h10_dhyb'] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Fixture {
  readonly id: string;
  readonly rrMs: number[];
  /** Read a number at a dotted path, failing the test loudly when it is missing. */
  num(path: string): number;
  numbers(path: string): number[];
}

function at(root: Json, path: string): Json {
  let node: Json = root;
  for (const key of path.split('/')) {
    const next: Json | undefined =
      node === null || typeof node !== 'object'
        ? undefined
        : Array.isArray(node)
          ? node[Number(key)]
          : node[key];
    if (next === undefined) throw new Error(`fixture has no ${path}`);
    node = next;
  }
  return node;
}

export function loadFixture(id: string): Fixture {
  const root = JSON.parse(readFileSync(join(FIXTURE_DIR, `${id}.json`), 'utf8')) as Json;
  const numbers = (path: string): number[] => {
    const v = at(root, path);
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'number'))
      throw new Error(`${path} is not numbers`);
    return v as number[];
  };
  return {
    id,
    rrMs: numbers('rr_ms'),
    num(path) {
      const v = at(root, path);
      if (typeof v !== 'number') throw new Error(`${path} is not a number`);
      return v;
    },
    numbers,
  };
}

/** The value of a measure that must be computable. */
export function must(m: Measure): number {
  const v = valueOf(m);
  if (v === null) throw new Error(`expected a value, got ${JSON.stringify(m)}`);
  return v;
}

/** Relative difference |a - b| / |b|. */
export function relDiff(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}
