import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseBackup } from '../../src/core/export/backup';
import { skipFirstRun } from './first-run';
import { openHistory, runSession, stopAndKeep } from './history-steps';

const HOSTILE = '<img src=x onerror=alert(1)>';

/** Dismiss every dialog the page opens, noting its message in `into`. */
function collectDialogs(page: Page, into: string[]): void {
  page.on('dialog', (dialog) => {
    into.push(dialog.message());
    void dialog.dismiss();
  });
}

test('hostile text the person brings in is shown as text, never run or parsed as markup', async ({
  page,
  context,
}) => {
  await skipFirstRun(context);
  const dialogs: string[] = [];
  collectDialogs(page, dialogs);
  await page.goto('/');
  await page.getByLabel('Replay an RR file').setInputFiles({
    name: `${HOSTILE}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(`${HOSTILE}\n<script>alert(2)</script>\n\u0000\u0001garbage`),
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`${HOSTILE}.txt`);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('main script')).toHaveCount(0);
  await page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
  // The app is still usable after the refused file.
  await page.getByRole('button', { name: 'Start with simulated heart' }).click();
  await expect(page.getByRole('button', { name: 'Stop session' })).toBeVisible();
});

test('a 100 MB file offered as a recording is refused with a message, and the app carries on', async ({
  page,
  context,
}, testInfo) => {
  await skipFirstRun(context);
  const path = testInfo.outputPath('huge.txt');
  const line = Buffer.from('812\n');
  writeFileSync(path, Buffer.alloc(100 * 1_048_576, line));
  await page.goto('/');
  await page.getByLabel('Replay an RR file').setInputFiles(path);
  await expect(page.getByRole('alert')).toContainText('huge.txt is 100 MB, too large for an RR recording');
  await page.getByRole('button', { name: 'Start with simulated heart' }).click();
  await expect(page.getByTestId('heart-rate')).toHaveText(/^\d+$/, { timeout: 10_000 });
});

test('a garbage file is refused with a message naming it, and nothing starts', async ({ page, context }) => {
  await skipFirstRun(context);
  await page.goto('/');
  const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  await page
    .getByLabel('Replay an RR file')
    .setInputFiles({ name: 'noise.bin', mimeType: 'text/plain', buffer: garbage });
  await expect(page.getByRole('alert')).toHaveText(/^noise\.bin(, line \d+)?: .+\.$/);
  await expect(page.locator('.pacer')).toHaveAttribute('data-breath-phase', 'idle');
  await expect(page.getByRole('button', { name: 'Start with simulated heart' })).toBeEnabled();
});

/** Markup, a script and a `javascript:` link, as a person might paste them into a check-in note. */
const HOSTILE_NOTES = {
  before: `${HOSTILE} <script>alert(2)</script> <a href="javascript:alert(3)">javascript:alert(3)</a>`,
  after: `<svg onload=alert(4)></svg> <iframe src="javascript:alert(5)"></iframe> & "quotes" 'too'`,
};

/** Elements the hostile notes would create if any of them were parsed as markup anywhere in the page. */
async function elementsFromNotes(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      document.querySelectorAll(
        'img[src="x"], main script, svg[onload], iframe, a[href^="javascript:"], [onerror], [onload]',
      ).length,
  );
}

test('hostile text in check-in notes is saved, shown, printed and exported exactly as text', async ({
  page,
  context,
  browser,
}, testInfo) => {
  await skipFirstRun(context);
  const dialogs: string[] = [];
  collectDialogs(page, dialogs);
  await page.goto('/');
  await page.getByText('How do you feel? (optional)').click();
  const before = page.getByTestId('check-in-before');
  await before.getByText('Add a note').click();
  await before.getByLabel('Note (optional)').fill(HOSTILE_NOTES.before);
  await runSession(page, 3);
  await stopAndKeep(page);
  const after = page.getByTestId('check-in-after');
  await after.getByLabel('Note (optional)').fill(HOSTILE_NOTES.after);
  await page.getByRole('button', { name: 'Done' }).click();

  await openHistory(page);
  await expect(page.getByTestId('session-list').locator('tbody tr')).toHaveCount(1);
  expect(await elementsFromNotes(page)).toBe(0);
  await page.getByTestId('session-list').getByRole('button').first().click();
  // Shown verbatim, as text, in the detail and in its editable check-in forms.
  await expect(page.getByText(`Before: “${HOSTILE_NOTES.before}”`, { exact: true })).toBeVisible();
  await expect(page.getByText(`After: “${HOSTILE_NOTES.after}”`, { exact: true })).toBeVisible();
  await expect(page.getByTestId('check-in-before').getByLabel('Note (optional)')).toHaveValue(
    HOSTILE_NOTES.before,
  );
  await expect(page.getByTestId('check-in-after').getByLabel('Note (optional)')).toHaveValue(
    HOSTILE_NOTES.after,
  );
  expect(await elementsFromNotes(page)).toBe(0);

  // The beats CSV carries numbers only: nothing of the notes leaks into it.
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export beats (.csv)' }).click();
  const csv = (await readFile((await (await csvDownload).path()) ?? '', 'utf8')).trim().split('\r\n');
  // The simulated person wears a chest sensor too: its breath joins as a last column once it is measured.
  expect(csv[0]).toMatch(/^time_s,rr_ms,after_gap,artifact,pacer_rate_bpm,pacer_phase(,breath)?$/);
  for (const row of csv.slice(1)) expect(row).toMatch(/^[\w.,-]*$/);

  await page.getByRole('tab', { name: 'Print summary' }).click();
  await expect(page.getByTestId('print-summary')).toContainText('1 session on 1 day');
  expect(await elementsFromNotes(page)).toBe(0);

  // The backup holds each note exactly as typed.
  await page.getByRole('tab', { name: 'Your data' }).click();
  const backupDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export full backup (.json)' }).click();
  const backupPath = testInfo.outputPath('backup.json');
  await (await backupDownload).saveAs(backupPath);
  const parsed = parseBackup(await readFile(backupPath, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  const [saved] = parsed.value.sessions;
  expect(saved?.session.checkInBefore?.note).toBe(HOSTILE_NOTES.before);
  expect(saved?.session.checkInAfter?.note).toBe(HOSTILE_NOTES.after);

  // Restored in a fresh profile, the notes come back as the same text and still create nothing.
  const fresh = await browser.newContext();
  await skipFirstRun(fresh);
  const restored = await fresh.newPage();
  collectDialogs(restored, dialogs);
  await restored.goto('/');
  await openHistory(restored);
  await restored.getByRole('tab', { name: 'Your data' }).click();
  await restored.getByTestId('restore-input').setInputFiles(backupPath);
  await expect(restored.getByTestId('history-notice')).toContainText('Restored 1 session');
  await restored.getByRole('tab', { name: 'Sessions' }).click();
  await restored.getByTestId('session-list').getByRole('button').first().click();
  await expect(restored.getByText(`Before: “${HOSTILE_NOTES.before}”`, { exact: true })).toBeVisible();
  expect(await elementsFromNotes(restored)).toBe(0);
  await fresh.close();

  await page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
});
