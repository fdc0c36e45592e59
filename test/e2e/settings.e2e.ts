import { expect, test } from '@playwright/test';
import { skipFirstRun } from './first-run';

test.beforeEach(({ context }) => skipFirstRun(context));

test('the pacer settings survive a reload and a new page (a restart)', async ({ page, context }) => {
  await page.goto('/');
  const openSettings = (p: typeof page) => p.getByRole('button', { name: 'Change session settings' }).click();
  await openSettings(page);
  await page.getByRole('radio', { name: '15 min' }).check();
  await page.getByLabel('Pattern').selectOption('extended-exhale');
  await page.getByLabel('Lock the rate').check();
  await page.getByLabel('Sound').selectOption('tone');
  await page.getByLabel('Volume').fill('0.25');
  await page.getByLabel('Slowest').fill('4.5');
  await page.getByLabel('Slowest').blur();

  await page.reload();
  await expect(page.getByText('· 15 min')).toBeVisible();
  await openSettings(page);
  await expect(page.getByRole('radio', { name: '15 min' })).toBeChecked();
  await expect(page.getByLabel('Pattern')).toHaveValue('extended-exhale');
  await expect(page.getByLabel('Lock the rate')).toBeChecked();
  await expect(page.getByLabel('Sound')).toHaveValue('tone');
  await expect(page.getByLabel('Volume')).toHaveValue('0.25');
  await expect(page.getByLabel('Slowest')).toHaveValue('4.5');

  await page.close();
  const again = await context.newPage();
  await again.goto('/');
  await openSettings(again);
  await expect(again.getByLabel('Pattern')).toHaveValue('extended-exhale');
  await expect(again.getByLabel('Sound')).toHaveValue('tone');
});
