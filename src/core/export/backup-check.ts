/** Field-by-field checks of a backup's records (see validate.ts); each names the path of the first bad field. */
import { READING_LENGTHS_S, READING_POSITIONS, type ReadingRecord } from '../readiness/reading';
import type { HeartRateColumns } from '../session/heart-rate-columns';
import { MAX_HEART_RATE_BPM, MIN_HEART_RATE_BPM } from '../heart/limits';
import { isPlausibleRrMs, MAX_STORED_RR_MS } from '../heart/plausible';
import { emptyColumns, type BeatColumns } from '../session/columns';
import {
  MAX_NOTE_LENGTH,
  MAX_STRESS,
  MIN_STRESS,
  type AssessmentRecord,
  type CheckIn,
  type JsonValue,
  type SessionRecord,
  type SessionSummary,
} from '../session/record';
import { BREATH_STEP_MS, MAX_BREATH_MG } from '../respiration/breath-trace';
import type { BreathColumn } from '../session/breath-column';
import { MAX_RECORDING_BEATS } from './file-limits';
import {
  BadValue,
  epochMs,
  integer,
  list,
  nullable,
  number,
  object,
  oneOf,
  string,
  type Json,
} from '../validate';

export interface BackupSetting {
  readonly key: string;
  readonly value: JsonValue;
}

const nullableNumber = (min: number, max: number) => nullable((v, p) => number(v, p, min, max));

function checkCheckIn(value: Json, path: string): CheckIn | null {
  if (value === null) return null;
  const c = object(value, path);
  return {
    stress: nullable((v, p) => integer(v, p, MIN_STRESS, MAX_STRESS))(c['stress'], `${path}.stress`),
    note: string(c['note'], `${path}.note`, MAX_NOTE_LENGTH),
  };
}

function checkSummary(value: Json, path: string): SessionSummary {
  const s = object(value, path);
  return {
    beatCount: integer(s['beatCount'], `${path}.beatCount`, 0),
    artifactCount: integer(s['artifactCount'], `${path}.artifactCount`, 0),
    meanHeartRateBpm: nullableNumber(0, 400)(s['meanHeartRateBpm'], `${path}.meanHeartRateBpm`),
    rmssdMs: nullableNumber(0, 10_000)(s['rmssdMs'], `${path}.rmssdMs`),
    coherence: nullableNumber(0, 1_000)(s['coherence'], `${path}.coherence`),
    breathingRateBpm: nullableNumber(0, 60)(s['breathingRateBpm'], `${path}.breathingRateBpm`),
    ...(s['heartRateSamples'] === undefined
      ? {}
      : { heartRateSamples: integer(s['heartRateSamples'], `${path}.heartRateSamples`, 0) }),
    ...(s['meanSwingBpm'] === undefined
      ? {}
      : { meanSwingBpm: nullableNumber(0, 300)(s['meanSwingBpm'], `${path}.meanSwingBpm`) }),
  };
}

export function checkSession(value: Json, path: string): SessionRecord {
  const s = object(value, path);
  return {
    id: string(s['id'], `${path}.id`, 200),
    startTimeMs: epochMs(s['startTimeMs'], `${path}.startTimeMs`),
    sourceKind: oneOf(s['sourceKind'], `${path}.sourceKind`, ['simulated', 'replay', 'bluetooth'] as const),
    sourceLabel: string(s['sourceLabel'], `${path}.sourceLabel`, 500),
    durationMs: number(s['durationMs'], `${path}.durationMs`, 0),
    // A backup holds finished sessions only: an unfinished one is finished before export.
    status: oneOf(s['status'], `${path}.status`, ['finished'] as const),
    end: oneOf(s['end'], `${path}.end`, ['stopped', 'recovered', 'imported'] as const),
    summary: checkSummary(s['summary'], `${path}.summary`),
    ...(s['signal'] === undefined
      ? {}
      : { signal: oneOf(s['signal'], `${path}.signal`, ['rr', 'heart-rate'] as const) }),
    checkInBefore: checkCheckIn(s['checkInBefore'], `${path}.checkInBefore`),
    checkInAfter: checkCheckIn(s['checkInAfter'], `${path}.checkInAfter`),
  };
}

function numberColumn(value: Json, path: string, min: number, max: number, length: number): number[] {
  const column = list(value, path);
  if (length >= 0 && column.length !== length)
    throw new BadValue(path, { kind: 'column-length', length: column.length, expected: length });
  for (let i = 0; i < column.length; i += 1) number(column[i], `${path}[${i}]`, min, max);
  return column as number[];
}

function nullableColumn(
  value: Json,
  path: string,
  min: number,
  max: number,
  length: number,
): (number | null)[] {
  const column = list(value, path);
  if (column.length !== length)
    throw new BadValue(path, { kind: 'column-length', length: column.length, expected: length });
  for (let i = 0; i < column.length; i += 1)
    if (column[i] !== null) number(column[i], `${path}[${i}]`, min, max);
  return column as (number | null)[];
}

export function checkColumns(value: Json, path: string): BeatColumns {
  const c = object(value, path);
  // The same length limit as for an RR file (file-limits.ts), checked before any beat is.
  const length = list(c['rrMs'], `${path}.rrMs`).length;
  if (length > MAX_RECORDING_BEATS)
    throw new BadValue(`${path}.rrMs`, {
      kind: 'too-many',
      what: 'session-beats',
      count: length,
      limit: MAX_RECORDING_BEATS,
    });
  const rrMs = numberColumn(c['rrMs'], `${path}.rrMs`, Number.MIN_VALUE, MAX_STORED_RR_MS, -1);
  const n = rrMs.length;
  const timeMs = numberColumn(c['timeMs'], `${path}.timeMs`, 0, Number.MAX_SAFE_INTEGER, n);
  for (let i = 1; i < n; i += 1)
    if ((timeMs[i] ?? 0) < (timeMs[i - 1] ?? 0))
      throw new BadValue(`${path}.timeMs[${i}]`, { kind: 'backwards', what: 'beat-times' });
  const gaps = list(c['gaps'], `${path}.gaps`).map((g, i) => integer(g, `${path}.gaps[${i}]`, 0, n - 1));
  const artifacts = list(c['artifacts'], `${path}.artifacts`).map((entry, i): [number, string] => {
    const pair = list(entry, `${path}.artifacts[${i}]`);
    return [
      integer(pair[0], `${path}.artifacts[${i}][0]`, 0, n - 1),
      string(pair[1], `${path}.artifacts[${i}][1]`, 50),
    ];
  });
  return {
    rrMs,
    timeMs,
    pacerRateBpm: nullableColumn(c['pacerRateBpm'], `${path}.pacerRateBpm`, 0, 60, n),
    pacerPhase: nullableColumn(c['pacerPhase'], `${path}.pacerPhase`, 0, 1, n),
    gaps,
    artifacts,
  };
}

/** Heart-rate samples of a session: every value a plausible heart rate (20-300 bpm), times never going back. */
export function checkHeartRateColumns(value: Json, path: string): HeartRateColumns {
  const c = object(value, path);
  const heartRateBpm = numberColumn(
    c['heartRateBpm'],
    `${path}.heartRateBpm`,
    MIN_HEART_RATE_BPM,
    MAX_HEART_RATE_BPM,
    -1,
  );
  const n = heartRateBpm.length;
  const timeMs = numberColumn(c['timeMs'], `${path}.timeMs`, 0, Number.MAX_SAFE_INTEGER, n);
  for (let i = 1; i < n; i += 1)
    if ((timeMs[i] ?? 0) < (timeMs[i - 1] ?? 0))
      throw new BadValue(`${path}.timeMs[${i}]`, { kind: 'backwards', what: 'sample-times' });
  return {
    heartRateBpm,
    timeMs,
    pacerRateBpm: nullableColumn(c['pacerRateBpm'], `${path}.pacerRateBpm`, 0, 60, n),
    pacerPhase: nullableColumn(c['pacerPhase'], `${path}.pacerPhase`, 0, 1, n),
    gaps: list(c['gaps'], `${path}.gaps`).map((g, i) => integer(g, `${path}.gaps[${i}]`, 0, n - 1)),
  };
}

/** Most breath values a session may hold: 4 Hz over the time 500,000 beats (the session limit) take at 60/min. */
export const MAX_BREATH_SAMPLES = 2_000_000;
/** How far the breath may run past the last beat, ms: a chest sensor streams on a little after the beats stop. */
const BREATH_OVERRUN_MS = 10 * 60_000;

/**
 * A session's measured breath: the length limit first (before any value is read), then a start on the trace's 4 Hz
 * grid, values that are null (not measured) or within what a chest sensor can read, and an end no later than a
 * little after the session's last beat.
 */
export function checkBreath(value: Json, path: string, durationMs: number): BreathColumn {
  const c = object(value, path);
  const values = list(c['values'], `${path}.values`);
  if (values.length > MAX_BREATH_SAMPLES)
    throw new BadValue(`${path}.values`, {
      kind: 'too-many',
      what: 'breath-values',
      count: values.length,
      limit: MAX_BREATH_SAMPLES,
    });
  const startMs = integer(c['startMs'], `${path}.startMs`, 0, durationMs + BREATH_OVERRUN_MS);
  if (startMs % BREATH_STEP_MS !== 0)
    throw new BadValue(`${path}.startMs`, { kind: 'off-grid', startMs, stepMs: BREATH_STEP_MS });
  const endMs = startMs + values.length * BREATH_STEP_MS;
  if (endMs > durationMs + BREATH_OVERRUN_MS)
    throw new BadValue(`${path}.values`, { kind: 'breath-too-long', endMs, durationMs });
  for (let i = 0; i < values.length; i += 1)
    if (values[i] !== null) number(values[i], `${path}.values[${i}]`, -MAX_BREATH_MG, MAX_BREATH_MG);
  return { startMs, values: values as (number | null)[] };
}

export function checkAssessment(value: Json, path: string): AssessmentRecord {
  const a = object(value, path);
  return {
    id: string(a['id'], `${path}.id`, 200),
    timeMs: epochMs(a['timeMs'], `${path}.timeMs`),
    resonanceRateBpm: number(a['resonanceRateBpm'], `${path}.resonanceRateBpm`, 0, 60),
    candidates: list(a['candidates'], `${path}.candidates`).map((c, i) => {
      const o = object(c, `${path}.candidates[${i}]`);
      return {
        rateBpm: number(o['rateBpm'], `${path}.candidates[${i}].rateBpm`, 0, 60),
        score: number(o['score'], `${path}.candidates[${i}].score`),
      };
    }),
    sessionId: nullable((v, p) => string(v, p, 200))(a['sessionId'], `${path}.sessionId`),
    ...(a['signal'] === undefined
      ? {}
      : { signal: oneOf(a['signal'], `${path}.signal`, ['rr', 'heart-rate'] as const) }),
  };
}

/** Beats a reading may hold: 3 minutes at 220 bpm is 660; anything far beyond is not a reading. */
const MAX_READING_BEATS = 2_000;

/**
 * A morning reading: figures within what a heart can give (RMSSD above 0 and under 1 s, heart rate 20-250 bpm),
 * one of the lengths and positions the app offers, at most as many corrected beats as beats, and positive RR
 * intervals up to a minute (as stored, before correction, like a session's beats) matching the beat count.
 */
export function checkReading(value: Json, path: string): ReadingRecord {
  const r = object(value, path);
  const rr = list(r['rrMs'], `${path}.rrMs`);
  if (rr.length > MAX_READING_BEATS)
    throw new BadValue(`${path}.rrMs`, {
      kind: 'too-many',
      what: 'reading-beats',
      count: rr.length,
      limit: MAX_READING_BEATS,
    });
  // As for session beats: any positive interval up to a minute (the engine labels what it cannot use).
  const rrMs = rr.map((v, i) => number(v, `${path}.rrMs[${i}]`, Number.MIN_VALUE, MAX_STORED_RR_MS));
  const beatCount = integer(r['beatCount'], `${path}.beatCount`, 1, MAX_READING_BEATS);
  if (beatCount !== rrMs.length)
    throw new BadValue(`${path}.beatCount`, {
      kind: 'count-mismatch',
      what: 'beats',
      holds: rrMs.length,
      says: beatCount,
    });
  const lengthS = oneOf(r['lengthS'], `${path}.lengthS`, READING_LENGTHS_S);
  const rmssdMs = number(r['rmssdMs'], `${path}.rmssdMs`, 0, 1_000);
  if (!(rmssdMs > 0)) throw new BadValue(`${path}.rmssdMs`, { kind: 'not-positive' });
  return {
    id: string(r['id'], `${path}.id`, 200),
    timeMs: epochMs(r['timeMs'], `${path}.timeMs`),
    lengthS,
    position: oneOf(r['position'], `${path}.position`, READING_POSITIONS),
    sourceKind: oneOf(r['sourceKind'], `${path}.sourceKind`, ['simulated', 'replay', 'bluetooth'] as const),
    sourceLabel: string(r['sourceLabel'], `${path}.sourceLabel`, 500),
    beatCount,
    correctedCount: integer(r['correctedCount'], `${path}.correctedCount`, 0, beatCount),
    rmssdMs,
    meanHrBpm: number(r['meanHrBpm'], `${path}.meanHrBpm`, 20, 250),
    rrMs,
  };
}

export function checkSetting(value: Json, path: string): BackupSetting {
  const s = object(value, path);
  if (!('value' in s)) throw new BadValue(`${path}.value`, { kind: 'missing' });
  // The value came from JSON.parse, so it is JSON already.
  return { key: string(s['key'], `${path}.key`, 200), value: s['value'] as JsonValue };
}

/**
 * Columns without the beats whose RR no heart produces (heart/plausible.ts), the beat after each left-out one
 * marked as following a gap, as the strap and file readers do; the same columns when none is impossible.
 */
export function withoutImpossibleBeats(cols: BeatColumns): { beats: BeatColumns; left: number } {
  if (cols.rrMs.every(isPlausibleRrMs)) return { beats: cols, left: 0 };
  const out = emptyColumns();
  const gaps = new Set(cols.gaps);
  const labels = new Map(cols.artifacts);
  let gapPending = false;
  let left = 0;
  cols.rrMs.forEach((rrMs, i) => {
    if (!isPlausibleRrMs(rrMs)) {
      left += 1;
      gapPending = out.rrMs.length > 0;
      return;
    }
    const index = out.rrMs.length;
    out.rrMs.push(rrMs);
    out.timeMs.push(cols.timeMs[i] ?? 0);
    out.pacerRateBpm.push(cols.pacerRateBpm[i] ?? null);
    out.pacerPhase.push(cols.pacerPhase[i] ?? null);
    if (gapPending || gaps.has(i)) out.gaps.push(index);
    const label = labels.get(i);
    if (label !== undefined) out.artifacts.push([index, label]);
    gapPending = false;
  });
  return { beats: out, left };
}
