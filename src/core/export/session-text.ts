/**
 * Per-session exports for other tools.
 *
 * - RR text: one RR interval in milliseconds per line and nothing else, the plain format Kubios HRV reads
 *   ("RR interval data ... in a text file, one value per line", Kubios HRV user's guide, data formats).
 * - CSV of heart-rate samples (a device without RR), the same way: arrival time, heart rate, gap flag, pacer.
 * - CSV of beats, RFC 4180 (comma separated, CRLF line ends, fields with commas, quotes or line breaks quoted,
 *   quotes doubled), with a header naming each column and its unit.
 *
 * Each number at a fixed precision for its unit (decimal.ts), never with floating-point noise: RR exactly as stored,
 * so re-importing either file (rr-file/reader.ts) gives back the very same RR values; times in s to the ms; rates in
 * breaths or beats a minute to 0.01 and 0.1; the pacer's phase (0-1 of a breath) to 0.0001, a millisecond of a
 * 10-s breath. The CSV reads back as the same beats at those precisions (gaps and labels exactly), and exporting
 * what it read gives the same file again.
 */
import { BREATH_STEP_MS, type BreathTraceSlice } from '../respiration/breath-trace';
import type { BeatRecord, HeartRateRecord, SessionRecord } from '../session/record';
import { exactText, msToSecondsText, roundedText } from './decimal';

/** Decimals of each exported figure but RR and time (see the file's comment). */
const DIGITS = { pacerRateBpm: 2, pacerPhase: 4, heartRateBpm: 1, breath: 3 } as const;

/** RR text: every beat's RR in ms, one per line, ending with a newline. */
export function rrText(beats: readonly BeatRecord[]): string {
  let out = '';
  for (const beat of beats) out += `${exactText(beat.rrMs)}\n`;
  return out;
}

const CSV_HEADER = ['time_s', 'rr_ms', 'after_gap', 'artifact', 'pacer_rate_bpm', 'pacer_phase'] as const;

/** Quote a CSV field when it needs it (RFC 4180 section 2, rules 6 and 7). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * CSV of beats: time since start in s, RR in ms, gap flag, artifact label, pacer rate and phase; with a measured
 * breath (chest sensor), a last column `breath`: the breath signal at each beat's time (linear between its 4 Hz
 * samples; empty where it was not measured), so a spreadsheet can set heart rate against the person's own breath.
 */
export function beatsCsv(beats: readonly BeatRecord[], breath: BreathTraceSlice | null = null): string {
  const header: string[] = [...CSV_HEADER];
  if (breath) header.push('breath');
  const rows = [header.join(',')];
  for (const b of beats) {
    const fields = [
      msToSecondsText(b.timeMs),
      exactText(b.rrMs),
      b.afterGap ? '1' : '0',
      csvField(b.artifact),
      b.pacerRateBpm === null ? '' : roundedText(b.pacerRateBpm, DIGITS.pacerRateBpm),
      b.pacerPhase === null ? '' : roundedText(b.pacerPhase, DIGITS.pacerPhase),
    ];
    if (breath) {
      // Interpolated between 4 Hz samples (not a stored value that must read back exactly), and a chest's signal
      // is nowhere near as precise as 3 decimals.
      const v = breathAt(breath, b.timeMs);
      fields.push(v === null ? '' : roundedText(v, DIGITS.breath));
    }
    rows.push(fields.join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** The breath trace at session time `timeMs`, linear between samples; null outside it or next to a hole. */
function breathAt(breath: BreathTraceSlice, timeMs: number): number | null {
  const x = (timeMs - breath.startMs) / BREATH_STEP_MS;
  const k = Math.floor(x);
  if (k < 0 || k + 1 >= breath.values.length) return null;
  const v = (breath.values[k] as number) * (1 - (x - k)) + (breath.values[k + 1] as number) * (x - k);
  return Number.isFinite(v) ? v : null;
}

const HEART_RATE_CSV_HEADER = [
  'time_s',
  'heart_rate_bpm',
  'after_gap',
  'pacer_rate_bpm',
  'pacer_phase',
] as const;

/** CSV of heart-rate samples: arrival time since start in s, heart rate in bpm, gap flag, pacer rate and phase. */
export function heartRateCsv(samples: readonly HeartRateRecord[]): string {
  const rows = [HEART_RATE_CSV_HEADER.join(',')];
  for (const s of samples) {
    rows.push(
      [
        msToSecondsText(s.timeMs),
        roundedText(s.heartRateBpm, DIGITS.heartRateBpm),
        s.afterGap ? '1' : '0',
        s.pacerRateBpm === null ? '' : roundedText(s.pacerRateBpm, DIGITS.pacerRateBpm),
        s.pacerPhase === null ? '' : roundedText(s.pacerPhase, DIGITS.pacerPhase),
      ].join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** A file name for a session's export: `resonance-2026-11-22-0730.txt` in local time of the given offset. */
export function sessionFileName(session: SessionRecord, extension: string, utcOffsetMinutes = 0): string {
  const d = new Date(session.startTimeMs + utcOffsetMinutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}-${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}`;
  return `resonance-${stamp}.${extension}`;
}
