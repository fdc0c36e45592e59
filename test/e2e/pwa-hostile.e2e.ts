import { expect, test } from '@playwright/test';
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
