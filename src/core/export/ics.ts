/**
 * A daily practice reminder as an iCalendar file (RFC 5545), so the person's own calendar app reminds them with
 * no server involved: one VEVENT repeating with RRULE:FREQ=DAILY (section 3.3.10) at a floating local time
 * (section 3.3.5, form #1: no "Z", no TZID, so it stays at 07:30 wherever they are), and a VALARM (section 3.6.6)
 * that displays at the start. Lines end in CRLF and are folded at 75 octets (section 3.1).
 */

export interface ReminderOptions {
  /** The event's title and its alarm's text, in the person's words (the UI's, src/ui/history/reminder-text.ts). */
  readonly summary: string;
  /** The event's longer text. */
  readonly description: string;
  /** Local time of day. */
  readonly hour: number;
  readonly minute: number;
  /** First day, as a calendar date. */
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Length of the practice block in minutes. */
  readonly durationMin: number;
  /** Unique id of the event (stable, so re-importing updates instead of duplicating). */
  readonly uid: string;
  /** Creation time, ms since the epoch (DTSTAMP, in UTC). */
  readonly nowMs: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Escape TEXT values (RFC 5545 section 3.3.11): backslash, semicolon, comma, newline. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Octets of one character in UTF-8. */
function utf8Length(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** Fold a content line at 75 octets: continuation lines begin with one space (section 3.1). */
export function foldLine(line: string): string {
  let total = 0;
  for (const ch of line) total += utf8Length(ch);
  if (total <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let currentBytes = 0;
  for (const ch of line) {
    const size = utf8Length(ch);
    const limit = parts.length === 0 ? 75 : 74;
    if (currentBytes + size > limit) {
      parts.push(current);
      current = '';
      currentBytes = 0;
    }
    current += ch;
    currentBytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function utcStamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

export function dailyReminderIcs(o: ReminderOptions): string {
  const start = `${pad(o.year, 4)}${pad(o.month)}${pad(o.day)}T${pad(o.hour)}${pad(o.minute)}00`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Resonance//Practice reminder//EN',
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${escapeText(o.uid)}`,
    `DTSTAMP:${utcStamp(o.nowMs)}`,
    `DTSTART:${start}`,
    `DURATION:PT${Math.max(1, Math.round(o.durationMin))}M`,
    'RRULE:FREQ=DAILY',
    `SUMMARY:${escapeText(o.summary)}`,
    `DESCRIPTION:${escapeText(o.description)}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(o.summary)}`,
    'TRIGGER:PT0M',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
