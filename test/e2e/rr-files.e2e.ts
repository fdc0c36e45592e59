/**
 * RR files through the real screens: other apps' layouts import and replay by their header, every export the app
 * makes (RR text, CSV, backup) comes back as the same beats, and a huge file is refused at once, bounded.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBackup } from '../../src/core/export/backup';
import { importId } from '../../src/core/export/rr-import';
import { LAYOUT_DIR, LAYOUT_FILES } from '../core/rr-file/layouts';
import { skipFirstRun } from './first-run';
import { openHistory, openNewestSession, runSession, stopAndKeep } from './history-steps';

test.beforeEach(({ context }) => skipFirstRun(context));

async function yourData(page: Page): Promise<void> {
  await openHistory(page);
  await page.getByRole('tab', { name: 'Your data' }).click();
}

/** Open the session with this id from the list. */
async function openSession(page: Page, id: string): Promise<void> {
  await openHistory(page);
  await page.getByRole('tab', { name: 'Sessions' }).click();
  await page.locator(`[data-session-id="${id}"]`).getByRole('button').first().click();
}

/** Click an export button and return the downloaded file's text. */
async function download(page: Page, button: string): Promise<string> {
  const event = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  return readFileSync((await (await event).path()) ?? '', 'utf8');
}

test("other apps' files import by their header: each is the 40 beats it holds", async ({ page }) => {
  await page.goto('/');
  await yourData(page);
  await page.getByTestId('import-input').setInputFiles(LAYOUT_FILES.map((f) => join(LAYOUT_DIR, f)));
  await expect(page.getByTestId('history-notice')).toContainText(
    `Imported ${LAYOUT_FILES.length} recordings`,
  );
  for (const name of LAYOUT_FILES) {
    await openSession(page, importId(readFileSync(join(LAYOUT_DIR, name), 'utf8')));
    await expect(page.getByTestId('detail-beats')).toHaveText('40');
    await expect(page.getByTestId('session-detail')).toContainText(name);
    // 40 intervals whose instantaneous heart rates average 59.6 bpm (never the cumulative column's).
    await expect(page.getByText('60 bpm', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: '← All sessions' }).click();
  }
});

test('replaying an HRV Logger file plays its rr column, not its running time', async ({ page }) => {
  await page.goto('/');
  await page.getByText('Replay a recording').click();
  await page.getByLabel('Replay speed').selectOption('16');
  await page.getByLabel('Replay an RR file').setInputFiles(join(LAYOUT_DIR, 'hrv-logger_RR.csv'));
  await expect(page.locator('[data-source-state]')).toHaveText('Live: hrv-logger_RR.csv');
  await expect(page.getByTestId('heart-rate')).toHaveText(/^(5[5-9]|6[0-5])$/, { timeout: 15_000 });
});

test('every export re-imports as the same beats: RR text, CSV and a restored backup', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await runSession(page, 12);
  await stopAndKeep(page);
  await openHistory(page);
  await openNewestSession(page);
  const rrText = await download(page, 'Export RR (.txt, for Kubios)');
  const csv = await download(page, 'Export beats (.csv)');
  // Each number at its unit's precision, never floating-point noise (a summed time such as 1.8593000000000002 s).
  const rows = csv.trimEnd().split('\r\n').slice(1);
  expect(rows.length).toBeGreaterThanOrEqual(12);
  for (const row of rows) {
    const [time, rr, , , rate, phase] = row.split(',');
    expect(time).toMatch(/^\d+(\.\d{1,3})?$/);
    expect(rr).toMatch(/^\d+(\.\d{1,7})?$/); // as stored: the simulated heart's 0.1 ms, a strap's 1/1024 s
    expect(rate).toMatch(/^\d+(\.\d{1,2})?$/);
    expect(phase).toMatch(/^\d+(\.\d{1,4})?$/);
  }
  expect(rrText.trimEnd().split('\n')).toEqual(rows.map((row) => row.split(',')[1]));
  await page.getByRole('button', { name: '← All sessions' }).click();
  await page.getByRole('tab', { name: 'Your data' }).click();
  const backupPath = testInfo.outputPath('backup.json');
  const backupEvent = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export full backup (.json)' }).click();
  await (await backupEvent).saveAs(backupPath);

  await page.getByTestId('import-input').setInputFiles([
    { name: 'again.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) },
    { name: 'again.txt', mimeType: 'text/plain', buffer: Buffer.from(rrText) },
  ]);
  await expect(page.getByTestId('history-notice')).toContainText('Imported 2 recordings');
  // The imported CSV exports as the very same CSV: every time, RR, gap, label and pacer value as written.
  await openSession(page, importId(csv));
  expect(await download(page, 'Export beats (.csv)')).toBe(csv);
  await page.getByRole('button', { name: '← All sessions' }).click();
  await openSession(page, importId(rrText));
  expect(await download(page, 'Export RR (.txt, for Kubios)')).toBe(rrText);

  // A backup restored in a fresh profile: the same session, whose CSV is again the same file.
  const parsed = parseBackup(readFileSync(backupPath, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  const fresh = await browser.newContext();
  await skipFirstRun(fresh);
  const restored = await fresh.newPage();
  await restored.goto('/');
  await yourData(restored);
  await restored.getByTestId('restore-input').setInputFiles(backupPath);
  await expect(restored.getByTestId('history-notice')).toContainText('Restored 1 session');
  await openSession(restored, parsed.value.sessions[0]!.session.id);
  expect(await download(restored, 'Export beats (.csv)')).toBe(csv);
  await fresh.close();
});

test('a 50 MB RR file and a 100 MB backup are refused with a clear message, and the app carries on', async ({
  page,
}, testInfo) => {
  const huge = testInfo.outputPath('huge-rr.txt');
  writeFileSync(huge, Buffer.alloc(50 * 1_048_576, Buffer.from('812\n')));
  const hugeBackup = testInfo.outputPath('huge-backup.json');
  writeFileSync(hugeBackup, Buffer.alloc(100 * 1_048_576, Buffer.from(' ')));
  await page.goto('/');
  await yourData(page);
  const notice = page.getByTestId('history-notice');

  // Under the size limit, so it is streamed; refused at the line past the beat limit, the rest never read.
  await page.getByTestId('import-input').setInputFiles(huge);
  await expect(notice).toContainText(
    'Nothing was imported: huge-rr.txt, line 500001: more than 500,000 beats',
  );
  await page.getByTestId('restore-input').setInputFiles(hugeBackup);
  await expect(notice).toContainText(
    'Nothing was restored: huge-backup.json is 100 MB, larger than the 96 MB a backup may be.',
  );
  await page.getByRole('tab', { name: 'Sessions' }).click();
  await expect(page.getByTestId('no-sessions')).toBeVisible();

  // Replay shares the limits and the words.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Session' }).click();
  await page.getByLabel('Replay an RR file').setInputFiles(huge);
  await expect(page.getByRole('alert')).toContainText('huge-rr.txt, line 500001: more than 500,000 beats');
  await page.getByRole('button', { name: 'Start with simulated heart' }).click();
  await expect(page.getByTestId('heart-rate')).toHaveText(/^\d+$/, { timeout: 10_000 });
});
