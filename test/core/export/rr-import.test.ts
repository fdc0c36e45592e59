import { describe, expect, it } from 'vitest';
import { backupJson, makeBackup, parseBackup } from '../../../src/core/export/backup';
import { importId, importRrFile } from '../../../src/core/export/rr-import';
import { beatsCsv, rrText } from '../../../src/core/export/session-text';
import { Random } from '../../../src/core/random';
import { parseRrText } from '../../../src/core/rr-file/reader';
import { fromColumns, toColumns } from '../../../src/core/session/columns';
import { NORMAL_BEAT, type BeatRecord } from '../../../src/core/session/record';
import { layoutText as fixture } from '../rr-file/layouts';
import { sampleBeats, sampleSession } from './beats';

const end = Date.UTC(2026, 10, 1, 8);

function imported(text: string, name = 'file.txt') {
  const result = importRrFile(parseRrText(text), name, end);
  if (!result.ok) throw new Error(`unexpected problem ${JSON.stringify(result.error)}`);
  return result;
}

/**
 * Beats as a live Bluetooth session stores them: RR in whole 1/1024 s, times anchored to an arbitrary
 * performance.now() and summed, gaps after drops, artifact labels, a pacer rate and an irrational phase.
 */
function liveBeats(count: number, seed: number): BeatRecord[] {
  const random = new Random(seed);
  let timeMs = 1000 * random.next() + 0.123456789;
  const labels = ['ectopic', 'missed', 'extra', 'long-short'];
  return Array.from({ length: count }, (_, i) => {
    const rrMs = (Math.round(700 + 500 * random.next()) * 1000) / 1024;
    const afterGap = random.next() < 0.02;
    timeMs += rrMs + (afterGap ? 5000 * random.next() : 0);
    return {
      rrMs,
      timeMs,
      afterGap,
      artifact: random.next() < 0.05 ? (labels[i % labels.length] ?? 'ectopic') : NORMAL_BEAT,
      pacerRateBpm: i < count / 2 ? 6 : 5.5 + random.next(),
      pacerPhase: (timeMs / 9137) % 1,
    };
  });
}

describe('importing RR files', () => {
  it('reads a Polar Sensor Logger file into a finished session that ends at the file time', () => {
    const result = imported(fixture('polar-sensor-logger_RR.txt'), 'Polar_H10_RR.txt');
    expect(result.value.session).toMatchObject({
      id: importId(fixture('polar-sensor-logger_RR.txt')),
      sourceKind: 'replay',
      end: 'imported',
      sourceLabel: 'Polar_H10_RR.txt',
      startTimeMs: end - result.value.session.durationMs,
    });
    expect(result.value.beats).toHaveLength(40);
    expect(result.value.session.summary.beatCount).toBe(40);
  });

  it("gives this app's CSV the right mean heart rate (RR 915, 949, 926 ms, not pacer phase as seconds)", () => {
    const csv =
      'time_s,rr_ms,after_gap,artifact,pacer_rate_bpm,pacer_phase\r\n0.915,915,0,normal,6,0.0915\r\n1.864,949,0,normal,6,0.1864\r\n2.79,926,0,normal,6,0.279\r\n';
    const result = imported(csv, 'resonance.csv');
    expect(result.value.beats.map((b) => b.rrMs)).toEqual([915, 949, 926]);
    expect(result.value.session.summary.meanHeartRateBpm).toBeCloseTo(
      (60_000 / 915 + 60_000 / 949 + 60_000 / 926) / 3,
      9,
    );
  });

  it('counts the impossible values it left out and stores only the rest', () => {
    const result = imported('rr\n800\n0.98\n810\n64000\n820\n');
    expect(result.value.impossible).toBe(2);
    expect(result.value.beats.map((b) => [b.rrMs, b.afterGap])).toEqual([
      [800, false],
      [810, true],
      [820, true],
    ]);
  });

  it('passes the reader’s problem on, line and all', () => {
    expect(importRrFile(parseRrText('800\n810\nabc\n'), 'elite.txt', end)).toEqual({
      ok: false,
      error: { kind: 'not-a-number', line: 3, column: 1, text: 'abc' },
    });
  });
});

describe('re-importing every export the app makes gives the same beats back', () => {
  const cases = [
    ['sample beats', sampleBeats(40)],
    ['live Bluetooth beats', liveBeats(2000, 7)],
    ['the fixture beats', JSON.parse(fixture('resonance-export.beats.json')) as BeatRecord[]],
  ] as const;

  it.each(cases)(
    'CSV of %s: every RR, gap and label exactly, times to the ms, the pacer to its written precision',
    (_name, beats) => {
      const back = imported(beatsCsv(beats), 'resonance.csv').value.beats;
      expect(back).toHaveLength(beats.length);
      expect(back.map((b) => b.rrMs)).toEqual(beats.map((b) => b.rrMs));
      expect(back.map((b) => [b.afterGap, b.artifact])).toEqual(beats.map((b) => [b.afterGap, b.artifact]));
      beats.forEach((beat, i) => {
        const again = back[i]!;
        expect(Number.isInteger(again.timeMs)).toBe(true);
        expect(Math.abs(again.timeMs - beat.timeMs)).toBeLessThanOrEqual(0.5);
        expect(Math.abs((again.pacerRateBpm ?? NaN) - (beat.pacerRateBpm ?? NaN))).toBeLessThanOrEqual(0.005);
        expect(Math.abs((again.pacerPhase ?? NaN) - (beat.pacerPhase ?? NaN))).toBeLessThanOrEqual(0.00005);
      });
    },
  );

  it.each(cases)('RR text of %s: every RR exactly', (_name, beats) => {
    expect(imported(rrText(beats)).value.beats.map((b) => b.rrMs)).toEqual(beats.map((b) => b.rrMs));
  });

  it.each(cases)('a backup of %s: every beat exactly', (_name, beats) => {
    const backup = makeBackup(
      end,
      [{ session: sampleSession('s1', beats), beats: toColumns(beats) }],
      [],
      [],
    );
    const parsed = parseBackup(backupJson(backup));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(fromColumns(parsed.value.sessions[0]!.beats)).toEqual(beats);
  });

  it.each(cases)('a CSV of %s re-exported after import is the same file', (_name, beats) => {
    const csv = beatsCsv(beats);
    expect(beatsCsv(imported(csv, 'resonance.csv').value.beats)).toBe(csv);
  });

  it('an export of an earlier version (times and phases at full precision) reads back every beat exactly', () => {
    const beats = JSON.parse(fixture('resonance-export.beats.json')) as BeatRecord[];
    expect(imported(fixture('resonance-export.csv'), 'resonance.csv').value.beats).toEqual(beats);
  });

  it('brings back the measured breath of its own CSV on the 4 Hz grid, a hole where it was not measured', () => {
    const beats = sampleBeats(60);
    // A slow wave on the 4 Hz trace, not measured from 20 to 30 s.
    const wave = (ms: number) => 20 * Math.sin((2 * Math.PI * ms) / 10_000);
    const values = Float32Array.from({ length: 4 * 55 }, (_, k) =>
      k >= 80 && k < 120 ? Number.NaN : wave(k * 250),
    );
    const result = imported(beatsCsv(beats, { startMs: 0, values }), 'h10.csv');
    const breath = result.value.breath;
    if (!breath) throw new Error('no breath');
    expect(breath.startMs % 250).toBe(0);
    const at = (ms: number) => breath.values[(ms - breath.startMs) / 250] as number;
    // Linear between beats about 0.9 s apart: within a few percent of the wave.
    for (const ms of [5000, 12_500, 40_000]) expect(Math.abs(at(ms) - wave(ms))).toBeLessThan(1);
    expect(Number.isNaN(at(25_000))).toBe(true);
    expect(imported(rrText(beats)).value.breath).toBeNull();
  });
});
