import { expect, test } from '@playwright/test';
import { seriousFindings } from './axe';
import { skipFirstRun } from './first-run';

test('a second tab cannot start a session while another tab runs one, says why, and can once it ends', async ({
  context,
}) => {
  await skipFirstRun(context);
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto('/');
  await second.goto('/');

  await first.getByRole('button', { name: 'Start with simulated heart' }).click();
  await expect(first.getByRole('button', { name: 'Stop session' })).toBeVisible();

  // The idle tab says so before anyone presses Start.
  await expect(second.getByTestId('session-elsewhere')).toBeVisible({ timeout: 10_000 });
  await second.getByRole('button', { name: 'Start with simulated heart' }).click();
  await expect(second.getByRole('alert')).toContainText('already running in another Resonance tab or window');
  expect(await seriousFindings(second)).toEqual([]);
  await expect(second.getByRole('button', { name: 'Stop session' })).toHaveCount(0);
  await expect(second.locator('.pacer')).toHaveAttribute('data-breath-phase', 'idle');
  await expect(first.getByTestId('heart-rate')).toHaveText(/^\d+$/, { timeout: 10_000 });

  await first.getByRole('button', { name: 'Stop session' }).click();
  await expect(second.getByTestId('session-elsewhere')).toHaveCount(0, { timeout: 10_000 });
  await second.getByRole('button', { name: 'Start with simulated heart' }).click();
  await expect(second.getByRole('button', { name: 'Stop session' })).toBeVisible();
  await expect(second.getByRole('alert')).toHaveCount(0);

  // Closing the tab that holds the lock frees it too.
  await second.close();
  await first.getByRole('button', { name: 'Start with simulated heart' }).click();
  await expect(first.getByRole('button', { name: 'Stop session' })).toBeVisible();
});
