/**
 * The privacy page's words for each thing Resonance stores. The lists come from the storage module (the stores in
 * schema.ts, the keys in keys.ts), and each record type below must have a line for every entry, so the compiler
 * refuses a new store or key that the page does not explain.
 */
import type { LocalKeyId } from '../adapters/storage/keys';
import type { StoreName } from '../adapters/storage/schema';
import type { SettingName } from '../state/settings.svelte';
import type { DeleteAllOutcome } from '../state/delete-all';
import type { Notice } from '../state/history.svelte';
import { storageErrorText } from './storage-text';
import { countOf } from './plural';

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
    "Settings: your choices, one record each (and whether you asked for the morning readings' below-range note).",
};

/** Each store in a few words, for the one-line summary of the database ("7 kinds of record: your sessions, …"). */
export const STORE_SHORT: Record<StoreName, string> = {
  sessions: 'your sessions',
  'beat-chunks': 'their beats',
  'hr-chunks': 'heart rate from watches',
  'check-ins': 'check-ins',
  assessments: 'assessments',
  readings: 'morning readings',
  settings: 'settings',
};

/** Each local-storage key in a few words, for its one-line summary. */
export const LOCAL_KEY_SHORT: Record<LocalKeyId, string> = {
  firstRun: 'that the welcome was read',
  strap: 'the strap paired last',
  assessment: 'an older version’s assessment',
  themeHint: 'a copy of the theme',
};

/** "a, b and c". */
function listed(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The database in a line: "7 kinds of record: your sessions, their beats, … and settings." */
export function storesSummary(stores: readonly StoreName[]): string {
  return `${countOf(stores.length, 'kind of record', 'kinds of record')}: ${listed(stores.map((s) => STORE_SHORT[s]))}.`;
}

/** Local storage in a line: "4 small keys: that the welcome was read, … and a copy of the theme." */
export function keysSummary(keys: readonly LocalKeyId[]): string {
  return `${countOf(keys.length, 'small key', 'small keys')}: ${listed(keys.map((k) => LOCAL_KEY_SHORT[k]))}.`;
}

/** Each record of the settings store (the keys in src/state/settings.svelte.ts). */
export const SETTING_TEXT: Record<SettingName, string> = {
  presetId: 'the breathing pattern you chose.',
  customPattern: 'your own pattern (seconds in, held, out, held).',
  startPattern: 'the rate and in-breath share the next session starts from.',
  adaptive: 'whether the rate adapts to you.',
  locked: 'whether the rate is locked.',
  band: 'the band of rates it may adapt within.',
  cues: 'sound, vibration and volume of the breathing cues.',
  announce: 'whether breath phases are announced to screen readers.',
  sessionLength: 'the session length.',
  theme: 'the light, dark or system theme.',
  assessment:
    'your latest resonance-rate assessment (the rates tried, how your heart answered each, the rate found, and ' +
    'when), so the next session starts from it.',
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
      text: `Not everything could be deleted: ${storageErrorText(report.storageError)} Try again, or clear this site's data in the browser's settings.`,
    };
  const strap =
    report.strapPermission === 'cannot-forget'
      ? " This browser cannot withdraw a strap's Bluetooth permission by itself: remove it in the browser's site settings if you want that gone too."
      : '';
  return { kind: 'info', text: `Everything Resonance stored in this browser has been deleted.${strap}` };
}

/** The one question before the app's one wipe (Privacy and History's "Your data" ask it the same way). */
export const DELETE_ALL_QUESTION =
  'Delete all sessions, check-ins, assessments, morning readings, settings and the paired strap on this device? Export a backup first if you may want them back.';
