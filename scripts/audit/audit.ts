/**
 * `npm run audit`: Lighthouse (the npm package) on the built app, with Debian's Chromium and Lighthouse's default
 * mobile emulation (Moto G Power screen, simulated slow 4G and 4x CPU slowdown). Build first (`npm run build`).
 * Prints `performance`, `accessibility`, `best-practices` (0-100) and `installable: yes|no`.
 *
 * Lighthouse 12 dropped its PWA category, so installability is asked of Chromium itself, through the DevTools
 * protocol's Page.getInstallabilityErrors (the same checks that decide whether Chrome offers to install): no errors
 * means installable. Targets: installable, performance >= 95, accessibility >= 95, best practices >= 95; the
 * process exits non-zero when one is missed.
 */
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import { chromium } from 'playwright';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, chromiumPath } from '../chromium.ts';
import { serveStatic } from '../serve-static.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const port = Number(process.env.AUDIT_PORT ?? 4392);
const targets = { performance: 95, accessibility: 95, 'best-practices': 95 } as const;
type Category = keyof typeof targets;

async function installabilityErrors(debuggingPort: number, url: string): Promise<string[]> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${debuggingPort}`);
  try {
    const context = browser.contexts()[0] ?? (await browser.newContext());
    const page = await context.newPage();
    await page.goto(url);
    // The manifest and service worker load after the page; give the browser time to read them, but not forever
    // (a build without a service worker never gets ready).
    const ready = await page.evaluate(() =>
      Promise.race([
        navigator.serviceWorker.ready.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20_000)),
      ]),
    );
    if (!ready) return ['no-service-worker-registered'];
    const session = await context.newCDPSession(page);
    const { installabilityErrors } = await session.send('Page.getInstallabilityErrors');
    await page.close();
    return installabilityErrors.map((e) => e.errorId);
  } finally {
    await browser.close().catch(() => {});
  }
}

const server = await serveStatic(`${root}dist`, port);
const chrome = await launch({ chromePath: chromiumPath(), chromeFlags: chromiumArgs });
let failed = false;
try {
  const result = await lighthouse(server.url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: Object.keys(targets),
  });
  if (!result) throw new Error('Lighthouse returned no result');
  for (const category of Object.keys(targets) as Category[]) {
    const score = Math.round((result.lhr.categories[category]?.score ?? 0) * 100);
    console.log(`${category}: ${score}`);
    if (score < targets[category]) failed = true;
    for (const audit of Object.values(result.lhr.audits)) {
      const inCategory = result.lhr.categories[category]?.auditRefs.some(
        (ref) => ref.id === audit.id && ref.weight > 0,
      );
      if (inCategory && audit.score !== null && audit.score < 0.9 && process.env.AUDIT_VERBOSE)
        console.error(`  ${category} / ${audit.id}: ${audit.score} ${audit.displayValue ?? ''}`);
    }
  }
  const errors = await installabilityErrors(chrome.port, server.url);
  console.log(`installable: ${errors.length === 0 ? 'yes' : 'no'}`);
  if (errors.length > 0) {
    failed = true;
    console.error(`  not installable: ${errors.join(', ')}`);
  }
} finally {
  chrome.kill();
  await server.close();
}
process.exit(failed ? 1 : 0);
