/**
 * Make the manifest's screenshots (public/screenshots/) from the real app: build first (`npm run build`), then
 * `npx tsx scripts/screenshots.ts`. Serves dist/ locally, starts a simulated session in Debian's Chromium and
 * captures it once the metrics have filled in, in a phone-sized and a desktop-sized window.
 */
import { chromium } from 'playwright';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, chromiumPath } from './chromium.ts';
import { serveStatic } from './serve-static.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.SCREENSHOT_PORT ?? 4390);
const shots = [
  { file: 'session-narrow.png', width: 360, height: 640, scale: 2 },
  { file: 'session-wide.png', width: 1280, height: 800, scale: 1 },
];

const server = await serveStatic(`${root}dist`, port);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
  await mkdir(`${root}public/screenshots`, { recursive: true });
  for (const shot of shots) {
    const page = await browser.newPage({
      viewport: { width: shot.width, height: shot.height },
      deviceScaleFactor: shot.scale,
      colorScheme: 'light',
    });
    await page.addInitScript(() => localStorage.setItem('resonance.first-run-done', '1'));
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Start with simulated heart' }).click();
    await page.getByTestId('rmssd').filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(2_000);
    await page.screenshot({ path: `${root}public/screenshots/${shot.file}` });
    console.log(`public/screenshots/${shot.file}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
