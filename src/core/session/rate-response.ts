/**
 * The heart's answer at each breathing rate of a finished session, from its stored beats. The paced breaths are
 * rebuilt from the pacer phase stored with each beat (a beat at phase p of a breath at rate r lies p·60/r s after
 * that breath began), and the answer to a breath is its peak-to-trough heart rate, the main criterion of resonance
 * frequency assessment (Lehrer, Vaschillo & Vaschillo 2000; {@link breathAmplitudesBpm}), averaged over the whole
 * breaths at each rate.
 */
import { breathAmplitudesBpm, labelledSeries, type BreathSpan } from '../hrv/biofeedback';
import { NORMAL_BEAT, type BeatRecord } from './record';

export interface RateResponse {
  /** Breathing rate, breaths per minute, to 0.1. */
  readonly rateBpm: number;
  /** Whole breaths at this rate with a measurable swing. */
  readonly breaths: number;
  /** Mean per-breath peak-to-trough heart rate, bpm. */
  readonly swingBpm: number;
}

/** Two beats belong to one breath when the starts they imply agree within this, s. */
const SAME_BREATH_S = 0.5;
/** A breath counts as covered by beats when its first beat falls this soon after it began, s (the longest RR). */
const FIRST_BEAT_WITHIN_S = 3;
/** A rate is reported once it has at least this many measured breaths. */
const MIN_BREATHS_PER_RATE = 2;

interface Breath extends BreathSpan {
  readonly rateBpm: number;
}

/** The whole paced breaths of a session, oldest first (beats without a pacer, as in imported files, give none). */
export function pacedBreaths(beats: readonly BeatRecord[]): Breath[] {
  const starts: { startS: number; rateBpm: number; covered: boolean }[] = [];
  for (const beat of beats) {
    if (beat.pacerRateBpm === null || beat.pacerPhase === null || !(beat.pacerRateBpm > 0)) continue;
    const intoS = (beat.pacerPhase * 60) / beat.pacerRateBpm;
    const startS = beat.timeMs / 1000 - intoS;
    const last = starts[starts.length - 1];
    if (!last || Math.abs(startS - last.startS) > SAME_BREATH_S) {
      starts.push({ startS, rateBpm: beat.pacerRateBpm, covered: intoS <= FIRST_BEAT_WITHIN_S });
    }
  }
  const breaths: Breath[] = [];
  for (let i = 0; i + 1 < starts.length; i += 1) {
    const breath = starts[i] as { startS: number; rateBpm: number; covered: boolean };
    const next = starts[i + 1] as { startS: number; covered: boolean };
    const endS = breath.startS + 60 / breath.rateBpm;
    // Whole breaths only: beats from its start, and the next breath beginning, with beats, where this one ends.
    if (breath.covered && next.covered && Math.abs(next.startS - endS) <= SAME_BREATH_S) {
      breaths.push({ startS: breath.startS, endS, rateBpm: breath.rateBpm });
    }
  }
  return breaths;
}

/** The mean heart-rate swing per breath at each rate breathed, slowest rate first. */
export function responseByRate(beats: readonly BeatRecord[]): RateResponse[] {
  const breaths = pacedBreaths(beats);
  // The beats the HRV engine labelled normal as the session ran (stored with each beat): one artifact definition.
  const timed = beats.map((b) => ({
    rrMs: b.rrMs,
    timeS: b.timeMs / 1000,
    normal: b.artifact === NORMAL_BEAT,
  }));
  const swings = breathAmplitudesBpm(
    labelledSeries(timed, (b) => b.normal),
    breaths,
  );
  const byRate = new Map<number, number[]>();
  breaths.forEach((breath, i) => {
    const swing = swings[i];
    if (swing === null || swing === undefined) return;
    const rate = Math.round(breath.rateBpm * 10) / 10;
    byRate.set(rate, [...(byRate.get(rate) ?? []), swing]);
  });
  return [...byRate.entries()]
    .filter(([, s]) => s.length >= MIN_BREATHS_PER_RATE)
    .map(([rateBpm, s]) => ({
      rateBpm,
      breaths: s.length,
      swingBpm: s.reduce((a, b) => a + b, 0) / s.length,
    }))
    .sort((a, b) => a.rateBpm - b.rateBpm);
}

/** The heart's answer over a band of nearby rates: an adaptive session drifts by 0.1 a minute at a time. */
export interface RateBand {
  /** Slowest and fastest rate breathed in the band, breaths per minute (equal for a single rate). */
  readonly fromBpm: number;
  readonly toBpm: number;
  /** Whole breaths in the band with a measurable swing. */
  readonly breaths: number;
  /** Mean per-breath peak-to-trough heart rate over those breaths, bpm. */
  readonly swingBpm: number;
}

/** Width of a band of rates, breaths per minute: bands are centred on whole and half rates (5.75-6.25 is "6"). */
const RATE_BAND_BPM = 0.5;

/** Responses at nearby rates pooled into bands of {@link RATE_BAND_BPM}, weighted by breaths, slowest first. */
export function rateBands(responses: readonly RateResponse[]): RateBand[] {
  const bands = new Map<number, RateResponse[]>();
  for (const r of responses) {
    const key = Math.round(r.rateBpm / RATE_BAND_BPM);
    bands.set(key, [...(bands.get(key) ?? []), r]);
  }
  return [...bands.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, members]) => {
      const breaths = members.reduce((n, r) => n + r.breaths, 0);
      return {
        fromBpm: Math.min(...members.map((r) => r.rateBpm)),
        toBpm: Math.max(...members.map((r) => r.rateBpm)),
        breaths,
        swingBpm: members.reduce((s, r) => s + r.swingBpm * r.breaths, 0) / breaths,
      };
    });
}
