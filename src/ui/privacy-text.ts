/**
 * The privacy page's words for each thing Resonance stores. The lists come from the storage module (the stores in
 * schema.ts, the keys in keys.ts), and each record type below must have a line for every entry, so the compiler
 * refuses a new store or key that the page does not explain.
 */
import type { LocalKeyId } from '../adapters/storage/keys';
import type { StoreName } from '../adapters/storage/schema';
import type { WipeReport } from '../adapters/storage/wipe';
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
  settings: 'Settings: your choices, such as a daily reminder.',
};

export const LOCAL_KEY_TEXT: Record<LocalKeyId, string> = {
  firstRun: 'that you have read the welcome screen.',
  strap:
    "the strap you paired last, so it can be reconnected with one tap: the browser's code for it and its name " +
    '(nothing measured).',
  assessment:
    'your latest resonance-rate assessment (the rates tried, how your heart answered each, the rate found, and ' +
    'when), so the next session starts from it.',
};

/** What the app says once "delete all" has run. */
export function wipeNotice(report: WipeReport): Notice {
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
