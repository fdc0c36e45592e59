import { expect, test } from '@playwright/test';
import { skipFirstRun } from './first-run';

// The welcome screen is tested in pwa-offline.e2e.ts.
test.beforeEach(({ context }) => skipFirstRun(context));

test('replaying an RR file plays its beats; a malformed file is refused with its line', async ({ page }) => {
  await page.goto('/');
  await page.getByText('Replay a recording').click();
  const input = page.getByLabel('Replay an RR file');
  // Drawn as the app's button (as restore and import are), not the browser's bare "Choose File / No file chosen".
  await expect(input).toHaveCSS('opacity', '0');
  const chooser = await page.locator('label.file', { has: input }).boundingBox();
  expect(chooser?.height).toBeGreaterThanOrEqual(44);

  await input.setInputFiles({
    name: 'broken.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('RR\n800\n810\n8x0\n'),
  });
  await expect(page.getByRole('alert')).toHaveText('broken.txt, line 4: "8x0" is not a number (column RR).');
  await expect(page.getByRole('button', { name: 'Stop session' })).toHaveCount(0);

  await page.getByLabel('Replay speed').selectOption('16');
  // Long enough (5 min, 19 s at 16x) that the live view is still up when RMSSD has its 60 s.
  const rr = Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? 750 : 850)).join('\n');
  await input.setInputFiles({
    name: 'rest.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(`RR ms\n${rr}\n`),
  });
  await expect(page.locator('[data-source-state]')).toHaveText('Live: rest.txt');
  // 750/850 alternating: 75 bpm on average and successive differences of 100 ms.
  await expect(page.getByTestId('rmssd')).toHaveText('100.0', { timeout: 15_000 });
  await expect(page.getByTestId('heart-rate')).toHaveText(/^7[4-6]$/);
});

test('the live view marks artifacts as they happen and runs a session timer', async ({ page }) => {
  await page.goto('/');
  await page.getByText('Replay a recording').click();
  await page.getByLabel('Replay speed').selectOption('16');
  // An irregular but clean rhythm with one missed beat (1800 ms) and one short interval (450 ms).
  const rr = Array.from({ length: 600 }, (_, i) =>
    i === 60 ? 1800 : i === 120 ? 450 : Math.round(800 + 30 * Math.sin(i * 0.7) + 15 * Math.sin(i * 2.3)),
  );
  await page.getByLabel('Replay an RR file').setInputFiles({
    name: 'with-artifacts.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(rr.join('\n')),
  });
  const timeLeft = (await page.getByTestId('session-time').textContent()) ?? '';
  await expect(page.getByTestId('session-time')).not.toHaveText(timeLeft);
  await expect(page.getByText('2 beats left out as misread (red).')).toBeVisible({ timeout: 15_000 });
  expect(Number(await page.locator('canvas[data-artifacts]').getAttribute('data-artifacts'))).toBeGreaterThan(
    0,
  );
});
