/**
 * History end to end against the built app: a closed tab's session comes back with its beats up to the last
 * flush; a full backup restored in a fresh browser profile gives the same history; history works offline;
 * assessments join the history.
 */
import { expect, test } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { skipFirstRun, waitForServiceWorker } from './first-run';
import {
  listRows,
  openHistory,
  recordedBeats,
  runSession,
  stopAndKeep,
  storeCount,
  storedBeats,
  STORED_ASSESSMENT,
} from './history-steps';

test.beforeEach(({ context }) => skipFirstRun(context));

test('a session survives a closed tab: it is there on the next launch with beats up to the last 5 s', async ({
  context,
}) => {
  test.setTimeout(120_000);
  const page = await context.newPage();
  await page.goto('/');
  // Past 30 s: a shorter session is not stored unless the person keeps it, so it has nothing to recover.
  await runSession(page, 40);
  // While it runs, storage is never more than 5 s (under 10 beats) behind what was recorded.
  for (let i = 0; i < 6; i += 1) {
    const recorded = await recordedBeats(page);
    expect(await storedBeats(page)).toBeGreaterThanOrEqual(recorded - 10);
    await page.waitForTimeout(1_500);
  }
  const beatsAtCrash = await recordedBeats(page);
  // Close the tab mid-session without unload handlers (a crash of the renderer takes the test browser with it).
  await page.close({ runBeforeUnload: false });

  const next = await context.newPage();
  await next.goto('/');
  await expect(next.getByText(/Recovered a session/)).toBeVisible({ timeout: 10_000 });
  await openHistory(next);
  await expect.poll(() => listRows(next)).toHaveLength(1);
  const rows = await listRows(next);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toContain('recovered');
  await next.getByTestId('session-list').getByRole('button').first().click();
  const stored = Number(await next.getByTestId('detail-beats').textContent());
  // At most 5 s of beats lost: the simulated heart beats well under 2 per second.
  expect(stored).toBeGreaterThanOrEqual(beatsAtCrash - 10);
  expect(stored).toBeLessThanOrEqual(beatsAtCrash + 3); // a beat or two may arrive while the tab closes
  // The detail's charts load (chart.js arrives with them).
  await expect(next.getByTestId('chart-tachogram')).toHaveAttribute('data-ready', 'true', {
    timeout: 10_000,
  });
  // Its RR export holds one interval per stored beat; the CSV one row per beat after the header.
  const rrDownload = next.waitForEvent('download');
  await next.getByRole('button', { name: 'Export RR (.txt, for Kubios)' }).click();
  const rrText = await readFile((await (await rrDownload).path()) ?? '', 'utf8');
  expect(rrText.trim().split('\n')).toHaveLength(stored);
  const csvDownload = next.waitForEvent('download');
  await next.getByRole('button', { name: 'Export beats (.csv)' }).click();
  const csv = (await readFile((await (await csvDownload).path()) ?? '', 'utf8')).trim().split('\r\n');
  // The simulated person wears a chest sensor too: its breath joins as a last column once it is measured.
  expect(csv[0]).toMatch(/^time_s,rr_ms,after_gap,artifact,pacer_rate_bpm,pacer_phase(,breath)?$/);
  expect(csv).toHaveLength(stored + 1);
});

test('a full backup restored in a fresh browser profile gives the same history', async ({ browser }) => {
  const first = await browser.newContext();
  await skipFirstRun(first);
  const page = await first.newPage();
  await page.goto('/');
  await page.getByText('How do you feel? (optional)').click();
  await page.getByTestId('check-in-before').getByLabel('7').check();
  await runSession(page, 8);
  await stopAndKeep(page);
  await page.getByTestId('check-in-after').getByLabel('4').check();
  await page.getByRole('button', { name: 'Done' }).click();
  await openHistory(page);
  await expect(page.getByTestId('session-list')).toBeVisible();
  await expect.poll(() => listRows(page)).toHaveLength(1);
  const original = await listRows(page);
  expect(original).toHaveLength(1);
  expect(original[0]).toContain('−3 (7 → 4)');
  await page.getByRole('tab', { name: 'Your data' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export full backup (.json)' }).click();
  const backupPath = join(tmpdir(), `resonance-backup-${Date.now()}.json`);
  await (await download).saveAs(backupPath);
  await first.close();

  const fresh = await browser.newContext();
  await skipFirstRun(fresh);
  const restored = await fresh.newPage();
  await restored.goto('/');
  await openHistory(restored);
  await expect(restored.getByTestId('no-sessions')).toBeVisible();
  await restored.getByRole('tab', { name: 'Your data' }).click();
  await restored.getByTestId('restore-input').setInputFiles(backupPath);
  await expect(restored.getByTestId('history-notice')).toContainText('Restored 1 session');
  // Restoring the same file again adds nothing.
  await restored.getByTestId('restore-input').setInputFiles(backupPath);
  await expect(restored.getByTestId('history-notice')).toContainText(
    "Nothing new to restore: the backup's 1 session is already here",
  );
  await restored.getByRole('tab', { name: 'Sessions' }).click();
  await expect.poll(() => listRows(restored)).toEqual(original);
  // The calendar counts today's practice, and the printable summary covers it.
  await restored.getByRole('tab', { name: 'Calendar' }).click();
  await expect(restored.getByTestId('streak-current')).toHaveText('1');
  await restored.getByRole('tab', { name: 'Print summary' }).click();
  await expect(restored.getByTestId('print-summary')).toContainText('1 session on 1 day');
  await fresh.close();
});

test('history, a session’s charts and the trends open offline', async ({ page, context }) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  // A 3-minute recording from another app, so the detail has every chart.
  const rr = Array.from({ length: 200 }, (_, i) => Math.round(900 + 80 * Math.sin((2 * Math.PI * i) / 10)));
  const file = join(tmpdir(), `offline-${Date.now()}.txt`);
  await writeFile(file, rr.join('\n'));
  await openHistory(page);
  await page.getByRole('tab', { name: 'Your data' }).click();
  await page.getByTestId('import-input').setInputFiles(file);
  await expect(page.getByTestId('history-notice')).toContainText('Imported 1 recording');

  await context.setOffline(true);
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await openHistory(page);
  await expect.poll(() => listRows(page)).toHaveLength(1);
  await page.getByTestId('session-list').getByRole('button').first().click();
  for (const chart of ['tachogram', 'rmssd', 'coherence'])
    await expect(page.getByTestId(`chart-${chart}`)).toHaveAttribute('data-ready', 'true', {
      timeout: 10_000,
    });
  await page.getByRole('tab', { name: 'Trends' }).click();
  await expect(page.getByTestId('chart-rmssd-trend')).toHaveAttribute('data-ready', 'true', {
    timeout: 10_000,
  });
});

test('a finished resonance assessment joins the history and its trend, marked when from heart rate only', async ({
  page,
}) => {
  await page.addInitScript(
    (text) => localStorage.setItem('resonance.pacer.assessment.v1', text),
    JSON.stringify({ ...STORED_ASSESSMENT, signal: 'heart-rate' }),
  );
  await page.goto('/');
  await openHistory(page);
  await page.getByRole('tab', { name: 'Trends' }).click();
  await expect(page.getByTestId('chart-resonance')).toHaveAttribute('data-ready', 'true', {
    timeout: 10_000,
  });
  const item = page.getByTestId('assessment-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('5.5 breaths/min');
  await expect(item).toContainText('heart rate only');
  // Reloading does not store it twice.
  await page.reload();
  expect(await storeCount(page, 'assessments')).toBe(1);
});
