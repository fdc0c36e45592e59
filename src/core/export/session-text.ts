/**
 * Per-session exports for other tools.
 *
 * - RR text: one RR interval in milliseconds per line and nothing else, the plain format Kubios HRV reads
 *   ("RR interval data ... in a text file, one value per line", Kubios HRV user's guide, data formats).
 * - CSV of beats, RFC 4180 (comma separated, CRLF line ends, fields with commas, quotes or line breaks quoted,
 *   quotes doubled), with a header naming each column and its unit.
 *
 * Numbers are written exactly (decimal.ts), so re-importing either file (rr-file/reader.ts) gives back the very
 * same RR values, and the CSV the same beats: times, gaps, labels and pacer columns too.
 */
import type { BeatRecord, SessionRecord } from '../session/record';
import { exactText, msToSecondsText } from './decimal';

/** RR text: every beat's RR in ms, one per line, ending with a newline. */
export function rrText(beats: readonly BeatRecord[]): string {
  let out = '';
  for (const beat of beats) out += `${exactText(beat.rrMs)}\n`;
  return out;
}

export const CSV_HEADER = [
  'time_s',
  'rr_ms',
  'after_gap',
  'artifact',
  'pacer_rate_bpm',
  'pacer_phase',
] as const;

/** Quote a CSV field when it needs it (RFC 4180 section 2, rules 6 and 7). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV of beats: time since start in s, RR in ms, gap flag, artifact label, pacer rate and phase. */
export function beatsCsv(beats: readonly BeatRecord[]): string {
  const rows = [CSV_HEADER.join(',')];
  for (const b of beats) {
    rows.push(
      [
        msToSecondsText(b.timeMs),
        exactText(b.rrMs),
        b.afterGap ? '1' : '0',
        csvField(b.artifact),
        b.pacerRateBpm === null ? '' : exactText(b.pacerRateBpm),
        b.pacerPhase === null ? '' : exactText(b.pacerPhase),
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
