/** The RR-file fixtures in other apps' layouts (test/fixtures/rr-files/README.md), shared by the tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const LAYOUT_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'rr-files');

/** Each file and what the reader should find in it: the RR column's header, the unit, and where the unit came from. */
export const LAYOUTS = [
  ['polar-sensor-logger_RR.txt', 'RR-interval [ms]', 'ms', 'header'],
  ['hrv-logger_RR.csv', 'rr', 'ms', 'values'],
  ['elite-hrv.txt', null, 'ms', 'values'],
  ['welltory-rr.txt', null, 'ms', 'values'],
  ['kubios-rr-seconds.txt', null, 's', 'values'],
  ['kubios-time-rr.txt', null, 's', 'values'],
] as const;

export const LAYOUT_FILES = LAYOUTS.map(([name]) => name);

export function layoutText(name: string): string {
  return readFileSync(join(LAYOUT_DIR, name), 'utf8');
}

/** The 40 intervals every layout fixture holds, ms: the first 40 of ../hrv/polar_h10_dhyb.json. */
export const SOURCE_RR: readonly number[] = (
  JSON.parse(readFileSync(join(LAYOUT_DIR, '..', 'hrv', 'polar_h10_dhyb.json'), 'utf8')) as {
    rr_ms: number[];
  }
).rr_ms.slice(0, 40);
