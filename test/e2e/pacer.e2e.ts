import { expect, test } from '@playwright/test';
import { skipFirstRun } from './first-run';

// The welcome screen is tested in pwa-offline.e2e.ts.
test.beforeEach(({ context }) => skipFirstRun(context));

test('pacer controls: box preset holds, lock says so, sound cues can be chosen, assessment needs a session', async ({
  page,
}) => {
  await page.goto('/');
  // The settings live in a sheet, on the home screen as during a session.
  await page.getByRole('button', { name: 'Change session settings' }).click();
  await expect(page.getByRole('button', { name: 'Stepped assessment' })).toBeDisabled();
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Start with simulated heart' }).click();
  await page.getByRole('button', { name: 'Session settings' }).click();
  await expect(page.getByRole('button', { name: 'Stepped assessment' })).toBeEnabled();
  // Beats, not heart rate only: no word against the quick assessment.
  await expect(page.getByTestId('assessment-hr-only-hint')).toHaveCount(0);

  await page.getByLabel('Pattern').selectOption('box');
  const pacer = page.locator('.pacer');
  // The box pattern starts at the next breath boundary (up to 10 s), then holds for 4 s twice a breath.
  await expect(pacer).toHaveAttribute('data-breath-phase', 'hold', { timeout: 25_000 });
  await expect(pacer).toHaveAttribute('data-breath-rate', '3.8');
  await expect(page.getByLabel('Adapt the rate to my heart')).toBeDisabled();

  await page.getByLabel('Lock the rate').check();
  await expect(page.locator('[data-pacer-action]')).toHaveText('Locked at 3.75/min.');

  await page.getByLabel('Sound').selectOption('chime');
  await expect(page.getByLabel('Volume')).toBeEnabled();

  await page.getByLabel('Announce each phase for screen readers').check();
  await expect(page.getByTestId('phase-announcer')).toHaveText(/^(Breathe in|Breathe out|Hold)$/);

  await page.getByRole('button', { name: 'Stepped assessment' }).click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel assessment' }).click();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Stop session' }).click();
});

test('adaptive pacing steers a session of the simulated heart, whose chest is measured, from its first minute', async ({
  page,
}) => {
  // The demo heart has a chest of its own, so the worker's swings are fitted against measured breaths that arrive a
  // few seconds late; the pacer must not read the breaths not measured yet as breaths not taken (it then waited
  // "for enough clean beats" for the whole session).
  await page.goto('/');
  await page.getByRole('button', { name: 'Start with simulated heart' }).click();
  await page.getByRole('button', { name: 'Session settings' }).click();
  const reason = page.locator('[data-pacer-action]');
  await expect(reason).toHaveText(/^(Trying|Faster|Slower|Turning|Going)/, { timeout: 60_000 });
  await expect(page.locator('.pacer')).not.toHaveAttribute('data-breath-rate', '6.0', { timeout: 30_000 });
});
