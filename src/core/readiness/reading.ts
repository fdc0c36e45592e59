/**
 * The morning reading: a short, standardised HRV measurement at rest with spontaneous breathing (no pacer), the
 * kind a person takes each morning to compare with their own recent normal.
 *
 * Protocol: sit or lie still and breathe normally; the first {@link SETTLE_S} s let heart rate settle after moving
 * and are discarded; then 1, 2 or 3 minutes are measured. The figure is ln RMSSD (natural log of RMSSD in ms, Task
 * Force of the ESC and NASPE 1996), whose ultra-short 1-minute value agrees closely with the 5-minute one at rest
 * (Esco & Flatt 2014, "Ultra-short-term heart rate variability indexes at rest and post-exercise in athletes:
 * evaluating the agreement with accepted recommendations", J Sports Sci Med 13:535-541); the log makes its skewed
 * day-to-day distribution near normal (Plews, Laursen, Kilding & Buchheit 2012).
 *
 * The beats are artifact-corrected by the HRV engine (hrv/correction.ts, Lipponen & Tarvainen 2019). When more
 * than {@link MAX_CORRECTED_PERCENT} % of the intervals needed correcting the reading is not trusted: corrected
 * beats are interpolated, so a reading made partly of them says more about the signal than about the heart (their
 * interpolation smooths the series and lowers RMSSD). 5 % is the working limit chosen here and documented in
 * docs/readiness.md; the Task Force (1996) asks for short recordings free of artifacts, and Lipponen & Tarvainen
 * show that the error of corrected time-domain figures grows with the share of corrected beats.
 */
import { BeatLabel } from '../hrv/artifacts';
import { cleanRr } from '../hrv/correction';
import { timeDomain } from '../hrv/time-domain';
import type { HeartSourceKind } from '../heart/types';

/** Seconds at the start that are not measured: heart rate settles after sitting or lying down. */
export const SETTLE_S = 30;
/** The lengths the person can choose, seconds measured after settling. */
export const READING_LENGTHS_S = [60, 120, 180] as const;
export type ReadingLengthS = (typeof READING_LENGTHS_S)[number];
/** Above this share of corrected intervals, %, the reading is not trusted (and not saved). */
export const MAX_CORRECTED_PERCENT = 5;
/** Share of the chosen length that valid beats must cover, so a signal that dropped out is not taken as a reading. */
const MIN_COVERAGE = 0.8;

export type ReadingPosition = 'sitting' | 'lying';
export const READING_POSITIONS: readonly ReadingPosition[] = ['sitting', 'lying'];

/** A stored morning reading. JSON-safe, like the session record: it goes into IndexedDB and backups as is. */
export interface ReadingRecord {
  /** Unique id (random, so readings from two devices merge without clashes). */
  readonly id: string;
  /** Wall-clock start of the measured part (after settling), ms since the Unix epoch. */
  readonly timeMs: number;
  /** Chosen measured length, s. */
  readonly lengthS: ReadingLengthS;
  readonly position: ReadingPosition;
  readonly sourceKind: HeartSourceKind;
  /** The source's own name, as a session record's `sourceLabel` (empty for the simulated heart). */
  readonly sourceLabel: string;
  /** Intervals measured. */
  readonly beatCount: number;
  /** Intervals the engine corrected (flagged as artifacts). */
  readonly correctedCount: number;
  /** RMSSD of the corrected intervals, ms (> 0). */
  readonly rmssdMs: number;
  /** Mean heart rate over the measured part, bpm: the resting heart rate. */
  readonly meanHrBpm: number;
  /** The measured RR intervals as they came, ms (before correction), for export and re-analysis. */
  readonly rrMs: readonly number[];
}

/** ln RMSSD of a reading (natural log of RMSSD in ms). */
export function lnRmssd(reading: Pick<ReadingRecord, 'rmssdMs'>): number {
  return Math.log(reading.rmssdMs);
}

interface ReadingFigures {
  readonly rmssdMs: number;
  readonly lnRmssd: number;
  readonly meanHrBpm: number;
  readonly beatCount: number;
  readonly correctedCount: number;
  readonly correctedPercent: number;
}

export type ReadingAnalysis =
  | ({ readonly status: 'ok' } & ReadingFigures)
  /** Too many intervals needed correcting to trust the figures. */
  | ({ readonly status: 'too-many-corrected' } & ReadingFigures)
  /** Valid beats covered too little of the measured time (the signal dropped out). */
  | { readonly status: 'too-short'; readonly haveS: number; readonly needS: number };

/** One measured interval and whether the one before it was lost (a gap: no difference is taken across it). */
export interface MeasuredBeat {
  readonly rrMs: number;
  readonly afterGap: boolean;
}

/**
 * Analyse a reading's measured beats: correct artifacts, then RMSSD over truly successive corrected intervals and
 * the mean heart rate. A gap splits the series (an invalid value is placed before the beat, as the engine splits
 * runs there), so no difference spans it.
 */
export function analyseReading(beats: readonly MeasuredBeat[], lengthS: number): ReadingAnalysis {
  const rr: number[] = [];
  const placeholder: boolean[] = [];
  for (const b of beats) {
    if (b.afterGap && rr.length > 0) {
      rr.push(Number.NaN);
      placeholder.push(true);
    }
    rr.push(b.rrMs);
    placeholder.push(false);
  }
  const { labels, series } = cleanRr(rr);
  let coveredMs = 0;
  for (const v of series.nnMs) coveredMs += v;
  const needS = lengthS * MIN_COVERAGE;
  const td = timeDomain(series);
  if (coveredMs / 1000 < needS || td.rmssdMs.status !== 'ok' || td.meanHrBpm.status !== 'ok')
    return { status: 'too-short', haveS: Math.floor(coveredMs / 1000), needS };
  let corrected = 0;
  for (let k = 0; k < labels.length; k += 1)
    if (!placeholder[k] && labels[k] !== BeatLabel.normal) corrected += 1;
  const figures: ReadingFigures = {
    rmssdMs: td.rmssdMs.value,
    lnRmssd: Math.log(td.rmssdMs.value),
    meanHrBpm: td.meanHrBpm.value,
    beatCount: beats.length,
    correctedCount: corrected,
    correctedPercent: beats.length > 0 ? (100 * corrected) / beats.length : 0,
  };
  const trusted = figures.correctedPercent <= MAX_CORRECTED_PERCENT && figures.rmssdMs > 0;
  return { status: trusted ? 'ok' : 'too-many-corrected', ...figures };
}
