import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic, type StaticServer } from '../../scripts/serve-static.ts';
import { seriousFindings } from './axe';
import { skipFirstRun, waitForServiceWorker } from './first-run';

/**
 * Build the app twice with different version markers, serve build A, then swap the served folder to build B under
 * the open page, as a host publishing a new version would. A port of its own (E2E_PORT + 1): the folder swap
 * needs a server this test controls.
 */
const port = Number(process.env.E2E_PORT ?? 4174) + 1;
let dir = '';
let server: StaticServer;
let buildA = '';
let buildB = '';

function build(version: string): string {
  const outDir = join(dir, version);
  execFileSync(
    'node_modules/.bin/vite',
    ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    {
      env: { ...process.env, RESONANCE_VERSION: version },
      stdio: 'inherit',
    },
  );
  return outDir;
}

async function shownVersion(page: Page): Promise<string | null> {
  await page.getByRole('button', { name: 'Privacy' }).click();
  const version = await page.getByTestId('app-version').textContent();
  await page.getByRole('button', { name: 'Session' }).click();
  return version;
}

/** Ask the browser to look for a new service worker now (as it does on navigation and every hour). */
async function checkForUpdate(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
  await expect
    .poll(
      () => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null),
      {
        timeout: 20_000,
      },
    )
    .toBe(true);
}

test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'resonance-update-'));
  buildA = build('e2e-build-a');
  buildB = build('e2e-build-b');
  server = await serveStatic(buildA, port);
});
test.beforeEach(() => server.setRoot(buildA));
test.afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a new version is offered only once the session ends, and once accepted the new version runs', async ({
  page,
  context,
}) => {
  await skipFirstRun(context);
  await page.goto(server.url);
  await waitForServiceWorker(page);
  expect(await shownVersion(page)).toBe('e2e-build-a');

  await page.getByRole('button', { name: 'Start with simulated heart' }).click();
  await expect(page.getByTestId('heart-rate')).toHaveText(/^\d+$/, { timeout: 10_000 });
  await page.evaluate(() => Object.assign(window, { loadedOnce: true }));
  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations += 1;
  });

  server.setRoot(buildB);
  await checkForUpdate(page);
  await expect(page.getByTestId('update-deferred')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reload to update' })).toHaveCount(0);
  expect(await seriousFindings(page)).toEqual([]);
  await page.waitForTimeout(3_000);
  expect(navigations).toBe(0);
  expect(await page.evaluate(() => 'loadedOnce' in window)).toBe(true);
  await expect(page.getByRole('button', { name: 'Stop session' })).toBeVisible();

  await page.getByRole('button', { name: 'Stop session' }).click();
  const reload = page.getByRole('button', { name: 'Reload to update' });
  await expect(reload).toBeVisible();
  expect(await seriousFindings(page)).toEqual([]);
  expect(navigations).toBe(0);
  await Promise.all([page.waitForEvent('framenavigated'), reload.click()]);
  await expect(page.getByRole('button', { name: 'Start with simulated heart' })).toBeVisible();
  expect(await page.evaluate(() => 'loadedOnce' in window)).toBe(false);
  expect(await shownVersion(page)).toBe('e2e-build-b');
  await expect(page.getByRole('button', { name: 'Reload to update' })).toHaveCount(0);

  // Workbox's cleanupOutdatedCaches and precache bookkeeping leave one precache, holding B's files only.
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const urls: string[] = [];
    for (const name of names)
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    return { names, urls };
  });
  expect(cached.names.filter((n) => n.includes('precache'))).toHaveLength(1);
  expect(cached.urls.some((u) => u.includes('index.html'))).toBe(true);
});

test('when one tab takes the update, another open tab is offered the reload and gets the new version', async ({
  context,
}) => {
  await skipFirstRun(context);
  const first = await context.newPage();
  await first.goto(server.url);
  await waitForServiceWorker(first);
  const second = await context.newPage();
  await second.goto(server.url);
  expect(await shownVersion(second)).toBe('e2e-build-a');

  server.setRoot(buildB);
  await checkForUpdate(first);
  await expect(first.getByRole('button', { name: 'Reload to update' })).toBeVisible();
  await expect(second.getByRole('button', { name: 'Reload to update' })).toBeVisible();
  await Promise.all([
    first.waitForEvent('framenavigated'),
    first.getByRole('button', { name: 'Reload to update' }).click(),
  ]);
  expect(await shownVersion(first)).toBe('e2e-build-b');

  await Promise.all([
    second.waitForEvent('framenavigated'),
    second.getByRole('button', { name: 'Reload to update' }).click(),
  ]);
  expect(await shownVersion(second)).toBe('e2e-build-b');
});
