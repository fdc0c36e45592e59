import { describe, expect, it } from 'vitest';
import { dailyReminderIcs, escapeText, foldLine } from '../../../src/core/export/ics';
import { REMINDER_TEXT } from '../../../src/ui/history/reminder-text';

const options = {
  summary: 'Breathing practice',
  description: 'Time for your practice; sit comfortably, and follow the pacer.',
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

  it('says what it is given, escaped, as the title, the text and the alarm', () => {
    const unfold = (ics: string) => ics.replace(/\r\n /g, '');
    const practice = unfold(dailyReminderIcs(options));
    const reading = unfold(dailyReminderIcs({ ...options, ...REMINDER_TEXT.reading, hour: 6, minute: 45 }));
    expect(practice).toContain('SUMMARY:Breathing practice');
    expect(practice).toContain(
      'DESCRIPTION:Time for your practice\\; sit comfortably\\, and follow the pacer.',
    );
    expect(practice.match(/DESCRIPTION:Breathing practice/g)).toHaveLength(1);
    expect(reading).toContain('SUMMARY:Resonance morning reading');
    expect(reading).toContain('before coffee');
    expect(reading).toContain('DTSTART:20261123T064500');
    expect(reading).not.toContain('follow the pacer');
  });

  it('keeps every line within 75 octets and unfolds to the original', () => {
    for (const line of dailyReminderIcs({ ...options, ...REMINDER_TEXT.reading }).split('\r\n'))
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
