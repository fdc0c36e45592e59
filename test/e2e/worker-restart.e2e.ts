import { expect, test } from '@playwright/test';
import { skipFirstRun } from './first-run';
import { recordedBeats } from './history-steps';

// Requests are routed only when no service worker answers them.
test.use({ serviceWorkers: 'block' });

test('the HRV worker that fails mid-session is restarted, the session says so, and the figures carry on', async ({
  page,
}) => {
  await skipFirstRun(page);
  // The first HRV worker the page loads fails (an uncaught error) at its fifth batch of beats, as a crash would;
  // every later one is the app's real worker.
  let served = 0;
  await page.route('**/hrv.worker-*.js', async (route) => {
    served += 1;
    if (served > 1) return route.continue();
    await route.fulfill({
      contentType: 'text/javascript',
      headers: { 'cache-control': 'no-store' },
      body: `let n = 0; self.onmessage = (e) => {
        if (e.data.type === 'beats' && ++n === 5) throw new Error('simulated worker crash');
      };`,
    });
  });
  await page.goto('/');
  await page.getByRole('button', { name: 'Start with simulated heart' }).click();

  await expect(page.getByTestId('analysis-notice')).toHaveAttribute('data-analysis-state', 'restarted', {
    timeout: 20_000,
  });
  await expect(page.getByTestId('analysis-notice')).toContainText('was restarted');
  expect(served).toBe(2);
  // The new worker has every beat: heart rate from the live figures, and the session goes on recording.
  await expect(page.getByTestId('heart-rate')).toHaveText(/^\d+$/, { timeout: 20_000 });
  const beats = await recordedBeats(page);
  await expect.poll(() => recordedBeats(page), { timeout: 10_000 }).toBeGreaterThan(beats);
  await expect(page.getByRole('button', { name: 'Stop session' })).toBeVisible();
  await page.getByRole('button', { name: 'Stop session' }).click();
});
