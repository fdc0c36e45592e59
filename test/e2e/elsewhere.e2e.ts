import { expect, test, type Page } from '@playwright/test';
import { skipFirstRun } from './first-run';

test.beforeEach(({ context }) => skipFirstRun(context));

/** Look at the page every 50 ms for `ms`: how many looks found the "running in another tab" banner. */
async function bannerLooks(page: Page, ms: number): Promise<{ looks: number; seen: number }> {
  return page.evaluate(async (duration) => {
    let looks = 0;
    let seen = 0;
    const end = performance.now() + duration;
    while (performance.now() < end) {
      looks += 1;
      if (document.querySelector('[data-testid="session-elsewhere"]')) seen += 1;
      await new Promise((r) => setTimeout(r, 50));
    }
    return { looks, seen };
  }, ms);
}

test('a single tab never says a session runs in another tab: not after Stop, not when a replay ends', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Start with simulated heart' }).click();
  await expect(page.getByTestId('heart-rate')).toHaveText(/^\d+$/, { timeout: 15_000 });
  await page.getByRole('button', { name: 'Stop session' }).click();
  const afterStop = await bannerLooks(page, 3_000);
  expect(afterStop.looks).toBeGreaterThan(30);
  expect(afterStop.seen).toBe(0);

  await page.getByText('Replay a recording').click();
  await page.getByLabel('Replay speed').selectOption('16');
  const rr = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 750 : 850)).join('\n');
  await page.getByLabel('Replay an RR file').setInputFiles({
    name: 'short.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(`RR ms\n${rr}\n`),
  });
  await expect(page.getByRole('button', { name: 'Stop session' })).toBeVisible();
  // 32 s of beats at 16x: the replay ends by itself within a few seconds.
  await expect(page.getByRole('button', { name: 'Stop session' })).toHaveCount(0, { timeout: 15_000 });
  const afterReplay = await bannerLooks(page, 3_000);
  expect(afterReplay.seen).toBe(0);
});
