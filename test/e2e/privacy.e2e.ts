import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { LOCAL_KEYS } from '../../src/adapters/storage/keys';
import { STORE } from '../../src/adapters/storage/schema';
import { SETTING_KEYS } from '../../src/state/settings.svelte';
import { appUrl, EmulatedStrap, hrmPacket, launchStrapBrowser } from './bluetooth-peripheral';
import { skipFirstRun } from './first-run';
import { recordedBeats, runSession, stopAndKeep, storeCount, STORED_ASSESSMENT } from './history-steps';
import { overflowingElements } from './overflow';

/** Every record in every store of the app's database, and every localStorage key, read with the raw APIs. */
async function leftBehind(page: Page): Promise<{ records: Record<string, number>; keys: string[] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('resonance');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => resolve(open.result);
    });
    const records: Record<string, number> = {};
    for (const name of [...db.objectStoreNames]) {
      records[name] = await new Promise<number>((resolve, reject) => {
        const req = db.transaction(name).objectStore(name).count();
        req.onerror = () => reject(req.error);
        req.onsuccess = () => resolve(req.result);
      });
    }
    db.close();
    return { records, keys: Object.keys(localStorage) };
  });
}

const total = (records: Record<string, number>) => Object.values(records).reduce((a, b) => a + b, 0);
const permittedStraps = (page: Page) =>
  page.evaluate(async () => (await navigator.bluetooth.getDevices()).map((d) => d.name));

test('delete all leaves no record, no key and no strap permission, before and after a reload, and starts over', async () => {
  const { browser, context, page } = await launchStrapBrowser({ firstRun: 'show' });
  try {
    // An assessment as the pacer keeps it (a real one takes minutes); the launch puts it in the history too. Seeded
    // once per tab (sessionStorage survives the reload below), so the reload after the wipe starts clean.
    await page.addInitScript(
      ([key, text]) => {
        if (sessionStorage.getItem('seeded')) return;
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem(key!, text!);
      },
      [LOCAL_KEYS.assessment, JSON.stringify(STORED_ASSESSMENT)],
    );
    const strap = await EmulatedStrap.attach(browser, context, page, {
      address: '09:09:09:09:09:21',
      name: 'Polar H10 5E5E5E5E',
      batteryPercent: 70,
      manufacturer: 'Polar Electro Oy',
    });
    await page.goto(appUrl);
    await page.getByRole('button', { name: 'I understand, continue' }).click();
    // A theme other than the device's leaves its copy for the first paint in localStorage.
    await page.getByRole('radio', { name: 'Dark' }).click();

    await expect.poll(async () => (await leftBehind(page)).records['assessments']).toBe(1);
    // Pacer settings, kept in the settings store.
    await page.getByRole('button', { name: 'Change session settings' }).click();
    await page.getByLabel('Pattern').selectOption('box');
    await page.getByLabel('Sound').selectOption('chime');
    await page.getByRole('button', { name: 'Done' }).click();
    // A session from the paired strap.
    await page.getByRole('button', { name: 'Connect a heart-rate strap' }).click();
    await expect(page.locator('[data-source-state]')).toHaveAttribute('data-source-state', 'live');
    for (let i = 0; i < 12; i += 1) {
      await page.waitForTimeout(850);
      await strap.notify(hrmPacket(70, [850]));
    }
    await expect(page.getByTestId('session-beats')).toHaveText('12');
    await stopAndKeep(page);
    await expect.poll(async () => (await leftBehind(page)).records['sessions']).toBe(1);
    // Its summary; then the strap is remembered for one-tap reconnection, and the browser keeps its permission.
    const summaryDone = page.getByRole('button', { name: 'Done' });
    await expect(summaryDone.or(page.getByRole('button', { name: /^Connect Polar/ })).first()).toBeVisible();
    if (await summaryDone.isVisible()) await summaryDone.click();
    await expect(page.getByRole('button', { name: 'Connect Polar H10 5E5E5E5E' })).toBeVisible();

    const before = await leftBehind(page);
    expect(before.records['sessions']).toBe(1);
    expect(before.records['beat-chunks']).toBeGreaterThan(0);
    // The settings (the assessment moved there from its old local key too), and every key but that old one.
    expect(before.records['settings']).toBeGreaterThanOrEqual(3);
    const { assessment: _moved, ...kept } = LOCAL_KEYS;
    expect(before.keys.sort()).toEqual(Object.values(kept).sort());
    expect(await permittedStraps(page)).toEqual(['Polar H10 5E5E5E5E']);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Privacy' }).click();
    await page.getByText('What each holds').click();
    await page.getByText('Each key by name').click();
    for (const key of [...Object.values(LOCAL_KEYS), ...Object.values(SETTING_KEYS)])
      await expect(page.getByText(key, { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Delete all data' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();

    // As on a first visit, at once.
    await expect(page.getByRole('heading', { name: 'Welcome to Resonance' })).toBeVisible();
    await expect(page.getByTestId('app-notice')).toHaveText(
      'Everything Resonance stored in this browser has been deleted.',
    );
    await page.waitForTimeout(1000);
    const after = await leftBehind(page);
    expect(total(after.records)).toBe(0);
    expect(after.keys).toEqual([]);
    expect(await permittedStraps(page)).toEqual([]);

    // And after a reload: nothing comes back, and the app still starts over.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Welcome to Resonance' })).toBeVisible();
    await page.waitForTimeout(1000);
    const reloaded = await leftBehind(page);
    expect(total(reloaded.records)).toBe(0);
    expect(reloaded.keys).toEqual([]);
    await page.getByRole('button', { name: 'I understand, continue' }).click();
    await expect(page.getByRole('button', { name: 'Connect a heart-rate strap' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Polar H10/ })).toHaveCount(0);
    await strap.close();
  } finally {
    await browser.close();
  }
});

test('on a phone the stored records and keys are a line each, every one by name a tap away', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  await skipFirstRun(context);
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Privacy' }).click();
  const names = [...Object.values(LOCAL_KEYS), ...Object.values(SETTING_KEYS)];
  // Each place says in a line how much it holds; the names wait behind the disclosures.
  await expect(page.getByTestId('privacy-stores-summary')).toContainText(
    `${Object.keys(STORE).length} kinds of record`,
  );
  await expect(page.getByTestId('privacy-keys-summary')).toContainText(
    `${Object.keys(LOCAL_KEYS).length} small keys`,
  );
  for (const key of names) await expect(page.getByText(key, { exact: true })).toBeHidden();
  const folded = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.getByText('What each holds').click();
  await page.getByText('Each key by name').click();
  for (const key of names) await expect(page.getByText(key, { exact: true })).toBeVisible();
  for (const store of Object.values(STORE))
    await expect(page.locator(`[data-store="${store}"]`)).toBeVisible();
  // Folded, the page is far shorter than with every name shown, and it never scrolls sideways.
  const unfolded = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(folded).toBeLessThan(unfolded - 640);
  expect(await overflowingElements(page)).toEqual([]);
  await context.close();
});

test('the privacy page exports everything, its button named as the history’s', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'I understand, continue' }).click();
  await runSession(page, 5);
  await stopAndKeep(page);
  await expect.poll(() => storeCount(page, 'sessions')).toBe(1);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Privacy' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export full backup (.json)' }).click();
  const download = await downloading;
  const backup = JSON.parse(await readFile(await download.path(), 'utf8')) as { sessions?: unknown[] };
  expect(backup.sessions).toHaveLength(1);
});

test('delete all waits for a session in another tab, then every open tab starts over', async ({
  context,
}) => {
  const first = await context.newPage();
  await first.goto('/');
  await first.getByRole('button', { name: 'I understand, continue' }).click();
  const second = await context.newPage();
  await second.goto('/');
  await first.getByRole('button', { name: 'Start with simulated heart' }).click();
  await expect.poll(() => recordedBeats(first), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);

  await second.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Privacy' }).click();
  await second.getByRole('button', { name: 'Delete all data' }).click();
  await second.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(second.getByTestId('app-notice')).toContainText('Nothing was deleted');
  expect((await leftBehind(second)).keys).toContain(LOCAL_KEYS.firstRun);

  await stopAndKeep(first);
  await expect.poll(() => storeCount(second, 'sessions')).toBe(1);
  await second.getByRole('button', { name: 'Delete all data' }).click();
  await second.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(second.getByRole('heading', { name: 'Welcome to Resonance' })).toBeVisible();
  // The other tab starts over as well, and writes nothing back.
  await expect(first.getByRole('heading', { name: 'Welcome to Resonance' })).toBeVisible();
  await first.waitForTimeout(1000);
  const after = await leftBehind(first);
  expect(total(after.records)).toBe(0);
  expect(after.keys).toEqual([]);
});
