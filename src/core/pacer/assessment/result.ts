/** The outcome of a resonance frequency assessment: what the result screen shows and what is stored. */
export interface AssessmentPoint {
  /** Breathing rate of the step or breath, breaths/min. */
  readonly rateBpm: number;
  /** Peak-to-trough heart-rate amplitude at that rate, bpm (smoothed for the sliding protocol); null: no data. */
  readonly amplitudeBpm: number | null;
  /** Combined score 0..1 where the protocol has one (stepped). */
  readonly score: number | null;
}

export interface AssessmentResult {
  readonly protocol: 'stepped' | 'sliding';
  /** The resonance frequency found, breaths/min; null when the data did not allow a choice. */
  readonly foundBpm: number | null;
  /** The response at each rate tried, in the order breathed. */
  readonly points: readonly AssessmentPoint[];
  /** Why no rate was found, or notes about the data (many artifacts). */
  readonly notes: readonly string[];
}

/** An assessment result as stored: the result and when it was made. */
export interface StoredAssessment extends AssessmentResult {
  /** When the assessment finished, ISO 8601. */
  readonly dateIso: string;
}

/** Reads a stored assessment back from JSON; anything malformed gives null, never a throw. */
export function parseStoredAssessment(text: string | null): StoredAssessment | null {
  if (text === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  const numOrNull = (x: unknown): x is number | null => x === null || num(x);
  if (r.protocol !== 'stepped' && r.protocol !== 'sliding') return null;
  if (typeof r.dateIso !== 'string' || Number.isNaN(Date.parse(r.dateIso))) return null;
  if (!numOrNull(r.foundBpm) || !Array.isArray(r.points) || !Array.isArray(r.notes)) return null;
  const points: AssessmentPoint[] = [];
  for (const p of r.points as unknown[]) {
    if (typeof p !== 'object' || p === null) return null;
    const q = p as Record<string, unknown>;
    if (!num(q.rateBpm) || !numOrNull(q.amplitudeBpm) || !numOrNull(q.score)) return null;
    points.push({ rateBpm: q.rateBpm, amplitudeBpm: q.amplitudeBpm, score: q.score });
  }
  const notes = (r.notes as unknown[]).filter((n): n is string => typeof n === 'string');
  return { protocol: r.protocol, foundBpm: r.foundBpm, points, notes, dateIso: r.dateIso };
}
