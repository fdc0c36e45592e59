import { expect, test, type Page } from '@playwright/test';
import { skipFirstRun, waitForServiceWorker } from './first-run';

test.beforeEach(({ context }) => skipFirstRun(context));

/** Read a number shown on screen, or null while it shows a dash. */
async function shownNumber(page: Page, testId: string): Promise<number | null> {
  const text = (await page.getByTestId(testId).textContent())?.trim() ?? '';
  const value = Number(text);
  return text !== '' && Number.isFinite(value) ? value : null;
}

async function phases(page: Page, forMs: number): Promise<Set<string>> {
  const seen = new Set<string>();
  const until = Date.now() + forMs;
  while (Date.now() < until) {
    seen.add((await page.locator('.pacer').getAttribute('data-breath-phase')) ?? '');
    await page.waitForTimeout(200);
  }
  return seen;
}

test('a simulated session shows heart rate and RMSSD changing while the pacer breathes', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.pacer')).toHaveAttribute('data-breath-phase', 'idle');
  await page.getByRole('button', { name: 'Start with simulated heart' }).click();

  await expect.poll(() => shownNumber(page, 'heart-rate'), { timeout: 10_000 }).not.toBeNull();
  const firstHr = await shownNumber(page, 'heart-rate');
  expect(firstHr).toBeGreaterThan(40);
  expect(firstHr).toBeLessThan(120);
  await expect.poll(() => shownNumber(page, 'heart-rate'), { timeout: 15_000 }).not.toBe(firstHr);

  const pacer = page.locator('.pacer');
  await expect(pacer).toHaveAttribute('data-breath-rate', '6.0');
  await expect(pacer).toHaveAccessibleName(/^Breathe (in|out), 6\.0 breaths per minute$/);
  expect(await phases(page, 11_000)).toEqual(new Set(['inhale', 'exhale']));

  await expect.poll(() => shownNumber(page, 'rmssd'), { timeout: 30_000 }).not.toBeNull();
  const firstRmssd = await shownNumber(page, 'rmssd');
  expect(firstRmssd).toBeGreaterThan(5);
  await expect.poll(() => shownNumber(page, 'rmssd'), { timeout: 10_000 }).not.toBe(firstRmssd);

  await page.getByRole('button', { name: 'Stop session' }).click();
  // About 30 s of beats: the summary (Done) or the short-session note (OK) comes first, then the guide at rest.
  await page
    .getByRole('button', { name: 'Done' })
    .or(page.getByRole('button', { name: 'OK' }))
    .click();
  await expect(page.locator('.pacer')).toHaveAttribute('data-breath-phase', 'idle');
});

test('after one visit the app loads offline from the service worker and a session still runs', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await page.getByRole('button', { name: 'Start with simulated heart' }).click();
  await expect.poll(() => shownNumber(page, 'heart-rate'), { timeout: 10_000 }).not.toBeNull();
  expect(await phases(page, 11_000)).toEqual(new Set(['inhale', 'exhale']));
});
