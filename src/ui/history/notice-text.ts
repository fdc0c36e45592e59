/**
 * The history's notices in words: a restore's or an import's outcome (the state's typed {@link FileOutcome}), a
 * deletion, a storage failure, the sessions finished after a crash.
 */
import type { FileOutcome, Notice } from '../../state/history.svelte';
import { fileProblemText } from '../files/file-problem-text';
import { valueProblemText } from '../files/value-problem-text';
import { countOf, pluralWord } from '../plural';
import { storageErrorText } from '../storage-text';
import { recoveredText } from './recovery-text';

/** The line to show for a notice. */
export function noticeText(notice: Notice): string {
  if ('text' in notice) return notice.text;
  if ('storage' in notice) return storageErrorText(notice.storage);
  if ('recovered' in notice) return recoveredText(notice.recovered) ?? '';
  if ('deleted' in notice)
    return notice.deleted === 'session' ? 'The session was deleted.' : 'The reading was deleted.';
  return fileOutcomeText(notice.outcome);
}

/** "Restored 3 sessions and 1 morning reading.", "Nothing was imported: beats.csv, line 3: ...". */
export function fileOutcomeText(outcome: FileOutcome): string {
  switch (outcome.kind) {
    case 'unreadable':
      return outcome.action === 'restore'
        ? `Nothing was restored: ${fileProblemText(outcome.fileName, outcome.problem, 'backup')}`
        : `Nothing was imported: ${fileProblemText(outcome.fileName, outcome.problem)}`;
    case 'invalid-backup': {
      const where = outcome.problem.where ? ` (at ${outcome.problem.where})` : '';
      return `Nothing was restored from ${outcome.fileName}: ${valueProblemText(outcome.problem.problem)}${where}.`;
    }
    case 'storage-failed':
      return `Nothing was ${outcome.action === 'restore' ? 'restored' : 'imported'}: ${storageErrorText(outcome.error)}`;
    case 'restored': {
      const { addedSessions, skippedSessions, addedReadings, skippedReadings } = outcome;
      // Nothing added: say so, not "Restored 0 sessions".
      if (addedSessions === 0 && addedReadings === 0) {
        const already = [
          skippedSessions ? countOf(skippedSessions, 'session', 'sessions') : '',
          skippedReadings ? countOf(skippedReadings, 'morning reading', 'morning readings') : '',
        ].filter(Boolean);
        return already.length > 0
          ? `Nothing new to restore: the backup's ${already.join(' and ')} ${pluralWord(skippedSessions + skippedReadings, 'is', 'are')} already here.`
          : 'Nothing new to restore: the backup holds no sessions or morning readings.';
      }
      const readings = addedReadings
        ? ` and ${countOf(addedReadings, 'morning reading', 'morning readings')}`
        : '';
      const skipped = skippedSessions
        ? `; ${skippedSessions} already here ${pluralWord(skippedSessions, 'was', 'were')} left as ${pluralWord(skippedSessions, 'it is', 'they are')}`
        : '';
      return `Restored ${countOf(addedSessions, 'session', 'sessions')}${readings}${skipped}.`;
    }
    case 'imported': {
      const { added, already, impossible } = outcome;
      const recordings = (n: number) => countOf(n, 'recording', 'recordings');
      const alreadyHere = `${recordings(already)} ${pluralWord(already, 'was', 'were')} already here`;
      const left =
        impossible > 0
          ? ` ${countOf(impossible, 'impossible value', 'impossible values')} ${pluralWord(impossible, 'was', 'were')} left out (RR outside 200-3000 ms).`
          : '';
      if (added === 0 && already > 0) return `Nothing new to import: ${alreadyHere}.${left}`;
      return `Imported ${recordings(added)}${already > 0 ? `; ${alreadyHere}` : ''}.${left}`;
    }
  }
}
