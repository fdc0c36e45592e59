import { expect, test, type Page } from '@playwright/test';
import { skipFirstRun, waitForServiceWorker } from './first-run';

/** Run a simulated session until heart rate (and, when asked, RMSSD) show numbers, then stop it. */
async function runSimulatedSession(page: Page, untilRmssd: boolean): Promise<void> {
  await page.getByRole('button', { name: 'Start with simulated heart' }).click();
  await expect(page.getByTestId('heart-rate')).toHaveText(/^\d+$/, { timeout: 10_000 });
  if (untilRmssd) await expect(page.getByTestId('rmssd')).toHaveText(/^\d+(\.\d)?$/, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Stop session' }).click();
  await expect(page.locator('.pacer')).toHaveAttribute('data-breath-phase', 'idle');
}

test('a full journey asks nothing of any other origin and breaks no rule of the security policy', async ({
  page,
  context,
  baseURL,
}) => {
  const origins = new Set<string>();
  context.on('request', (request) => origins.add(new URL(request.url()).origin));
  await context.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to Resonance' })).toBeVisible();
  await page.getByRole('button', { name: 'I understand, continue' }).click();
  await waitForServiceWorker(page);
  await runSimulatedSession(page, false);
  await page.getByRole('button', { name: 'Privacy' }).click();
  await expect(page.getByRole('heading', { name: 'Privacy' })).toBeVisible();
  await page.getByRole('button', { name: 'About' }).click();
  await expect(page.getByRole('heading', { name: 'Install' })).toBeVisible();
  await page.goto('/?screen=privacy');
  await expect(page.getByRole('heading', { name: 'Privacy' })).toBeVisible();

  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual(
    [],
  );
  expect(origins.size).toBeGreaterThan(0);
  expect([...origins]).toEqual([new URL(baseURL ?? '').origin]);
});

test('the welcome screen comes first, once', async ({ page }) => {
  await page.goto('/');
  const welcome = page.getByRole('heading', { name: 'Welcome to Resonance' });
  await expect(welcome).toBeVisible();
  const firstRun = page.locator('main');
  // What it is and is not, and the safety line, at a glance; the rest behind "Learn more".
  await expect(firstRun.getByText('A self-care practice, not a medical device')).toBeVisible();
  await expect(firstRun.getByText('Stop and breathe normally')).toBeVisible();
  await expect(firstRun.getByText('see a health professional')).toBeHidden();
  await firstRun.getByText('Learn more').click();
  await expect(firstRun.getByText('see a health professional')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'About the Bluetooth permission' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start with simulated heart' })).toHaveCount(0);
  await page.getByRole('button', { name: 'I understand, continue' }).click();
  await expect(page.getByRole('button', { name: 'Start with simulated heart' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Start with simulated heart' })).toBeVisible();
  await expect(welcome).toHaveCount(0);
});

test('the manifest shortcuts open their screen, also offline', async ({ page, context }) => {
  await skipFirstRun(context);
  await page.goto('/');
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.goto('/?screen=privacy');
  await expect(page.getByRole('heading', { name: 'Privacy' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Privacy' })).toHaveAttribute('aria-current', 'page');
  await page.goto('/?action=start');
  await expect(page.getByRole('button', { name: 'Start with simulated heart' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Stop session' })).toBeVisible();
});

test('after one visit, offline: the app loads, a simulated session runs, and every screen opens', async ({
  page,
  context,
}) => {
  await skipFirstRun(context);
  await page.goto('/');
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await runSimulatedSession(page, true);
  // Each of these screens is its own chunk, loaded when first opened: all of them come from the precache.
  for (const [button, heading] of [
    ['History', 'History'],
    ['Privacy', 'Privacy'],
    ['About', 'About Resonance'],
    ['Session', 'Live session'],
  ]) {
    await page.getByRole('button', { name: button, exact: true }).click();
    await expect(page.getByRole('heading', { name: heading })).toBeAttached();
  }
  await page.getByRole('button', { name: 'Change session settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Session settings' })).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByTestId('reading-open').click();
  await expect(page.getByRole('heading', { name: 'Morning reading' })).toBeAttached();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test("the browser's install offer becomes an Install button that opens the browser's dialog", async ({
  page,
  context,
}) => {
  await skipFirstRun(context);
  await page.goto('/?screen=about');
  await expect(page.getByRole('button', { name: 'Install Resonance' })).toHaveCount(0);
  const prevented = await page.evaluate(() => {
    const offer = new Event('beforeinstallprompt', { cancelable: true });
    Object.assign(offer, {
      prompt: async () => Object.assign(window, { installDialogShown: true }),
      userChoice: Promise.resolve({ outcome: 'accepted', platform: 'web' }),
    });
    window.dispatchEvent(offer);
    return offer.defaultPrevented;
  });
  expect(prevented).toBe(true);
  await page.getByRole('button', { name: 'Install Resonance' }).click();
  await expect(page.getByText('Resonance is installed on this device')).toBeVisible();
  expect(await page.evaluate(() => 'installDialogShown' in window)).toBe(true);
});

test('the privacy page names every local storage key and database the app has written', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'I understand, continue' }).click();
  await page.getByRole('button', { name: 'Start with simulated heart' }).click();
  await expect(page.getByTestId('heart-rate')).toHaveText(/^\d+$/, { timeout: 10_000 });
  await page.getByRole('button', { name: 'Stop session' }).click();
  await page.getByRole('button', { name: 'Privacy' }).click();
  const stored = await page.evaluate(async () => ({
    keys: Object.keys(localStorage),
    databases: (await indexedDB.databases()).map((d) => d.name ?? ''),
  }));
  expect(stored.keys).toContain('resonance.first-run-done');
  const privacy = page.locator('main');
  for (const name of [...stored.keys, ...stored.databases]) await expect(privacy).toContainText(name);
});
