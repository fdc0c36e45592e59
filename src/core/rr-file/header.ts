/**
 * Recognising the columns of an RR file by their header names, as the apps that write them spell them:
 *
 * - this app's CSV (export/session-text.ts): `time_s,rr_ms,after_gap,artifact,pacer_rate_bpm,pacer_phase`;
 * - Polar Sensor Logger's RR file: `Phone timestamp;RR-interval [ms]`;
 * - HRV Logger: `date,rr,since start` (`since start` is the running time, never the RR);
 * - Kubios-style and other text: `RR`, `RR (ms)`, `RR interval (s)`, `RRI`, `IBI`, `NN`, `Interbeat interval`.
 *
 * A name is compared without case, with its unit (`[ms]`, `(s)`, `_ms`, ` ms`, `msec`, `sec`) taken off and
 * punctuation folded to single spaces, so `RR-interval [ms]`, `rr_ms` and `RR interval (ms)` are one name.
 */

export type RrUnit = 'ms' | 's';

export interface HeaderName {
  /** The name folded for comparison ("rr interval"). */
  readonly base: string;
  /** The unit the name states, or null. */
  readonly unit: RrUnit | null;
}

const UNIT_WORDS: Record<string, RrUnit> = {
  ms: 'ms',
  msec: 'ms',
  msecs: 'ms',
  millisecond: 'ms',
  milliseconds: 'ms',
  s: 's',
  sec: 's',
  secs: 's',
  second: 's',
  seconds: 's',
};

/** Fold a header field to its base name and stated unit. */
export function readHeaderName(field: string): HeaderName {
  let text = field.trim().toLowerCase();
  let unit: RrUnit | null = null;
  const bracketed = /[[(]\s*([a-z]+)\s*[\])]/.exec(text);
  if (bracketed) {
    const u = UNIT_WORDS[bracketed[1] ?? ''];
    if (u) {
      unit = u;
      text = text.replace(bracketed[0], ' ');
    }
  }
  const words = text.split(/[^a-z0-9]+/).filter((w) => w !== '');
  const last = words[words.length - 1];
  if (unit === null && words.length > 1 && last !== undefined && UNIT_WORDS[last]) {
    unit = UNIT_WORDS[last] ?? null;
    words.pop();
  }
  return { base: words.join(' '), unit };
}

/** Base names that mean "the RR interval ending at this beat", best first. */
const RR_NAMES = [
  'rr',
  'rr interval',
  'rr intervals',
  'rri',
  'rr data',
  'ibi',
  'inter beat interval',
  'interbeat interval',
  'nn',
  'nn interval',
  'pp interval',
  'ppi',
];

/** The column holding RR, by header: its index and unit, or null when no field is an RR name. */
export function findRrColumn(names: readonly HeaderName[]): { index: number; unit: RrUnit | null } | null {
  for (const wanted of RR_NAMES) {
    const index = names.findIndex((n) => n.base === wanted);
    if (index >= 0) return { index, unit: names[index]?.unit ?? null };
  }
  return null;
}

/** The columns of this app's own CSV beyond the RR, found by their exact names. */
export interface OwnColumns {
  readonly timeS: number;
  readonly afterGap: number;
  readonly artifact: number;
  readonly pacerRateBpm: number;
  readonly pacerPhase: number;
  /** The measured breath (a chest sensor's), a column only some sessions have; -1 without it. */
  readonly breath: number;
}

/** This app's CSV columns when every one of them is in the header (raw field names, as written). */
export function findOwnColumns(fields: readonly string[]): OwnColumns | null {
  const at = (name: string) => fields.findIndex((f) => f.trim() === name);
  const own = {
    timeS: at('time_s'),
    afterGap: at('after_gap'),
    artifact: at('artifact'),
    pacerRateBpm: at('pacer_rate_bpm'),
    pacerPhase: at('pacer_phase'),
  };
  return Object.values(own).every((i) => i >= 0) ? { ...own, breath: at('breath') } : null;
}
