/**
 * The person's files end to end: bad files get a message naming what and where and import nothing; a full disk
 * is said plainly and the session exports from memory; deleting everything asks first.
 */
import { expect, test } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseBackup } from '../../src/core/export/backup';
import { skipFirstRun } from './first-run';
import { listRows, openHistory, recordedBeats, runSession } from './history-steps';

test.beforeEach(({ context }) => skipFirstRun(context));

test('bad files get a message naming what and where, and nothing is imported', async ({ page }) => {
  await page.goto('/');
  await openHistory(page);
  await page.getByRole('tab', { name: 'Your data' }).click();
  const dir = tmpdir();

  const badBackup = join(dir, `bad-backup-${Date.now()}.json`);
  const goodSession = {
    session: {
      id: 'x1',
      startTimeMs: 1_700_000_000_000,
      sourceKind: 'replay',
      sourceLabel: 'file',
      durationMs: 2000,
      status: 'finished',
      end: 'imported',
      summary: {
        beatCount: 2,
        artifactCount: 0,
        meanHeartRateBpm: 60,
        rmssdMs: null,
        coherence: null,
        breathingRateBpm: null,
      },
      checkInBefore: null,
      checkInAfter: null,
    },
    beats: {
      rrMs: [1000, 1000],
      timeMs: [1000, 2000],
      pacerRateBpm: [null, null],
      pacerPhase: [null, null],
      gaps: [],
      artifacts: [],
    },
  };
  const badSession = {
    ...goodSession,
    session: { ...goodSession.session, id: 'x2' },
    beats: { ...goodSession.beats, rrMs: [1000, 'oops'] },
  };
  await writeFile(
    badBackup,
    JSON.stringify({
      format: 'resonance-backup',
      version: 1,
      exportedAtMs: 1,
      sessions: [goodSession, badSession],
      assessments: [],
      settings: [],
    }),
  );
  await page.getByTestId('restore-input').setInputFiles(badBackup);
  const notice = page.getByTestId('history-notice');
  await expect(notice).toContainText('Nothing was restored');
  await expect(notice).toContainText('sessions[1].beats.rrMs[1]');

  // A measured breath that is not one (a value past any sensor's range) stops the whole restore too.
  const badBreath = join(dir, `bad-breath-${Date.now()}.json`);
  await writeFile(
    badBreath,
    JSON.stringify({
      format: 'resonance-backup',
      version: 4,
      exportedAtMs: 1,
      sessions: [{ ...goodSession, breath: { startMs: 0, values: [1.5, null, 9e9] } }],
      assessments: [],
      settings: [],
      readings: [],
    }),
  );
  await page.getByTestId('restore-input').setInputFiles(badBreath);
  await expect(notice).toContainText(`Nothing was restored from ${basename(badBreath)}`);
  await expect(notice).toContainText('sessions[0].breath.values[2]');

  const badRr = join(dir, `bad-${Date.now()}.txt`);
  await writeFile(badRr, '812\n790\nabc\n801\n');
  const goodRr = join(dir, `good-${Date.now()}.txt`);
  await writeFile(goodRr, 'RR\n812\n790\n801\n');
  await page.getByTestId('import-input').setInputFiles([goodRr, badRr]);
  await expect(notice).toContainText('Nothing was imported');
  await expect(notice).toContainText('line 3');

  await page.getByRole('tab', { name: 'Sessions' }).click();
  await expect(page.getByTestId('no-sessions')).toBeVisible();

  // The good file alone imports.
  await page.getByRole('tab', { name: 'Your data' }).click();
  await page.getByTestId('import-input').setInputFiles(goodRr);
  await expect(notice).toContainText('Imported 1 recording');
  // Importing the same file again adds no duplicate.
  await page.getByTestId('import-input').setInputFiles(goodRr);
  await expect(notice).toContainText('Nothing new to import: 1 recording was already here');
  await page.getByRole('tab', { name: 'Sessions' }).click();
  await expect.poll(() => listRows(page)).toHaveLength(1);

  // Delete it again, after the app's own inline question (no browser dialog): Cancel is focused first and
  // Escape backs out.
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected browser dialog: ${dialog.message()}`);
  });
  await page.getByTestId('session-list').getByRole('button').first().click();
  await page.getByRole('button', { name: 'Delete session' }).click();
  const question = page.getByRole('group', { name: 'Delete this session and its beats?' });
  await expect(question.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete session' })).toBeFocused();
  await page.getByRole('button', { name: 'Delete session' }).click();
  await question.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(page.getByTestId('no-sessions')).toBeVisible();
});

test('on a full disk the app says so, the session goes on in memory, and it can be exported', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await runSession(page, 3);
  // From now on every write fails the way a full disk makes it fail.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function put(): IDBRequest<IDBValidKey> {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const problem = page.getByTestId('storage-problem');
  // The first write comes once the session passes 30 s (shorter ones are not stored unless kept).
  await expect(problem).toContainText('Storage on this device is full', { timeout: 60_000 });
  const before = await recordedBeats(page);
  await expect.poll(() => recordedBeats(page), { timeout: 10_000 }).toBeGreaterThan(before + 2);

  const download = page.waitForEvent('download');
  await problem.getByRole('button', { name: 'Export this session (.json)' }).click();
  const path = join(tmpdir(), `in-memory-${Date.now()}.json`);
  await (await download).saveAs(path);
  const parsed = parseBackup(await readFile(path, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  expect(parsed.value.sessions).toHaveLength(1);
  expect(parsed.value.sessions[0]!.beats.rrMs.length).toBeGreaterThan(before + 2);
});

test('delete everything asks first, then leaves no session behind', async ({ page }) => {
  const file = join(tmpdir(), `delete-all-${Date.now()}.txt`);
  await writeFile(file, Array.from({ length: 60 }, (_, i) => 900 + (i % 4) * 20).join('\n'));
  await page.goto('/');
  await openHistory(page);
  await page.getByRole('tab', { name: 'Your data' }).click();
  await page.getByTestId('import-input').setInputFiles(file);
  await expect(page.getByTestId('history-notice')).toContainText('Imported 1 recording');
  // Saying no keeps the data; the question is the same inline one as on the Privacy page.
  await page.getByRole('button', { name: 'Delete all data' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('tab', { name: 'Sessions' }).click();
  await expect.poll(() => listRows(page)).toHaveLength(1);
  await page.getByRole('tab', { name: 'Your data' }).click();
  await page.getByRole('button', { name: 'Delete all data' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  // The app's one wipe: it starts over as on a first visit.
  await expect(page.getByTestId('app-notice')).toContainText('has been deleted');
  await expect(page.getByRole('heading', { name: 'Welcome to Resonance' })).toBeVisible();
  await page.getByRole('button', { name: 'I understand, continue' }).click();
  await openHistory(page);
  await expect(page.getByTestId('no-sessions')).toBeVisible();
});
