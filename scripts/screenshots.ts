/**
 * Screenshots of every screen from the real app: `npm run screenshots` builds, serves dist/ locally and drives
 * Debian's Chromium through each screen at a phone size (390 x 844) and a desktop size (1280 x 800), in light and
 * dark, into docs/screenshots/<screen>-<phone|desktop>-<light|dark>.png; then the manifest's two screenshots into
 * public/screenshots/. The history screens show a few weeks of demo practice (screenshots/demo-history.ts),
 * restored through the app's own Restore.
 *
 * Adding a screen is one entry in SCREENS: a name and how to get there from a freshly loaded app.
 */
import { chromium, type Browser, type Page } from 'playwright';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, chromiumPath } from './chromium.ts';
import { serveStatic } from './serve-static.ts';
import { demoBackupText } from './screenshots/demo-history.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.SCREENSHOT_PORT ?? 4390);
const FIRST_RUN_KEY = 'resonance.first-run-done';

interface Screen {
  readonly name: string;
  /** Show the welcome screen (the person has not read it yet). */
  readonly firstRun?: boolean;
  /** From the app just loaded to the screen. */
  readonly show?: (page: Page) => Promise<void>;
  /** Run the page on Playwright's fake clock (minutes of a session pass in seconds). */
  readonly clock?: boolean;
  /** After the shot (end a running session, so no later screen shows it recovered). */
  readonly leave?: (page: Page) => Promise<void>;
}

const nav = (label: string) => (page: Page) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label }).click();
const historyTab = (label: string) => async (page: Page) => {
  await nav('History')(page);
  await page.getByRole('tab', { name: label }).click();
};
async function simulatedSession(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start with simulated heart' }).click();
  await page.getByTestId('heart-rate').filter({ hasText: /\d/ }).first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(3_000);
}

/** A 5-minute session on the fake clock, to its summary. */
async function fiveMinuteSession(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Change session settings' }).click();
  await page.getByRole('radio', { name: '5 min', exact: true }).check();
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Start with simulated heart' }).click();
  for (let s = 0; s < 320; s += 5) await page.clock.runFor(5_000);
  await page.getByTestId('session-summary').waitFor();
  await page.getByTestId('summary-comparison').waitFor();
}

async function stopSession(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Stop/ }).first().click();
}

const SCREENS: readonly Screen[] = [
  { name: 'first-run', firstRun: true },
  { name: 'first-run-learn-more', firstRun: true, show: (p) => p.getByText('Learn more').click() },
  { name: 'home' },
  { name: 'history', show: nav('History') },
  {
    name: 'history-session',
    show: async (p) => {
      await nav('History')(p);
      await p.locator('[data-session-id]').first().getByRole('button').first().click();
    },
  },
  { name: 'history-trends', show: historyTab('Trends') },
  { name: 'history-calendar', show: historyTab('Calendar') },
  { name: 'history-print-summary', show: historyTab('Print summary') },
  { name: 'history-data', show: historyTab('Your data') },
  { name: 'privacy', show: nav('Privacy') },
  { name: 'about', show: nav('About') },
  {
    name: 'session-settings',
    show: (p) => p.getByRole('button', { name: 'Change session settings' }).click(),
  },
  { name: 'session-running', show: simulatedSession, leave: stopSession },
  {
    name: 'session-focus',
    show: async (p) => {
      await simulatedSession(p);
      await p.getByRole('button', { name: 'Focus mode' }).click();
    },
    leave: async (p) => {
      await p.getByRole('button', { name: 'Show everything' }).click();
      await stopSession(p);
    },
  },
  { name: 'session-summary', clock: true, show: fiveMinuteSession },
];

const SIZES = [
  { id: 'phone', width: 390, height: 844, scale: 2 },
  { id: 'desktop', width: 1280, height: 800, scale: 1 },
] as const;

/** Only screens whose name contains this (SCREENSHOTS_ONLY=history), to look at a few quickly. */
const only = process.env.SCREENSHOTS_ONLY ?? '';

async function shootAll(browser: Browser, url: string): Promise<void> {
  await mkdir(`${root}docs/screenshots`, { recursive: true });
  const demo = demoBackupText(Date.now());
  for (const size of SIZES) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
        deviceScaleFactor: size.scale,
        colorScheme,
      });
      const page = await context.newPage();
      await page.goto(url);
      await page.evaluate((key) => localStorage.setItem(key, '1'), FIRST_RUN_KEY);
      await page.goto(url);
      await nav('History')(page);
      await page.getByRole('tab', { name: 'Your data' }).click();
      await page
        .getByTestId('restore-input')
        .setInputFiles({ name: 'demo.json', mimeType: 'application/json', buffer: Buffer.from(demo) });
      await page.getByTestId('history-notice').filter({ hasText: 'Restored' }).waitFor();
      for (const screen of SCREENS) {
        if (!screen.name.includes(only)) continue;
        const shot = await context.newPage();
        if (screen.clock) await shot.clock.install();
        if (screen.firstRun) await shot.addInitScript((key) => localStorage.removeItem(key), FIRST_RUN_KEY);
        await shot.goto(url);
        await shot.locator('main').waitFor();
        await screen.show?.(shot);
        // Let transitions and charts settle.
        await shot.waitForTimeout(600);
        const file = `docs/screenshots/${screen.name}-${size.id}-${colorScheme}.png`;
        await shot.screenshot({ path: `${root}${file}`, fullPage: false });
        console.log(file);
        await screen.leave?.(shot);
        await shot.close();
        if (screen.firstRun) await page.evaluate((key) => localStorage.setItem(key, '1'), FIRST_RUN_KEY);
      }
      await context.close();
    }
  }
}

/** docs/screenshots/README.md: every screen's four pictures, phone ones shown small, all linked. */
async function writeIndex(): Promise<void> {
  const lines = [
    '# Screenshots',
    '',
    'Every screen of Resonance at a phone size (390 x 844) and a desktop size (1280 x 800), in the light and the',
    'dark theme, made from the real app by `npm run screenshots` (scripts/screenshots.ts). The history screens show',
    'a few weeks of demo practice restored from a backup; the session runs the simulated heart.',
    '',
  ];
  for (const screen of SCREENS) {
    const file = (size: string, scheme: string) => `${screen.name}-${size}-${scheme}.png`;
    lines.push(`## ${screen.name}`, '');
    lines.push(
      `<img src="${file('phone', 'light')}" width="195" alt="${screen.name}, phone, light">`,
      `<img src="${file('phone', 'dark')}" width="195" alt="${screen.name}, phone, dark">`,
      '',
      `Desktop: [light](${file('desktop', 'light')}), [dark](${file('desktop', 'dark')}).`,
      '',
    );
  }
  await writeFile(`${root}docs/screenshots/README.md`, lines.join('\n'));
}

/** The web app manifest's screenshots (store listings): a running session, narrow and wide. */
async function shootManifest(browser: Browser, url: string): Promise<void> {
  await mkdir(`${root}public/screenshots`, { recursive: true });
  const shots = [
    { file: 'session-narrow.png', width: 360, height: 640, scale: 2 },
    { file: 'session-wide.png', width: 1280, height: 800, scale: 1 },
  ];
  for (const shot of shots) {
    const page = await browser.newPage({
      viewport: { width: shot.width, height: shot.height },
      deviceScaleFactor: shot.scale,
      colorScheme: 'light',
    });
    await page.addInitScript((key) => localStorage.setItem(key, '1'), FIRST_RUN_KEY);
    await page.goto(url);
    await simulatedSession(page);
    await page.screenshot({ path: `${root}public/screenshots/${shot.file}` });
    console.log(`public/screenshots/${shot.file}`);
    await page.close();
  }
}

const server = await serveStatic(`${root}dist`, port);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
  await shootAll(browser, server.url);
  if (!only) {
    await writeIndex();
    await shootManifest(browser, server.url);
  }
} finally {
  await browser.close();
  await server.close();
}
