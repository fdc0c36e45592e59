/**
 * History with a year of practice, in a real browser against the built app: 1,000 sessions (~1.5 million beats)
 * are restored from a backup, then the times the person waits are measured (median of several runs where the
 * screen can be re-entered):
 *   history-list-ms     History opened → the list of all sessions shown (target 300)
 *   session-detail-ms   a session opened → all four of its charts drawn (target 200; chart.js loads on the first)
 *   trends-ms           Trends opened → the daily RMSSD chart drawn (target 500)
 *   backup-export-ms    "Export full backup" → the download starts (target 3000)
 *   initial-js-gzip-kb  JavaScript the first screen loads, gzipped (target 80; chart.js is a separate chunk)
 * Also reported: backup-restore-ms (restoring the year from the file) and history-beats (beats stored).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright';
import { preview } from 'vite';
import { chromiumArgs, chromiumPath } from '../chromium';
import { yearOfPractice } from './data/history-year';

const ROOT = join(import.meta.dirname, '..', '..');

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Gzipped size of the scripts index.html loads up front (entry and module preloads), in kB. */
function initialJsGzipKb(): number {
  const html = readFileSync(join(ROOT, 'dist', 'index.html'), 'utf8');
  const srcs = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1] ?? '');
  let bytes = 0;
  for (const src of new Set(srcs))
    bytes += gzipSync(readFileSync(join(ROOT, 'dist', src)), { level: 9 }).length;
  return bytes / 1024;
}

/**
 * Time in the page from a click to a condition becoming true, checked every animation frame. The page script is
 * a string: functions compiled by tsx carry helpers the page does not have.
 */
async function clickUntil(page: Page, clickSelector: string, doneExpression: string): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const target = document.querySelector(${JSON.stringify(clickSelector)});
    if (!target) return reject(new Error('nothing matches ' + ${JSON.stringify(clickSelector)}));
    const t0 = performance.now();
    target.click();
    const check = () => ((${doneExpression}) ? resolve(performance.now() - t0) : requestAnimationFrame(check));
    requestAnimationFrame(check);
  })`);
}

const nav = (name: string) => `header nav button:nth-child(${['Session', 'History'].indexOf(name) + 1})`;
const tab = (label: string) =>
  `[role="tablist"] button:nth-child(${['Sessions', 'Trends', 'Calendar', 'Print summary', 'Your data'].indexOf(label) + 1})`;

export async function run(): Promise<Record<string, number>> {
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'error'], {
    cwd: ROOT,
    stdio: 'inherit',
    // A Vite dev server started by an earlier benchmark in this process sets NODE_ENV=development, which would
    // make this a development build (no service worker, Svelte's dev checks): measure the production app.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const { json, beats } = yearOfPractice();
  const dir = mkdtempSync(join(tmpdir(), 'resonance-bench-'));
  const backupPath = join(dir, 'year.json');
  writeFileSync(backupPath, json);

  const port = await freePort();
  const server = await preview({
    root: ROOT,
    logLevel: 'error',
    preview: { port, strictPort: true, host: '127.0.0.1' },
  });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const context = await browser.newContext({ acceptDownloads: true });
    // Past the welcome screen, as a returning person is.
    await context.addInitScript(() => localStorage.setItem('resonance.first-run-done', '1'));
    const page = await context.newPage();
    page.setDefaultTimeout(300_000);
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'History' }).click();
    await page.getByRole('tab', { name: 'Your data' }).click();
    const restoreStart = Date.now();
    await page.getByTestId('restore-input').setInputFiles(backupPath);
    // Counts on screen are grouped by the locale ("1,000 sessions", src/ui/plural.ts).
    await page.getByTestId('history-notice').filter({ hasText: 'Restored 1,000 sessions' }).waitFor();
    const restoreMs = Date.now() - restoreStart;

    const listMs: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      await page.reload();
      await page.getByRole('button', { name: 'Start with simulated heart' }).waitFor();
      await page.waitForTimeout(300); // launch work (opening the database) settles
      listMs.push(
        await clickUntil(
          page,
          nav('History'),
          `document.querySelectorAll('[data-testid="session-list"] tbody tr').length === 1000`,
        ),
      );
    }

    const detailMs: number[] = [];
    for (let i = 0; i < 9; i += 1) {
      await page.getByTestId('session-list').waitFor();
      detailMs.push(
        await clickUntil(
          page,
          `[data-testid="session-list"] tbody tr:nth-child(${10 + i * 37}) button`,
          `['tachogram', 'rmssd', 'coherence', 'pacer'].every((c) => document.querySelector('[data-testid="chart-' + c + '"]')?.dataset.ready === 'true')`,
        ),
      );
      await page.getByRole('button', { name: '← All sessions' }).click();
    }

    const trendsMs: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      trendsMs.push(
        await clickUntil(
          page,
          tab('Trends'),
          `document.querySelector('[data-testid="chart-rmssd-trend"]')?.dataset.ready === 'true'`,
        ),
      );
      await page.getByRole('tab', { name: 'Calendar' }).click();
    }

    const exportMs: number[] = [];
    await page.getByRole('tab', { name: 'Your data' }).click();
    for (let i = 0; i < 3; i += 1) {
      const download = page.waitForEvent('download');
      const t0 = Date.now();
      await page.getByRole('button', { name: 'Export full backup (.json)' }).click();
      await download;
      exportMs.push(Date.now() - t0);
    }

    return {
      'history-list-ms': median(listMs),
      'session-detail-ms': median(detailMs),
      'session-detail-first-ms': detailMs[0] ?? NaN,
      'trends-ms': median(trendsMs),
      'backup-export-ms': median(exportMs),
      'backup-restore-ms': restoreMs,
      'history-beats': beats,
      'initial-js-gzip-kb': initialJsGzipKb(),
    };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}
