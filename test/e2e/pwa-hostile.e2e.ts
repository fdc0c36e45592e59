import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { skipFirstRun } from './first-run';

const HOSTILE = '<img src=x onerror=alert(1)>';

test('hostile text the person brings in is shown as text, never run or parsed as markup', async ({
  page,
  context,
}) => {
  await skipFirstRun(context);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
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
