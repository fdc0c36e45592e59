/**
 * The privacy page's words for each thing Resonance stores. The lists come from the storage module (the stores in
 * schema.ts, the keys in keys.ts), and each record type below must have a line for every entry, so the compiler
 * refuses a new store or key that the page does not explain.
 */
import type { LocalKeyId } from '../adapters/storage/keys';
import type { StoreName } from '../adapters/storage/schema';
import type { DeleteAllOutcome } from '../state/delete-all';
import type { Notice } from '../state/history.svelte';

export const STORE_TEXT: Record<StoreName, string> = {
  sessions:
    'Session records: when each session started and ended, the heart source used, its summary figures.',
  'beat-chunks':
    'The beats of each session: every interval between heartbeats, with its time and the pacer at that beat.',
  'hr-chunks':
    'The heart rate of sessions with a watch that sends heart rate only: each reading, when it arrived, and the pacer at that moment.',
  'check-ins': 'Check-ins: how you said you felt before and after a session, and any notes you wrote.',
  assessments:
    'Assessments: the results of resonance-rate assessments (the breathing rates tried and how each went).',
  readings:
    'Morning readings: when each was taken, its length and position, the heart source, the intervals between heartbeats it measured, and its figures (ln RMSSD, resting heart rate).',
  settings:
    'Settings: your breathing pattern and the rate the next session starts from, whether the rate adapts or is ' +
    'locked and its band, sound, vibration and volume, whether phases are announced, the session length, the ' +
    "light or dark theme, whether you asked for the morning readings' below-range note, and your latest resonance-rate assessment (the rates tried, how your heart answered " +
    'each, the rate found, and when).',
};

export const LOCAL_KEY_TEXT: Record<LocalKeyId, string> = {
  firstRun: 'that you have read the welcome screen.',
  strap:
    "the strap you paired last, so it can be reconnected with one tap: the browser's code for it and its name " +
    '(nothing measured).',
  assessment:
    'where earlier versions kept your latest resonance-rate assessment; it is moved into the settings store ' +
    'when the app opens and removed from here.',
  themeHint: 'a copy of your theme choice (light, dark or system), so the page opens in the right colours.',
};

/** What the app says once "delete all" has run. */
export function wipeNotice(report: DeleteAllOutcome): Notice {
  if ('refused' in report)
    return {
      kind: 'error',
      text: 'Nothing was deleted: a session is running in another Resonance tab or window. Stop it there, then delete.',
    };
  if (report.storageError)
    return {
      kind: 'error',
      text: `Not everything could be deleted: ${report.storageError.message} Try again, or clear this site's data in the browser's settings.`,
    };
  const strap =
    report.strapPermission === 'cannot-forget'
      ? " This browser cannot withdraw a strap's Bluetooth permission by itself: remove it in the browser's site settings if you want that gone too."
      : '';
  return { kind: 'info', text: `Everything Resonance stored in this browser has been deleted.${strap}` };
}
