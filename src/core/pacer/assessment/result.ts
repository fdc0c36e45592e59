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
