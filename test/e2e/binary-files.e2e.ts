import { expect, test } from '@playwright/test';
import { skipFirstRun } from './first-run';

test.beforeEach(({ context }) => skipFirstRun(context));

/** The start of a PNG: bytes no text file has (0x89, NUL, 0xFF), never a raw JSON parser error. */
const binary = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x01,
]);
const file = (name: string) => ({ name, mimeType: 'application/octet-stream', buffer: binary });

test('a file that is not text gets a plain message on restore, import and replay', async ({ page }) => {
  await page.goto('/');
  await page.getByText('Replay a recording').click();
  await page.getByLabel('Replay an RR file').setInputFiles(file('photo.png'));
  await expect(page.getByRole('alert')).toContainText('not a text file');
  await expect(page.getByRole('alert')).not.toContainText(/JSON|Unexpected token/);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'History' }).click();
  await page.getByRole('tab', { name: 'Your data' }).click();
  await page.getByTestId('restore-input').setInputFiles(file('backup.json'));
  const notice = page.getByTestId('history-notice');
  await expect(notice).toContainText('not a text file');
  await expect(notice).not.toContainText(/JSON|Unexpected token/);
  await page.getByTestId('import-input').setInputFiles(file('rr.txt'));
  await expect(notice).toContainText('rr.txt');
  await expect(notice).toContainText('not a text file');
});
