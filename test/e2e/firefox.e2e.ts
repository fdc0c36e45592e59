/**
 * A smoke journey in Firefox ESR (Debian's, /usr/bin/firefox-esr) through WebDriver BiDi with puppeteer-core, which
 * never downloads a browser: a simulated session saved to storage, History, an export, and offline after one visit.
 * Playwright's own Firefox build cannot be downloaded here, so this test drives Firefox itself; the Playwright
 * runner only runs it. scripts/ensure-browsers.sh installs firefox-esr for `npm test` (root, apt-get).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { serveStatic, type StaticServer } from '../../scripts/serve-static';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

let browser: Browser;
let server: StaticServer | null;
let downloads: string;

test.beforeAll(async () => {
  downloads = await mkdtemp(join(tmpdir(), 'resonance-firefox-'));
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      // Downloads go to a folder of the test's, without a dialog.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
    },
  });
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(downloads, { recursive: true, force: true });
});

/** Text of the first element matching `selector`, once it matches `pattern`. */
async function waitForText(
  page: Page,
  selector: string,
  pattern: RegExp,
  timeoutMs = 20_000,
): Promise<string> {
  const handle = await page.waitForFunction(
    (sel, source) => {
      const text = document.querySelector(sel)?.textContent ?? '';
      return new RegExp(source).test(text) ? text : false;
    },
    { timeout: timeoutMs, polling: 200 },
    selector,
    pattern.source,
  );
  return String(await handle.jsonValue());
}

async function clickButton(page: Page, name: string, timeoutMs = 10_000): Promise<void> {
  const button = await page.waitForSelector(`::-p-aria([name="${name}"][role="button"])`, {
    timeout: timeoutMs,
  });
  await button?.click();
}

/** One per session in the History list, a table row on wide windows and a card on narrow ones. */
const SESSION_ROWS = '[data-session-id]';

async function downloaded(): Promise<string[]> {
  return (await readdir(downloads)).filter((f) => !f.endsWith('.part'));
}

test('Firefox ESR: a simulated session is saved, History lists it, it exports, and the app works offline', async () => {
  test.setTimeout(120_000);
  server = await serveStatic(join(process.cwd(), 'dist'), 0);
  const page = await browser.newPage();
  await page.goto(server.url, { waitUntil: 'load' });
  await clickButton(page, 'I understand, continue');

  // A simulated session, saved as it runs: storage opened at once (no wait on Firefox's persistence prompt).
  await clickButton(page, 'Start with simulated heart');
  await waitForText(page, '[data-testid="saving"]', /: ([5-9]|\d{2,}) beats recorded/, 40_000);
  await clickButton(page, 'Stop session');
  // Under 30 s, so it is saved only when the person keeps it.
  await clickButton(page, 'Keep it anyway');
  expect(await page.$$eval('[role="alert"]', (els) => els.map((e) => e.textContent))).toEqual([]);
  expect(await page.evaluate(() => document.body.textContent)).not.toContain('kept in memory only');

  // History lists it.
  await clickButton(page, 'History');
  await page.waitForSelector(SESSION_ROWS, { timeout: 10_000 });
  expect(await page.$$eval(SESSION_ROWS, (rows) => rows.length)).toBe(1);

  // The whole backup exports as a file, holding the session.
  await clickButton(page, 'Privacy');
  await clickButton(page, 'Export full backup (.json)');
  await expect.poll(downloaded, { timeout: 10_000 }).toHaveLength(1);
  const [file] = await downloaded();
  // Firefox may show the file's name before it has written all of it: read it again until it is whole.
  const sessionsInBackup = async (): Promise<number> => {
    const text = await readFile(join(downloads, file!), 'utf8');
    try {
      return (JSON.parse(text) as { sessions?: unknown[] }).sessions?.length ?? -1;
    } catch {
      return -1;
    }
  };
  await expect.poll(sessionsInBackup, { timeout: 10_000 }).toBe(1);

  // Offline after one visit: the server is gone, the app still loads from its service worker and runs a session.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
  });
  await server.close();
  server = null;
  await page.reload({ waitUntil: 'load' });
  await clickButton(page, 'History');
  await page.waitForSelector(SESSION_ROWS, { timeout: 10_000 });
  await clickButton(page, 'Session');
  await clickButton(page, 'Start with simulated heart');
  await waitForText(page, '[data-testid="saving"]', /: [1-9]\d* beats recorded/, 30_000);
  // (Under a full run's load, Firefox can take a while to lay the running session out.)
  await clickButton(page, 'Stop session', 30_000);
  await page.close();
});
