/** Words of the calendar reminders the data controls download (core/export/ics.ts writes the file). */

/** What the reminder is for: the breathing practice, or the morning reading (its own time, usually on waking). */
export type ReminderFor = 'practice' | 'reading';

export const REMINDER_TEXT: Record<ReminderFor, { summary: string; description: string }> = {
  practice: {
    summary: 'Resonance breathing practice',
    description:
      'Time for your slow-breathing practice. Open Resonance, sit comfortably, and follow the pacer.',
  },
  reading: {
    summary: 'Resonance morning reading',
    description:
      'Time for your morning reading: before coffee, sit or lie still in your usual position, open Resonance and take the reading, breathing normally.',
  },
};
