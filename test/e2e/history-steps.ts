/** Shared steps of the history end-to-end tests. */
import { expect, type Page } from '@playwright/test';

/** Beats the session screen says it has recorded. */
export async function recordedBeats(page: Page): Promise<number> {
  const text = (await page.getByTestId('saving').textContent()) ?? '';
  return Number(/(\d+)\s+beats/.exec(text)?.[1] ?? NaN);
}

/** Records in one store of the app's database right now (read with the raw API, not the app's code). */
export async function storeCount(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('resonance');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).count();
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
        };
      }),
    store,
  );
}

/** Beats of all sessions as stored in IndexedDB right now. */
export async function storedBeats(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('resonance');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('beat-chunks').objectStore('beat-chunks').getAll();
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const chunks = req.result as { rrMs: ArrayLike<number> }[];
            open.result.close();
            resolve(chunks.reduce((n, c) => n + c.rrMs.length, 0));
          };
        };
      }),
  );
}

export async function openHistory(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'History' }).click();
}

export async function listRows(page: Page): Promise<string[]> {
  return page.getByTestId('session-list').locator('tbody tr').allInnerTexts();
}

/** Run a simulated session until at least `beats` beats are recorded. */
export async function runSession(page: Page, beats: number): Promise<void> {
  await page.getByRole('button', { name: 'Start with simulated heart' }).click();
  await expect.poll(() => recordedBeats(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(beats);
}

/**
 * Let `seconds` pass on Playwright's fake clock (`page.clock.install()` before the page loads), in steps so every
 * timer and frame keeps up. The simulated heart, the session and the recorder read performance.now and timers,
 * which the clock drives; the HRV worker keeps real time, which only delays its figures.
 */
export async function passTime(page: Page, seconds: number): Promise<void> {
  for (let s = 0; s < seconds; s += 5) await page.clock.runFor(Math.min(5, seconds - s) * 1000);
}

/**
 * Stop the running session and keep it although it is under 30 s: such a session is not saved unless the person
 * asks, with "Keep it anyway" on the short-session note after Stop.
 */
export async function stopAndKeep(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Stop session' }).click();
  await page.getByRole('button', { name: 'Keep it anyway' }).click();
  await expect(page.getByTestId('short-session')).toHaveCount(0);
}

/** Open the newest session of the History list (a table on wide screens, cards on phones). */
export async function openNewestSession(page: Page): Promise<void> {
  await page.locator('[data-session-id]').first().getByRole('button').first().click();
}

/** A finished stepped resonance assessment as the pacer stores it in localStorage. */
export const STORED_ASSESSMENT = {
  protocol: 'stepped',
  foundBpm: 5.5,
  points: [
    { rateBpm: 6, amplitudeBpm: 9, score: 0.5 },
    { rateBpm: 5.5, amplitudeBpm: 13, score: 0.9 },
  ],
  notes: [],
  dateIso: '2026-11-20T07:40:00.000Z',
};
