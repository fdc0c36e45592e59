/**
 * Words of the stress check-in: its question and its note's example, for the moment it is about (before or after a
 * session) and when it is asked. Around a session it is asked in the present ("How stressed are you now?"); from
 * the history, about a session that is over, in the past ("How stressed did you feel before this session?").
 */

/** The check-in's moment: before the session, or after it. */
export type CheckInMoment = 'before' | 'after';

/** Asked now (on the home before Start, on the summary after a session) or later, of a past session. */
export type CheckInTime = 'now' | 'past';

export function checkInQuestion(moment: CheckInMoment, time: CheckInTime): string {
  if (time === 'now') return 'How stressed are you now?';
  return moment === 'before'
    ? 'How stressed did you feel before this session?'
    : 'How stressed did you feel after this session?';
}

/**
 * An example note, in the field until the person writes one: before a session, what the day brought; after it, how
 * the session left them.
 */
export function notePlaceholder(moment: CheckInMoment): string {
  return moment === 'before' ? 'Slept badly, busy day…' : 'Calmer, warm hands, a bit sleepy…';
}
