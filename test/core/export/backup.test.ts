import { describe, expect, it } from 'vitest';
import {
  backupJson,
  makeBackup,
  parseBackup,
  planRestore,
  type Backup,
} from '../../../src/core/export/backup';
import { MAX_RECORDING_BEATS } from '../../../src/core/export/file-limits';
import { fromColumns, toColumns } from '../../../src/core/session/columns';
import { sampleBeats, sampleSession } from './beats';
import { sampleReading } from '../readiness/readings';
import { toHeartRateColumns } from '../../../src/core/session/heart-rate-columns';
import { summariseHeartRate } from '../../../src/core/hr-only/summary';
import type { HeartRateRecord } from '../../../src/core/session/record';
import { fromBreathColumn, toBreathColumn, type BreathColumn } from '../../../src/core/session/breath-column';
import { MAX_BREATH_SAMPLES } from '../../../src/core/export/backup-check';

/** 40 heart-rate samples of a watch, a second apart, a gap at 20. */
const watchSamples: HeartRateRecord[] = Array.from({ length: 40 }, (_, i) => ({
  heartRateBpm: 64 + (i % 10),
  timeMs: i * 1000 + 13,
  afterGap: i === 20,
  pacerRateBpm: 6,
  pacerPhase: (i % 10) / 10,
}));

/** A backup holding one heart-rate-only session. */
function watchBackup(): Backup {
  const session = {
    ...sampleSession('w', []),
    signal: 'heart-rate' as const,
    summary: summariseHeartRate(watchSamples),
  };
  return makeBackup(
    9,
    [{ session, beats: toColumns([]), heartRate: toHeartRateColumns(watchSamples) }],
    [],
    [],
  );
}

function sample(): Backup {
  const a = sampleBeats(30);
  const b = sampleBeats(25);
  return makeBackup(
    Date.UTC(2026, 10, 22),
    [
      { session: sampleSession('a', a), beats: toColumns(a) },
      { session: sampleSession('b', b), beats: toColumns(b) },
    ],
    [
      {
        id: 'as1',
        timeMs: 5,
        resonanceRateBpm: 5.5,
        candidates: [{ rateBpm: 5.5, score: 2 }],
        sessionId: 'a',
      },
    ],
    [{ key: 'reminder', value: { hour: 7, minute: 30 } }],
    [sampleReading('r1', Date.UTC(2026, 10, 21, 7)), sampleReading('r2', Date.UTC(2026, 10, 22, 7), 55)],
  );
}

/** Edit a backup's JSON and return the parse result. */
function parseEdited(edit: (data: Record<string, unknown>) => void) {
  const data = JSON.parse(backupJson(sample())) as Record<string, unknown>;
  edit(data);
  return parseBackup(JSON.stringify(data));
}

function sessions(
  data: Record<string, unknown>,
): { session: Record<string, unknown>; beats: Record<string, unknown[]> }[] {
  return data['sessions'] as { session: Record<string, unknown>; beats: Record<string, unknown[]> }[];
}

describe('full backup', () => {
  it('round-trips through JSON unchanged, beats included', () => {
    const backup = sample();
    const parsed = parseBackup(backupJson(backup));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.value).toEqual(backup);
    expect(fromColumns(parsed.value.sessions[0]!.beats)).toEqual(sampleBeats(30));
  });

  it('names the path of a bad RR value', () => {
    const result = parseEdited((d) => {
      sessions(d)[1]!.beats['rrMs']![4] = 'x';
    });
    expect(result).toEqual({
      ok: false,
      error: {
        where: 'sessions[1].beats.rrMs[4]',
        problem: { kind: 'wrong-type', expected: 'number', found: { type: 'text', text: 'x' } },
      },
    });
  });

  it('refuses columns of different lengths, times going backwards, and out-of-range check-ins', () => {
    const short = parseEdited((d) => sessions(d)[0]!.beats['timeMs']!.pop());
    expect(!short.ok && short.error.where).toBe('sessions[0].beats.timeMs');
    const backwards = parseEdited((d) => {
      sessions(d)[0]!.beats['timeMs']![3] = 1;
    });
    expect(!backwards.ok && backwards.error.where).toBe('sessions[0].beats.timeMs[3]');
    const rating = parseEdited((d) => {
      (sessions(d)[0]!.session['checkInAfter'] as Record<string, unknown>)['stress'] = 11;
    });
    expect(!rating.ok && rating.error.where).toBe('sessions[0].session.checkInAfter.stress');
  });

  it('restores an older backup holding impossible beats without them, a gap marked and the figures redone', () => {
    const edited = parseEdited((d) => {
      const beats = sessions(d)[0]!.beats;
      (beats['rrMs'] as number[])[5] = 1000 / 1024; // 0.98 ms
      (beats['rrMs'] as number[])[9] = 63_999.0234375; // 64 s
    });
    if (!edited.ok) throw new Error(JSON.stringify(edited.error));
    const [restored] = edited.value.sessions;
    const beats = fromColumns(restored!.beats);
    const original = sampleBeats(30);
    expect(beats.map((b) => b.rrMs)).toEqual(
      original.filter((_, i) => i !== 5 && i !== 9).map((b) => b.rrMs),
    );
    expect(beats.flatMap((b, i) => (b.afterGap ? [i] : []))).toEqual([5, 6, 8]);
    expect(restored!.session.summary.beatCount).toBe(28);
  });

  it('refuses a session longer than the length limit every file shares', () => {
    const long = parseEdited((d) => {
      sessions(d)[0]!.beats['rrMs'] = new Array<number>(MAX_RECORDING_BEATS + 1).fill(1000);
    });
    expect(long).toMatchObject({ ok: false, error: { where: 'sessions[0].beats.rrMs' } });
    expect(!long.ok && long.error.problem).toEqual({
      kind: 'too-many',
      what: 'session-beats',
      count: MAX_RECORDING_BEATS + 1,
      limit: 500_000,
    });
  });

  it('refuses other files, newer versions, duplicated ids and a beat count that disagrees', () => {
    expect(parseBackup('{ nope')).toMatchObject({ ok: false, error: { where: '' } });
    // JSON that is no object is another file, said so without a path ("at file") into it.
    for (const other of ['[]', 'null', '"hello"', '42'])
      expect(parseBackup(other)).toEqual({
        ok: false,
        error: { where: '', problem: { kind: 'not-a-backup' } },
      });
    expect(parseBackup('{"format":"other"}')).toMatchObject({ ok: false, error: { where: 'format' } });
    expect(parseEdited((d) => (d['version'] = 99))).toMatchObject({
      ok: false,
      error: { where: 'version' },
    });
    expect(
      parseEdited((d) => {
        sessions(d)[1]!.session['id'] = 'a';
      }),
    ).toMatchObject({ ok: false, error: { where: 'sessions[1].session.id' } });
    const count = parseEdited((d) => {
      (sessions(d)[0]!.session['summary'] as Record<string, unknown>)['beatCount'] = 3;
    });
    expect(!count.ok && count.error.problem).toEqual({
      kind: 'count-mismatch',
      what: 'beats',
      holds: 30,
      says: 3,
    });
  });

  it('refuses a session, assessment, reading or export time no date can hold, naming where', () => {
    // 8.64e15 ms is the last moment a Date holds; one later cannot be shown ("Invalid time value") nor grouped by day.
    const after = 8.64e15 + 1;
    const session = parseEdited((d) => (sessions(d)[1]!.session['startTimeMs'] = after));
    expect(session).toMatchObject({
      ok: false,
      error: {
        where: 'sessions[1].session.startTimeMs',
        problem: { kind: 'not-a-date', text: String(after) },
      },
    });
    const assessment = parseEdited(
      (d) => ((d['assessments'] as Record<string, unknown>[])[0]!['timeMs'] = after),
    );
    expect(!assessment.ok && assessment.error.where).toBe('assessments[0].timeMs');
    const reading = parseEdited((d) => ((d['readings'] as Record<string, unknown>[])[1]!['timeMs'] = after));
    expect(!reading.ok && reading.error.where).toBe('readings[1].timeMs');
    const exported = parseEdited((d) => (d['exportedAtMs'] = after));
    expect(!exported.ok && exported.error.where).toBe('exportedAtMs');
    // The last moment itself is a date, and restores.
    const last = parseEdited((d) => (sessions(d)[1]!.session['startTimeMs'] = 8.64e15));
    expect(last.ok && new Date(last.value.sessions[1]!.session.startTimeMs).getUTCFullYear()).toBe(275760);
  });

  it('reads a version-1 file (before readings) as having none', () => {
    const result = parseEdited((d) => {
      d['version'] = 1;
      delete d['readings'];
    });
    expect(result.ok && result.value.readings).toEqual([]);
    expect(result.ok && result.value.sessions).toHaveLength(2);
  });

  it('refuses readings with impossible values, a wrong beat count or a repeated id', () => {
    const reading = (d: Record<string, unknown>, i: number) =>
      (d['readings'] as Record<string, unknown>[])[i] as Record<string, unknown>;
    const rr = parseEdited((d) => {
      (reading(d, 0)['rrMs'] as number[])[5] = 90_000;
      (reading(d, 1)['rrMs'] as number[])[7] = 210; // short, but a stored beat: kept
    });
    expect(!rr.ok && rr.error.where).toBe('readings[0].rrMs[5]');
    const count = parseEdited((d) => (reading(d, 1)['beatCount'] = 3));
    expect(!count.ok && count.error.where).toBe('readings[1].beatCount');
    const zero = parseEdited((d) => (reading(d, 0)['rmssdMs'] = 0));
    expect(!zero.ok && zero.error.where).toBe('readings[0].rmssdMs');
    const hr = parseEdited((d) => (reading(d, 0)['meanHrBpm'] = 900));
    expect(!hr.ok && hr.error.where).toBe('readings[0].meanHrBpm');
    const length = parseEdited((d) => (reading(d, 0)['lengthS'] = 75));
    expect(!length.ok && length.error.where).toBe('readings[0].lengthS');
    const corrected = parseEdited((d) => (reading(d, 0)['correctedCount'] = 61));
    expect(!corrected.ok && corrected.error.where).toBe('readings[0].correctedCount');
    const twice = parseEdited((d) => (reading(d, 1)['id'] = 'r1'));
    expect(!twice.ok && twice.error.where).toBe('readings[1].id');
    const missing = parseEdited((d) => delete d['readings']);
    expect(!missing.ok && missing.error.where).toBe('readings');
  });

  it('carries a heart-rate-only session with its samples through JSON unchanged', () => {
    const backup = watchBackup();
    const parsed = parseBackup(backupJson(backup));
    expect(parsed).toEqual({ ok: true, value: backup });
    expect(parsed.ok && parsed.value.sessions[0]?.session.signal).toBe('heart-rate');
  });

  it('refuses impossible heart rates, times going back, and a sample count that disagrees', () => {
    interface Entry {
      heartRate?: { heartRateBpm: number[]; timeMs: number[] };
      session: { signal: string };
    }
    const edit = (change: (entry: Entry) => void) => {
      const data = JSON.parse(backupJson(watchBackup())) as { sessions: Entry[] };
      change(data.sessions[0]!);
      return parseBackup(JSON.stringify(data));
    };
    expect(edit((s) => (s.heartRate!.heartRateBpm[3] = 400))).toMatchObject({
      ok: false,
      error: { where: 'sessions[0].heartRate.heartRateBpm[3]' },
    });
    expect(edit((s) => (s.heartRate!.heartRateBpm[3] = 0))).toMatchObject({ ok: false });
    expect(edit((s) => (s.heartRate!.timeMs[5] = 1))).toMatchObject({
      ok: false,
      error: {
        where: 'sessions[0].heartRate.timeMs[5]',
        problem: { kind: 'backwards', what: 'sample-times' },
      },
    });
    expect(edit((s) => s.heartRate!.heartRateBpm.pop())).toMatchObject({ ok: false });
    expect(edit((s) => delete s.heartRate)).toMatchObject({
      ok: false,
      error: { where: 'sessions[0].heartRate' },
    });
    expect(edit((s) => (s.session.signal = 'ppg'))).toMatchObject({
      ok: false,
      error: { where: 'sessions[0].session.signal' },
    });
  });

  it('carries a measured breath and a heart-rate-only assessment through JSON, every value bit for bit', () => {
    const values = Float32Array.from({ length: 80 }, (_, k) =>
      k === 10 || k === 11 ? Number.NaN : 37.3 * Math.sin(k / 6) + 1e-4 * k,
    );
    const base = sample();
    const backup = makeBackup(
      base.exportedAtMs,
      [{ ...base.sessions[0]!, breath: toBreathColumn({ startMs: 2500, values }) }, base.sessions[1]!],
      [{ ...base.assessments[0]!, signal: 'heart-rate' }],
      base.settings,
      base.readings,
    );
    const parsed = parseBackup(backupJson(backup));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.value).toEqual(backup);
    const breath = fromBreathColumn(parsed.value.sessions[0]!.breath!);
    expect(breath.startMs).toBe(2500);
    expect(Array.from(breath.values)).toEqual(Array.from(values));
    expect(parsed.value.sessions[1]!.breath).toBeUndefined();
    expect(parsed.value.assessments[0]!.signal).toBe('heart-rate');
  });

  it('reads a version-3 file as having no measured breath and assessments from beats', () => {
    const result = parseEdited((d) => {
      d['version'] = 3;
      (sessions(d)[0] as Record<string, unknown>)['breath'] = { startMs: 'not read', values: 7 };
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.sessions[0]!.breath).toBeUndefined();
    expect(result.value.assessments[0]!.signal).toBeUndefined();
  });

  it('refuses a corrupt or huge breath column with its path, and an assessment of an unknown signal', () => {
    const edit = (breath: unknown, at = 0) =>
      parseEdited((d) => {
        (sessions(d)[at] as Record<string, unknown>)['breath'] = breath;
      });
    const good: BreathColumn = { startMs: 0, values: [1, null, 2] };
    expect(edit(good).ok).toBe(true);
    expect(edit({ ...good, values: [1, 'x', 2] })).toMatchObject({
      ok: false,
      error: { where: 'sessions[0].breath.values[1]' },
    });
    expect(edit({ ...good, values: [1, 17_000] })).toMatchObject({
      ok: false,
      error: { where: 'sessions[0].breath.values[1]' },
    });
    expect(edit({ ...good, startMs: 100 })).toMatchObject({
      ok: false,
      error: { where: 'sessions[0].breath.startMs' },
    });
    expect(edit({ startMs: 0 })).toMatchObject({
      ok: false,
      error: { where: 'sessions[0].breath.values' },
    });
    expect(edit('breath')).toMatchObject({ ok: false, error: { where: 'sessions[0].breath' } });
    // 30 beats last under half a minute: an hour of breath cannot be theirs.
    const long = edit({ startMs: 0, values: new Array<number>(4 * 3600).fill(0) });
    expect(!long.ok && long.error.problem).toMatchObject({ kind: 'breath-too-long', endMs: 3_600_000 });
    const huge = edit({ startMs: 0, values: new Array<number>(MAX_BREATH_SAMPLES + 1).fill(0) });
    expect(!huge.ok && huge.error.problem).toEqual({
      kind: 'too-many',
      what: 'breath-values',
      count: MAX_BREATH_SAMPLES + 1,
      limit: 2_000_000,
    });
    const assessment = parseEdited((d) => {
      (d['assessments'] as Record<string, unknown>[])[0]!['signal'] = 'ppg';
    });
    expect(assessment).toMatchObject({ ok: false, error: { where: 'assessments[0].signal' } });
  });

  it('refuses a measured breath on a session without beats', () => {
    const data = JSON.parse(backupJson(watchBackup())) as { sessions: Record<string, unknown>[] };
    data.sessions[0]!['breath'] = { startMs: 0, values: [1, 2] };
    expect(parseBackup(JSON.stringify(data))).toMatchObject({
      ok: false,
      error: { where: 'sessions[0].breath' },
    });
  });

  it('plans a restore that skips what is already stored', () => {
    const withReadings = planRestore(sample(), new Set(), new Set(), new Set(['r2']));
    expect(withReadings.readings.map((r) => r.id)).toEqual(['r1']);
    const plan = planRestore(sample(), new Set(['a']), new Set(['as1']));
    expect(plan.sessions.map((s) => s.session.id)).toEqual(['b']);
    expect(plan.skippedSessions).toBe(1);
    expect(plan.assessments).toEqual([]);
    expect(plan.skippedAssessments).toBe(1);
  });
});
