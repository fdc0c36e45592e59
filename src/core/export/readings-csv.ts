/**
 * The morning readings as CSV (RFC 4180, as the beats CSV in session-text.ts): one row per reading with its local
 * date and time, ln RMSSD, RMSSD in ms, resting heart rate, the chosen length, position, beat counts and source
 * (the strap's or the file's name; `simulated` for the simulated heart), so a spreadsheet or a clinician's tool can
 * read them.
 */
import { dayKey } from '../history/days';
import { lnRmssd, type ReadingRecord } from '../readiness/reading';
import { roundedText } from './decimal';
import { csvField } from './session-text';

export const READINGS_CSV_HEADER = [
  'date',
  'time',
  'ln_rmssd',
  'rmssd_ms',
  'resting_hr_bpm',
  'length_s',
  'position',
  'beats',
  'corrected_beats',
  'source',
] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** The source's own name, or its kind when it has none (the simulated heart, whatever an older record's label says). */
function sourceColumn(r: ReadingRecord): string {
  const name = r.sourceLabel.trim();
  return r.sourceKind === 'simulated' || !name ? r.sourceKind : name;
}

/** `offsetOf(timeMs)`: the UTC offset in minutes at that moment, for the local date and time columns. */
export function readingsCsv(
  readings: readonly ReadingRecord[],
  offsetOf: (timeMs: number) => number,
): string {
  const rows = [READINGS_CSV_HEADER.join(',')];
  for (const r of [...readings].sort((a, b) => a.timeMs - b.timeMs)) {
    const offset = offsetOf(r.timeMs);
    const local = new Date(r.timeMs + offset * 60_000);
    rows.push(
      [
        dayKey(r.timeMs, offset),
        `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
        roundedText(lnRmssd(r), 3),
        roundedText(r.rmssdMs, 1),
        roundedText(r.meanHrBpm, 1),
        String(r.lengthS),
        r.position,
        String(r.beatCount),
        String(r.correctedCount),
        csvField(sourceColumn(r)),
      ].join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}
