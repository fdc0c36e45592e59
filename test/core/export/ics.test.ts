import { describe, expect, it } from 'vitest';
import { dailyReminderIcs, escapeText, foldLine } from '../../../src/core/export/ics';

const options = {
  hour: 7,
  minute: 5,
  year: 2026,
  month: 11,
  day: 23,
  durationMin: 15,
  uid: 'r1@resonance',
  nowMs: Date.UTC(2026, 10, 22, 19, 0, 9),
};

describe('daily reminder .ics', () => {
  it('is one daily recurring event at a floating local time with a display alarm', () => {
    const ics = dailyReminderIcs(options);
    const lines = ics.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('DTSTART:20261123T070500');
    expect(lines).toContain('RRULE:FREQ=DAILY');
    expect(lines).toContain('DTSTAMP:20261122T190009Z');
    expect(lines).toContain('DURATION:PT15M');
    expect(lines).toContain('ACTION:DISPLAY');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it('can remind of the morning reading instead of the practice', () => {
    const unfold = (ics: string) => ics.replace(/\r\n /g, '');
    const practice = unfold(dailyReminderIcs(options));
    const reading = unfold(dailyReminderIcs({ ...options, for: 'reading', hour: 6, minute: 45 }));
    expect(practice).toContain('SUMMARY:Resonance breathing practice');
    expect(reading).toContain('SUMMARY:Resonance morning reading');
    expect(reading).toContain('before coffee');
    expect(reading).toContain('DTSTART:20261123T064500');
    expect(reading).not.toContain('follow the pacer');
  });

  it('keeps every line within 75 octets and unfolds to the original', () => {
    for (const line of dailyReminderIcs({ ...options, for: 'reading' }).split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    for (const line of dailyReminderIcs(options).split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const long = `DESCRIPTION:${'é'.repeat(60)}`;
    const folded = foldLine(long);
    for (const part of folded.split('\r\n'))
      expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
  });

  it('escapes text values', () => {
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
  });
});
