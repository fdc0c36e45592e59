import { expect, test, type Page } from '@playwright/test';
import { demoBackupText } from '../../scripts/screenshots/demo-history';
import { overflowingElements, PHONE_VIEWPORTS, smallTargets, wrappedText } from './overflow';

/** The screens outside a session, each reached from the app just loaded (with the demo history restored). */
const SCREENS: readonly { name: string; show: (page: Page) => Promise<void> }[] = [
  { name: 'history', show: (p) => nav(p, 'History') },
  {
    name: 'history session',
    show: async (p) => {
      await nav(p, 'History');
      await p.locator('[data-session-id]').first().getByRole('button').first().click();
      await expect(p.getByRole('button', { name: /All sessions/ })).toBeVisible();
    },
  },
  { name: 'trends', show: (p) => historyTab(p, 'Trends') },
  { name: 'calendar', show: (p) => historyTab(p, 'Calendar') },
  { name: 'print summary', show: (p) => historyTab(p, 'Print summary') },
  { name: 'your data', show: (p) => historyTab(p, 'Your data') },
  { name: 'privacy', show: (p) => nav(p, 'Privacy') },
  { name: 'about', show: (p) => nav(p, 'About') },
];

/** The rows the visible elements matching `selector` form, as one line when they differ in length ("rows of 4, 2"). */
async function unevenRows(page: Page, selector: string): Promise<string[]> {
  const tops = await page
    .locator(selector)
    .evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
  const rows = [...new Set(tops)].map((top) => tops.filter((t) => t === top).length);
  return new Set(rows).size > 1 ? [`${selector} in rows of ${rows.join(', ')}`] : [];
}

async function nav(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label }).click();
}

async function historyTab(page: Page, label: string): Promise<void> {
  await nav(page, 'History');
  await page.getByRole('tab', { name: label }).click();
}

for (const viewport of PHONE_VIEWPORTS) {
  const size = `${viewport.width}x${viewport.height}`;

  test(`first run fits on one screen with its button, details one tap away (${size})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Welcome to Resonance' })).toBeVisible();
    const button = page.getByRole('button', { name: 'I understand, continue' });
    await expect(button).toBeInViewport({ ratio: 1 });
    expect(await overflowingElements(page)).toEqual([]);
    // The whole welcome fits: nothing to scroll to.
    const scroll = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    expect(scroll).toBeLessThanOrEqual(0);

    await page.getByText('Learn more').click();
    await expect(page.getByText('Bluetooth permission')).toBeVisible();
    expect(await overflowingElements(page)).toEqual([]);
    await button.click();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await context.close();
  });

  test(`no screen outside a session is wider than the viewport or has a control under 44 px (${size})`, async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ viewport });
    await context.addInitScript(() => localStorage.setItem('resonance.first-run-done', '1'));
    const page = await context.newPage();
    await page.goto('/');
    await historyTab(page, 'Your data');
    await page.getByTestId('restore-input').setInputFiles({
      name: 'demo.json',
      mimeType: 'application/json',
      buffer: Buffer.from(demoBackupText(Date.now())),
    });
    await expect(page.getByTestId('history-notice')).toContainText('Restored 17 sessions');
    const found: Record<string, string[]> = {};
    for (const screen of SCREENS) {
      await page.goto('/');
      await screen.show(page);
      await page.waitForTimeout(300);
      found[screen.name] = [
        ...(await overflowingElements(page)),
        // History's tabs: every name on one line, in even rows.
        ...(await wrappedText(page, '[role="tab"]')),
        ...(await unevenRows(page, '[role="tab"]')),
        // The print summary's days: a table whose headings keep to one line where there is room, cards on a phone.
        ...(await wrappedText(page, 'table.days th')),
        // Every control a full-size target: the reminder's and the print summary's fields too.
        ...(await smallTargets(page, 'main')),
      ];
      if (screen.name === 'print summary' && viewport.width < 640) {
        await expect(page.getByTestId('print-day-cards').getByRole('listitem').first()).toBeVisible();
        await expect(page.locator('table.days')).toBeHidden();
      }
    }
    expect(found).toEqual(Object.fromEntries(SCREENS.map((s) => [s.name, []])));
    await context.close();
  });
}
