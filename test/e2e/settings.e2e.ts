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

test('the theme choice survives a reload and is set before the app has loaded', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'light' });
  await context.addInitScript(() => localStorage.setItem('resonance.first-run-done', '1'));
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('radio', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('radio', { name: 'Dark' })).toHaveAttribute('aria-checked', 'true');
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  // The theme is on <html> before any module script runs (no flash of the light theme).
  await context.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive')
        (window as unknown as { themeAtParse: string }).themeAtParse =
          document.documentElement.dataset.theme ?? '';
    });
  });
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Dark' })).toHaveAttribute('aria-checked', 'true');
  expect(await page.evaluate(() => (window as unknown as { themeAtParse: string }).themeAtParse)).toBe(
    'dark',
  );
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(dark);

  // A corrupt copy for the first paint never wins over the stored choice.
  await page.evaluate(() => localStorage.setItem('resonance.theme', 'purple'));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('radio', { name: 'Match the device' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await context.close();
});
