import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { seriousFindings } from './axe';
import { skipFirstRun } from './first-run';
import { listRows, openHistory, passTime, recordedBeats, stopAndKeep, storeCount } from './history-steps';

/** Two tabs of the app in one browser profile, past the welcome screen. */
async function twoTabs(context: BrowserContext): Promise<[Page, Page]> {
  await skipFirstRun(context);
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto('/');
  await second.goto('/');
  return [first, second];
}

test('a second tab cannot start a session while another tab runs one, says why, and can once it ends', async ({
  context,
}) => {
  const [first, second] = await twoTabs(context);

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

test('when the tab running a session closes, the other tab recovers that session at once and its refusal clears', async ({
  context,
}) => {
  // Past 30 s, on the fake clock: a session shorter than that is never written, so a closed tab leaves nothing.
  await context.clock.install();
  const [first, second] = await twoTabs(context);

  await first.getByRole('button', { name: 'Start with simulated heart' }).click();
  await expect(first.getByRole('button', { name: 'Stop session' })).toBeVisible();
  await passTime(first, 40);
  await expect.poll(() => storeCount(second, 'sessions'), { timeout: 10_000 }).toBe(1);
  await expect(second.getByTestId('session-elsewhere')).toBeVisible({ timeout: 10_000 });
  await second.getByRole('button', { name: 'Start with simulated heart' }).click();
  await expect(second.getByRole('alert')).toContainText('already running in another Resonance tab or window');

  // The running tab goes away mid-session. The second tab learns it from the lock, not from a reload.
  await first.close();
  await expect(second.getByTestId('app-notice')).toContainText('Recovered a session', { timeout: 5_000 });
  await expect(second.getByTestId('session-elsewhere')).toHaveCount(0);
  await expect(second.getByRole('alert')).toHaveCount(0);
  await openHistory(second);
  await expect.poll(() => listRows(second)).toHaveLength(1);
  expect(await storeCount(second, 'sessions')).toBe(1);

  // And this tab may now start one itself.
  await second.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Session' }).click();
  await second.getByRole('button', { name: 'Start with simulated heart' }).click();
  await expect(second.getByRole('button', { name: 'Stop session' })).toBeVisible();
});

test('a session another tab stops joins this tab’s history without a reload', async ({ context }) => {
  const [first, second] = await twoTabs(context);
  await first.getByRole('button', { name: 'Start with simulated heart' }).click();
  await expect.poll(() => recordedBeats(first), { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
  await expect(second.getByTestId('session-elsewhere')).toBeVisible({ timeout: 10_000 });
  await openHistory(second);
  // Under 30 s: it joins the history once the person keeps it.
  await stopAndKeep(first);
  await expect.poll(() => listRows(second), { timeout: 5_000 }).toHaveLength(1);
  await expect(second.getByTestId('history-notice')).toHaveCount(0);
});
