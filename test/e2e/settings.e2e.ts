import { expect, test, type Page } from '@playwright/test';
import { skipFirstRun } from './first-run';

test.beforeEach(({ context }) => skipFirstRun(context));

/** The session settings sheet, opened from the home screen. */
async function openSheet(page: Page) {
  await page.getByRole('button', { name: 'Change session settings' }).click();
  return page.getByRole('dialog', { name: 'Session settings' });
}

test('the session settings survive a reload and a new page (a restart)', async ({ page, context }) => {
  await page.goto('/');
  let sheet = await openSheet(page);
  await sheet.getByRole('radio', { name: '15 min', exact: true }).check();
  await sheet.getByLabel('Pattern').selectOption('extended-exhale');
  await sheet.getByLabel('Lock the rate').check();
  await sheet.getByLabel('Sound').selectOption('tone');
  await sheet.getByLabel('Volume').fill('0.25');
  await sheet.getByLabel('Slowest').fill('4.5');
  await sheet.getByLabel('Slowest').blur();
  await sheet.getByRole('button', { name: 'Done' }).click();

  await page.reload();
  await expect(page.getByText('· 15 min')).toBeVisible();
  sheet = await openSheet(page);
  await expect(sheet.getByRole('radio', { name: '15 min', exact: true })).toBeChecked();
  await expect(sheet.getByLabel('Pattern')).toHaveValue('extended-exhale');
  await expect(sheet.getByLabel('Lock the rate')).toBeChecked();
  await expect(sheet.getByLabel('Sound')).toHaveValue('tone');
  await expect(sheet.getByLabel('Volume')).toHaveValue('0.25');
  await expect(sheet.getByLabel('Slowest')).toHaveValue('4.5');

  await page.close();
  const again = await context.newPage();
  await again.goto('/');
  sheet = await openSheet(again);
  await expect(sheet.getByLabel('Pattern')).toHaveValue('extended-exhale');
  await expect(sheet.getByLabel('Sound')).toHaveValue('tone');
  await expect(sheet.getByRole('radio', { name: '15 min', exact: true })).toBeChecked();
});

test('the rate band fields show the band the pacer keeps, whatever is typed in them', async ({ page }) => {
  await page.goto('/');
  let sheet = await openSheet(page);
  const slowest = sheet.getByLabel('Slowest');
  const fastest = sheet.getByLabel('Fastest');
  const enter = async (field: typeof slowest, text: string) => {
    await field.fill(text);
    await field.blur();
  };
  // Outside 4-7: held to the nearest end, and the field says so.
  await enter(slowest, '0');
  await expect(slowest).toHaveValue('4');
  await enter(fastest, '100');
  await expect(fastest).toHaveValue('7');
  // Emptied: nothing changes.
  await enter(fastest, '');
  await expect(fastest).toHaveValue('7');
  // To the field's step of 0.1.
  await enter(slowest, '4.55555');
  await expect(slowest).toHaveValue('4.6');
  await enter(fastest, '6.123');
  await expect(fastest).toHaveValue('6.1');
  await sheet.getByRole('button', { name: 'Done' }).click();

  await page.reload();
  sheet = await openSheet(page);
  await expect(sheet.getByLabel('Slowest')).toHaveValue('4.6');
  await expect(sheet.getByLabel('Fastest')).toHaveValue('6.1');
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
