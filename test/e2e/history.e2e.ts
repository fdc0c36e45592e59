/**
 * History end to end against the built app: a crashed tab's session comes back with its beats up to the last
 * flush; a full backup restored in a fresh browser profile gives the same history; bad files import nothing.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBackup } from '../../src/core/export/backup';
import { skipFirstRun, waitForServiceWorker } from './first-run';

test.beforeEach(({ context }) => skipFirstRun(context));

async function recordedBeats(page: Page): Promise<number> {
  const text = (await page.getByTestId('saving').textContent()) ?? '';
  return Number(/(\d+) beats/.exec(text)?.[1] ?? NaN);
}

/** Beats of all sessions as stored in IndexedDB right now (read with the raw API, not the app's code). */
async function storedBeats(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('resonance');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('beat-chunks').objectStore('beat-chunks').getAll();
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const chunks = req.result as { rrMs: number[] }[];
            open.result.close();
            resolve(chunks.reduce((n, c) => n + c.rrMs.length, 0));
          };
        };
      }),
  );
}

async function openHistory(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'History' }).click();
}

async function listRows(page: Page): Promise<string[]> {
  return page.getByTestId('session-list').locator('tbody tr').allInnerTexts();
}

/** Run a simulated session until at least `beats` beats are recorded. */
async function runSession(page: Page, beats: number): Promise<void> {
  await page.getByRole('button', { name: 'Start with simulated heart' }).click();
  await expect.poll(() => recordedBeats(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(beats);
}

test('a session survives a closed tab: it is there on the next launch with beats up to the last 5 s', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto('/');
  await runSession(page, 10);
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
  expect(csv[0]).toBe('time_s,rr_ms,after_gap,artifact,pacer_rate_bpm,pacer_phase');
  expect(csv).toHaveLength(stored + 1);
});

test('a full backup restored in a fresh browser profile gives the same history', async ({ browser }) => {
  const first = await browser.newContext();
  await skipFirstRun(first);
  const page = await first.newPage();
  await page.goto('/');
  await page.getByTestId('check-in-before').getByLabel('7').check();
  await page.getByTestId('check-in-before').getByRole('button', { name: 'Use for the next session' }).click();
  await runSession(page, 8);
  await page.getByRole('button', { name: 'Stop session' }).click();
  await page.getByTestId('check-in-after').getByLabel('4').check();
  await page
    .getByTestId('check-in-after')
    .getByRole('button', { name: 'Save after-session check-in' })
    .click();
  await openHistory(page);
  await expect(page.getByTestId('session-list')).toBeVisible();
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
  await expect(restored.getByTestId('history-notice')).toContainText('Restored 0 sessions; 1 already here');
  await restored.getByRole('tab', { name: 'Sessions' }).click();
  expect(await listRows(restored)).toEqual(original);
  // The calendar counts today's practice, and the printable summary covers it.
  await restored.getByRole('tab', { name: 'Calendar' }).click();
  await expect(restored.getByTestId('streak-current')).toHaveText('1');
  await restored.getByRole('tab', { name: 'Print summary' }).click();
  await expect(restored.getByTestId('print-summary')).toContainText('1 session on 1 day');
  await fresh.close();
});

test('bad files get a message naming what and where, and nothing is imported', async ({ page }) => {
  await page.goto('/');
  await openHistory(page);
  await page.getByRole('tab', { name: 'Your data' }).click();
  const dir = tmpdir();

  const badBackup = join(dir, `bad-backup-${Date.now()}.json`);
  const goodSession = {
    session: {
      id: 'x1',
      startTimeMs: 1_700_000_000_000,
      sourceKind: 'replay',
      sourceLabel: 'file',
      durationMs: 2000,
      status: 'finished',
      end: 'imported',
      summary: {
        beatCount: 2,
        artifactCount: 0,
        meanHeartRateBpm: 60,
        rmssdMs: null,
        coherence: null,
        breathingRateBpm: null,
      },
      checkInBefore: null,
      checkInAfter: null,
    },
    beats: {
      rrMs: [1000, 1000],
      timeMs: [1000, 2000],
      pacerRateBpm: [null, null],
      pacerPhase: [null, null],
      gaps: [],
      artifacts: [],
    },
  };
  const badSession = {
    ...goodSession,
    session: { ...goodSession.session, id: 'x2' },
    beats: { ...goodSession.beats, rrMs: [1000, 'oops'] },
  };
  await writeFile(
    badBackup,
    JSON.stringify({
      format: 'resonance-backup',
      version: 1,
      exportedAtMs: 1,
      sessions: [goodSession, badSession],
      assessments: [],
      settings: [],
    }),
  );
  await page.getByTestId('restore-input').setInputFiles(badBackup);
  const notice = page.getByTestId('history-notice');
  await expect(notice).toContainText('Nothing was restored');
  await expect(notice).toContainText('sessions[1].beats.rrMs[1]');

  const badRr = join(dir, `bad-${Date.now()}.txt`);
  await writeFile(badRr, '812\n790\nabc\n801\n');
  const goodRr = join(dir, `good-${Date.now()}.txt`);
  await writeFile(goodRr, 'RR\n812\n790\n801\n');
  await page.getByTestId('import-input').setInputFiles([goodRr, badRr]);
  await expect(notice).toContainText('Nothing was imported');
  await expect(notice).toContainText('line 3');

  await page.getByRole('tab', { name: 'Sessions' }).click();
  await expect(page.getByTestId('no-sessions')).toBeVisible();

  // The good file alone imports.
  await page.getByRole('tab', { name: 'Your data' }).click();
  await page.getByTestId('import-input').setInputFiles(goodRr);
  await expect(notice).toContainText('Imported 1 recording');
  // Importing the same file again adds no duplicate.
  await page.getByTestId('import-input').setInputFiles(goodRr);
  await expect(notice).toContainText('Imported 0 recordings; 1 recording was already here');
  await page.getByRole('tab', { name: 'Sessions' }).click();
  expect(await listRows(page)).toHaveLength(1);

  // Delete it again (after confirming).
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('session-list').getByRole('button').first().click();
  await page.getByRole('button', { name: 'Delete session' }).click();
  await expect(page.getByTestId('no-sessions')).toBeVisible();
});

test('on a full disk the app says so, the session goes on in memory, and it can be exported', async ({
  page,
}) => {
  await page.goto('/');
  await runSession(page, 3);
  // From now on every write fails the way a full disk makes it fail.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function put(): IDBRequest<IDBValidKey> {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const problem = page.getByTestId('storage-problem');
  await expect(problem).toContainText('Storage on this device is full', { timeout: 10_000 });
  const before = await recordedBeats(page);
  await expect.poll(() => recordedBeats(page), { timeout: 10_000 }).toBeGreaterThan(before + 2);

  const download = page.waitForEvent('download');
  await problem.getByRole('button', { name: 'Export this session (.json)' }).click();
  const path = join(tmpdir(), `in-memory-${Date.now()}.json`);
  await (await download).saveAs(path);
  const parsed = parseBackup(await readFile(path, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problem.message);
  expect(parsed.backup.sessions).toHaveLength(1);
  expect(parsed.backup.sessions[0]!.beats.rrMs.length).toBeGreaterThan(before + 2);
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
  expect(await listRows(page)).toHaveLength(1);
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

test('a finished resonance assessment joins the history and its trend', async ({ page }) => {
  const stored = {
    protocol: 'stepped',
    foundBpm: 5.5,
    points: [
      { rateBpm: 6, amplitudeBpm: 9, score: 0.5 },
      { rateBpm: 5.5, amplitudeBpm: 13, score: 0.9 },
    ],
    notes: [],
    dateIso: '2026-11-20T07:40:00.000Z',
  };
  await page.addInitScript(
    (text) => localStorage.setItem('resonance.pacer.assessment.v1', text),
    JSON.stringify(stored),
  );
  await page.goto('/');
  await openHistory(page);
  await page.getByRole('tab', { name: 'Trends' }).click();
  await expect(page.getByTestId('chart-resonance')).toHaveAttribute('data-ready', 'true', {
    timeout: 10_000,
  });
  // Reloading does not store it twice.
  await page.reload();
  const count = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('resonance');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('assessments').objectStore('assessments').count();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        };
      }),
  );
  expect(count).toBe(1);
});
