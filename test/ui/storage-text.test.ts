import { describe, expect, it } from 'vitest';
import type { StorageError } from '../../src/adapters/storage/database';
import { recordingProblemText, storageErrorText } from '../../src/ui/storage-text';

const every: StorageError[] = [
  { kind: 'storage-full' },
  { kind: 'no-indexeddb' },
  { kind: 'not-open' },
  { kind: 'unavailable', detail: 'The database connection is closing.' },
  { kind: 'failed', detail: 'Something broke' },
];

describe('storageErrorText', () => {
  it('words each storage problem differently, with the browser’s own detail when there is one', () => {
    const words = every.map(storageErrorText);
    expect(new Set(words).size).toBe(every.length);
    expect(storageErrorText({ kind: 'storage-full' })).toMatch(/^Storage on this device is full/);
    expect(storageErrorText({ kind: 'unavailable', detail: 'closing' })).toContain('(closing)');
    expect(storageErrorText({ kind: 'failed', detail: 'Something broke' })).toContain('Something broke');
  });
});

describe('recordingProblemText', () => {
  it('says the session goes on in memory, whatever stopped the saving', () => {
    for (const error of every) expect(recordingProblemText(error)).toMatch(/in memory/);
    expect(recordingProblemText({ kind: 'storage-full' })).toMatch(/no longer being saved/);
    expect(recordingProblemText({ kind: 'not-open' })).toBe(
      'Storage is unavailable: this session is kept in memory only.',
    );
  });
});
