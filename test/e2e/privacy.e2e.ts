import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { skipFirstRun } from './first-run';
import { openHistory, runSession, storeCount } from './history-steps';

test('the privacy page exports everything and deletes everything, one tap away', async ({ page }) => {
  await skipFirstRun(page);
  await page.goto('/');
  await runSession(page, 5);
  await page.getByRole('button', { name: 'Stop session' }).click();
  await page.getByRole('button', { name: 'Keep it anyway' }).click();
  await expect.poll(() => storeCount(page, 'sessions')).toBe(1);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Privacy' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all data' }).click();
  const download = await downloading;
  const backup = JSON.parse(await readFile(await download.path(), 'utf8')) as { sessions?: unknown[] };
  expect(backup.sessions).toHaveLength(1);

  await page.getByRole('button', { name: 'Delete all data' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(page.getByText('Everything Resonance stored has been deleted.')).toBeVisible();
  expect(await storeCount(page, 'sessions')).toBe(0);
  expect(await storeCount(page, 'beat-chunks')).toBe(0);
  await openHistory(page);
  await expect(page.getByTestId('no-sessions')).toBeVisible();
  await expect(page.getByTestId('session-list')).toHaveCount(0);
});
