import { describe, expect, it } from 'vitest';
import { fileOutcomeText, noticeText } from '../../../src/ui/history/notice-text';
import { makeSession } from '../../adapters/storage/fixtures';

describe('fileOutcomeText', () => {
  it('counts a restore in plural words and names what was left alone', () => {
    const base = { addedAssessments: 0, skippedReadings: 0 };
    expect(
      fileOutcomeText({ kind: 'restored', addedSessions: 1, skippedSessions: 0, addedReadings: 0, ...base }),
    ).toBe('Restored 1 session.');
    expect(
      fileOutcomeText({ kind: 'restored', addedSessions: 3, skippedSessions: 2, addedReadings: 1, ...base }),
    ).toBe('Restored 3 sessions and 1 morning reading; 2 already here were left as they are.');
  });

  it('says when a restore or an import added nothing, never "Restored 0 sessions"', () => {
    const none = { kind: 'restored', addedSessions: 0, addedReadings: 0, addedAssessments: 0 } as const;
    expect(fileOutcomeText({ ...none, skippedSessions: 2, skippedReadings: 1 })).toBe(
      "Nothing new to restore: the backup's 2 sessions and 1 morning reading are already here.",
    );
    expect(fileOutcomeText({ ...none, skippedSessions: 1, skippedReadings: 0 })).toBe(
      "Nothing new to restore: the backup's 1 session is already here.",
    );
    expect(fileOutcomeText({ ...none, skippedSessions: 0, skippedReadings: 0 })).toBe(
      'Nothing new to restore: the backup holds no sessions or morning readings.',
    );
    expect(fileOutcomeText({ kind: 'imported', added: 0, already: 1, impossible: 0 })).toBe(
      'Nothing new to import: 1 recording was already here.',
    );
  });

  it('says how many recordings were imported, already here and left out', () => {
    expect(fileOutcomeText({ kind: 'imported', added: 2, already: 0, impossible: 0 })).toBe(
      'Imported 2 recordings.',
    );
    expect(fileOutcomeText({ kind: 'imported', added: 1, already: 1, impossible: 3 })).toBe(
      'Imported 1 recording; 1 recording was already here. 3 impossible values were left out (RR outside 200-3000 ms).',
    );
  });

  it('names the file and the problem when nothing changed', () => {
    expect(
      fileOutcomeText({
        kind: 'unreadable',
        action: 'import',
        fileName: 'beats.csv',
        problem: { kind: 'no-intervals' },
      }),
    ).toBe('Nothing was imported: beats.csv: the file holds no RR intervals.');
    expect(
      fileOutcomeText({
        kind: 'invalid-backup',
        fileName: 'backup.json',
        problem: {
          where: 'sessions[0].session',
          problem: { kind: 'wrong-type', expected: 'object', found: { type: 'list' } },
        },
      }),
    ).toBe(
      'Nothing was restored from backup.json: expected an object, found a list (at sessions[0].session).',
    );
    expect(
      fileOutcomeText({
        kind: 'storage-failed',
        action: 'restore',
        error: { kind: 'storage-full' },
      }),
    ).toBe('Nothing was restored: Storage on this device is full. Free some space, then try again.');
  });
});

describe('noticeText', () => {
  it('gives a notice in words as it is and words a file outcome', () => {
    expect(noticeText({ kind: 'info', text: 'Saved.' })).toBe('Saved.');
    expect(
      noticeText({ kind: 'info', outcome: { kind: 'imported', added: 1, already: 0, impossible: 0 } }),
    ).toBe('Imported 1 recording.');
  });

  it('words a storage failure and the sessions finished after a crash', () => {
    expect(noticeText({ kind: 'error', storage: { kind: 'no-indexeddb' } })).toBe(
      'This browser has no IndexedDB storage.',
    );
    expect(noticeText({ kind: 'info', recovered: [makeSession('a', 0, { durationMs: 95_000 })] })).toBe(
      'Recovered a session (1:35) that was open when the page closed, all but its last few seconds.',
    );
    const two = [makeSession('a', 0, { durationMs: 95_000 }), makeSession('b', 1, { durationMs: 600_000 })];
    expect(noticeText({ kind: 'info', recovered: two })).toBe(
      'Recovered 2 sessions (1:35, 10:00) that were open when the page closed, all but their last few seconds.',
    );
  });

  it('words a deletion by what was deleted', () => {
    expect(noticeText({ kind: 'info', deleted: 'session' })).toBe('The session was deleted.');
    expect(noticeText({ kind: 'info', deleted: 'reading' })).toBe('The reading was deleted.');
  });
});
