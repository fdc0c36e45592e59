import { describe, expect, it } from 'vitest';
import {
  beatsCsv,
  csvField,
  heartRateCsv,
  rrText,
  sessionFileName,
} from '../../../src/core/export/session-text';
import { SimulatedHeart } from '../../../src/core/physiology/simulated-heart';
import { parseRrText } from '../../../src/core/rr-file/reader';
import { NORMAL_BEAT, type BeatRecord } from '../../../src/core/session/record';
import { sampleBeats, sampleSession } from './beats';

describe('RR text export', () => {
  it('writes one RR in ms per line, which the RR-file reader reads back exactly', () => {
    const beats = sampleBeats(40);
    const text = rrText(beats);
    expect(text.split('\n')).toHaveLength(41); // 40 lines and the final newline
    expect(text.startsWith('850.25\n')).toBe(true);
    const parsed = parseRrText(text);
    expect(parsed.ok && parsed.value.beats.rrMs).toEqual(beats.map((b) => b.rrMs));
  });
});

describe('CSV export', () => {
  it('has a header and one row per beat with time, RR, gap, label and pacer', () => {
    const beats = sampleBeats(12);
    const rows = beatsCsv(beats).split('\r\n');
    expect(rows[0]).toBe('time_s,rr_ms,after_gap,artifact,pacer_rate_bpm,pacer_phase');
    expect(rows[1]).toBe('0.85,850.25,0,normal,6,0');
    expect(rows[8]?.split(',')[2]).toBe('1'); // beat 7 follows a gap
    expect(rows[12]?.split(',')[3]).toBe('ectopic');
    expect(rows).toHaveLength(14);
  });

  it('quotes fields per RFC 4180 and leaves empty pacer fields for imported beats', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('plain')).toBe('plain');
    const [beat] = sampleBeats(1);
    const row = beatsCsv([{ ...beat!, pacerRateBpm: null, pacerPhase: null }]).split('\r\n')[1];
    expect(row).toBe('0.85,850.25,0,normal,,');
  });

  it('adds the measured breath at each beat’s time when the session has one, empty where it was not measured', () => {
    const beats = sampleBeats(12);
    // 4 Hz from 0 ms: value k is k (a ramp, so the value at a beat is its time in quarter seconds).
    const values = Float32Array.from({ length: 20 }, (_, k) => k);
    values[10] = Number.NaN;
    const rows = beatsCsv(beats, { startMs: 0, values }).split('\r\n');
    expect(rows[0]).toBe('time_s,rr_ms,after_gap,artifact,pacer_rate_bpm,pacer_phase,breath');
    const breathOf = (row: string | undefined) => row?.split(',')[6];
    expect(Number(breathOf(rows[1]))).toBeCloseTo(beats[0]!.timeMs / 250, 3);
    // Beats past the trace's end (about 4.75 s) have no breath.
    expect(breathOf(rows[12])).toBe('');
    expect(beatsCsv(beats).split('\r\n')[0]?.endsWith('pacer_phase')).toBe(true);
  });

  it('writes every number at its unit’s precision, without floating-point noise, RR as stored', () => {
    // A simulated heart's beats: RR to 0.1 ms, times summed from them (1859.3000000000002 ms and the like), an
    // adapting pacer rate and a phase that is a fraction of the breath.
    const heart = new SimulatedHeart({ seed: 11 });
    const beats: BeatRecord[] = Array.from({ length: 300 }, (_, i) => {
      const b = heart.nextBeat(() => 0);
      return {
        rrMs: b.rrMs,
        timeMs: b.timeS * 1000,
        afterGap: false,
        artifact: NORMAL_BEAT,
        pacerRateBpm: 6 - i * 0.01,
        pacerPhase: ((b.timeS * 1000) / 10_000) % 1,
      };
    });
    // The noise is there to be dropped.
    expect(beats.some((b) => String(b.timeMs).replace(/^\d+\.?/, '').length > 3)).toBe(true);
    const values = Float32Array.from({ length: 4 * 400 }, (_, k) => Math.sin(k / 7) * 123.456789);
    const rows = beatsCsv(beats, { startMs: 0, values }).trimEnd().split('\r\n').slice(1);
    const decimals = (text: string | undefined, most: number) =>
      expect(text).toMatch(new RegExp(`^-?\\d+(\\.\\d{1,${most}})?$`));
    rows.forEach((row, i) => {
      const [time, rr, , , rate, phase, breath] = row.split(',');
      decimals(time, 3);
      expect(rr).toBe(String(beats[i]!.rrMs));
      expect(Number(rr)).toBe(beats[i]!.rrMs);
      decimals(rate, 2);
      decimals(phase, 4);
      if (breath !== '') decimals(breath, 3);
    });
    expect(rows[1]?.split(',')[0]).toBe((Math.round(beats[1]!.timeMs) / 1000).toString());
    // And the heart-rate CSV, from the same noisy times.
    const samples = beats.map((b) => ({
      heartRateBpm: 60_000 / b.rrMs,
      timeMs: b.timeMs,
      afterGap: false,
      pacerRateBpm: b.pacerRateBpm,
      pacerPhase: b.pacerPhase,
    }));
    heartRateCsv(samples)
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .forEach((row) => {
        const [time, bpm, , rate, phase] = row.split(',');
        decimals(time, 3);
        decimals(bpm, 1);
        decimals(rate, 2);
        decimals(phase, 4);
      });
  });

  it('names files by the session’s local start time', () => {
    const session = sampleSession('s', [], Date.UTC(2026, 0, 5, 23, 10));
    expect(sessionFileName(session, 'txt')).toBe('resonance-2026-01-05-2310.txt');
    expect(sessionFileName(session, 'csv', 60)).toBe('resonance-2026-01-06-0010.csv');
  });
});

describe('heartRateCsv', () => {
  it('writes one RFC 4180 row per heart-rate sample with a header naming the units', () => {
    const csv = heartRateCsv([
      { heartRateBpm: 64, timeMs: 1013, afterGap: false, pacerRateBpm: 6, pacerPhase: 0.1 },
      { heartRateBpm: 71, timeMs: 2250, afterGap: true, pacerRateBpm: null, pacerPhase: null },
    ]);
    expect(csv).toBe(
      'time_s,heart_rate_bpm,after_gap,pacer_rate_bpm,pacer_phase\r\n1.013,64,0,6,0.1\r\n2.25,71,1,,\r\n',
    );
  });
});
