import { BadValue, list, nullable, number, object, oneOf, string, valid, type Json } from '../../validate';

/** The outcome of a resonance frequency assessment: what the result screen shows and what is stored. */
export interface AssessmentPoint {
  /** Breathing rate of the step or breath, breaths/min. */
  readonly rateBpm: number;
  /**
   * Heart-rate swing at that rate, bpm: the robust per-breath peak-to-trough swing (stepped), or the smoothed
   * per-breath swing (sliding); null: no data.
   */
  readonly amplitudeBpm: number | null;
  /** The response relative to the largest measured, 0..1; null: no data. */
  readonly score: number | null;
}

/**
 * Something about the data worth saying, as a typed value; the words are the UI's (src/ui/pacer/assessment-text.ts).
 * `artifacts`: at `rateBpm`, a `share` of the beats were rejected; `sparse`: `missing` of `breaths` breaths had too
 * few clean beats; `no-answer`: the data did not allow a choice; `text`: a note stored by an older version.
 */
export type AssessmentNote =
  | { readonly kind: 'artifacts'; readonly rateBpm: number; readonly share: number }
  | { readonly kind: 'sparse'; readonly missing: number; readonly breaths: number }
  | { readonly kind: 'no-answer' }
  | { readonly kind: 'text'; readonly text: string };

export interface AssessmentResult {
  readonly protocol: 'stepped' | 'quick' | 'sliding';
  /** The resonance frequency found, breaths/min; null when the data did not allow a choice. */
  readonly foundBpm: number | null;
  /**
   * Whether the answer is at an end of the range tried and the response was still rising toward it: the resonance
   * may be at or beyond the slowest (`below`) or fastest (`above`) rate; null: inside the range.
   */
  readonly edge: 'below' | 'above' | null;
  /** True when the assessment was stopped before its end: the answer rests on the rates breathed so far. */
  readonly partial: boolean;
  /** The response at each rate tried, in the order breathed. */
  readonly points: readonly AssessmentPoint[];
  readonly notes: readonly AssessmentNote[];
  /**
   * What the swings were measured from: beats, or heart rate only (a watch that sends no RR intervals, its 1 Hz
   * heart rate read by the same criteria). Absent in results from before heart-rate-only devices: beats.
   */
  readonly signal?: 'rr' | 'heart-rate';
}

/** An assessment result as stored: the result and when it was made. */
export interface StoredAssessment extends AssessmentResult {
  /** When the assessment finished, ISO 8601. */
  readonly dateIso: string;
}

/** Reads a stored assessment back from JSON (this version's or the older one); anything malformed gives null. */
export function parseStoredAssessment(text: string | null): StoredAssessment | null {
  if (text === null) return null;
  let raw: Json;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  return valid(checkStoredAssessment, raw) ?? null;
}

const finiteOrNull = nullable(number);

/**
 * Checks a stored assessment (core/validate.ts): the protocol, a real date, a found rate of 3-10 breaths/min or
 * none, and every point; notes of a kind this version does not know are left out, and fields older results lack
 * (edge, partial, signal) take their defaults.
 */
export function checkStoredAssessment(value: Json, path: string): StoredAssessment {
  const r = object(value, path);
  const protocol = oneOf(r['protocol'], `${path}.protocol`, ['stepped', 'quick', 'sliding'] as const);
  const dateIso = string(r['dateIso'], `${path}.dateIso`);
  if (Number.isNaN(Date.parse(dateIso)))
    throw new BadValue(`${path}.dateIso`, { kind: 'not-a-date', text: dateIso });
  const foundBpm = r['foundBpm'] === null ? null : number(r['foundBpm'], `${path}.foundBpm`, 3, 10);
  const points = list(r['points'], `${path}.points`).map((p, i): AssessmentPoint => {
    const q = object(p, `${path}.points[${i}]`);
    return {
      rateBpm: number(q['rateBpm'], `${path}.points[${i}].rateBpm`),
      amplitudeBpm: finiteOrNull(q['amplitudeBpm'], `${path}.points[${i}].amplitudeBpm`),
      score: finiteOrNull(q['score'], `${path}.points[${i}].score`),
    };
  });
  const notes = list(r['notes'], `${path}.notes`).flatMap(knownNote);
  const edge = r['edge'] === 'below' || r['edge'] === 'above' ? r['edge'] : null;
  return {
    protocol,
    foundBpm,
    edge,
    partial: r['partial'] === true,
    points,
    notes,
    ...(r['signal'] === 'heart-rate' ? { signal: 'heart-rate' as const } : {}),
    dateIso,
  };
}

/** A note as this version reads it (an older result's plain text too), or none for a kind it does not know. */
function knownNote(n: Json): AssessmentNote[] {
  if (typeof n === 'string') return [{ kind: 'text', text: n }];
  const q = valid(object, n);
  if (!q) return [];
  const num = (x: Json): x is number => typeof x === 'number' && Number.isFinite(x);
  if (q['kind'] === 'artifacts' && num(q['rateBpm']) && num(q['share']))
    return [{ kind: 'artifacts', rateBpm: q['rateBpm'], share: q['share'] }];
  if (q['kind'] === 'sparse' && num(q['missing']) && num(q['breaths']))
    return [{ kind: 'sparse', missing: q['missing'], breaths: q['breaths'] }];
  if (q['kind'] === 'no-answer') return [{ kind: 'no-answer' }];
  return [];
}
