import { expect, test, type Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { seriousFindings, tabReach, type Finding } from './axe';
import { skipFirstRun } from './first-run';
import { openHistory, runSession, STORED_ASSESSMENT } from './history-steps';

/** A 3-minute recording from another app, so a session's detail has every chart. */
async function importRecording(page: Page, path: string): Promise<void> {
  const rr = Array.from({ length: 200 }, (_, i) => Math.round(900 + 80 * Math.sin((2 * Math.PI * i) / 10)));
  await writeFile(path, rr.join('\n'));
  await page.getByRole('tab', { name: 'Your data' }).click();
  await page.getByTestId('import-input').setInputFiles(path);
  await expect(page.getByTestId('history-notice')).toContainText('Imported 1 recording');
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every screen passes axe with no serious or critical findings (${colorScheme})`, async ({
    browser,
  }, testInfo) => {
    // Two sessions must pass 30 s to be stored (the recovery and the full disk need something written).
    test.setTimeout(240_000);
    const context = await browser.newContext({ colorScheme });
    // A finished resonance assessment, so the pacer shows its result (running one takes minutes).
    await context.addInitScript((text) => {
      if (!localStorage.getItem('resonance.pacer.assessment.v1'))
        localStorage.setItem('resonance.pacer.assessment.v1', text);
    }, JSON.stringify(STORED_ASSESSMENT));
    let page = await context.newPage();
    const screens: Record<string, Finding[]> = {};
    const check = async (name: string): Promise<void> => {
      screens[name] = await seriousFindings(page);
    };

    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Welcome to Resonance' })).toBeVisible();
    await check('first run');
    await page.getByRole('button', { name: 'I understand, continue' }).click();

    // This browser has no Web Bluetooth: the strap panel's standing note is on screen.
    await expect(page.getByTestId('strap-message')).toContainText('Chrome and Edge');
    await check('session home, before check-in, strap note');
    await page.getByRole('button', { name: 'Change session settings' }).click();
    await expect(page.locator('[data-resonance-found="5.5"]')).toBeVisible();
    await check('settings sheet, assessment result');
    await page.getByRole('button', { name: 'Done' }).click();
    // The theme switch: the other theme than the device's, checked too, then back to the device's.
    const other = colorScheme === 'light' ? 'dark' : 'light';
    await page.getByRole('radio', { name: other === 'dark' ? 'Dark' : 'Light' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', other);
    await check(`session home, switched to ${other}`);
    await page.getByRole('radio', { name: 'Match the device' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    await page.getByText('How do you feel? (optional)').click();
    await page.getByTestId('check-in-before').getByLabel('6').check();
    await check('session home, check-in chosen');
    await runSession(page, 3);
    await check('session, running');
    await page.getByRole('button', { name: 'Focus mode' }).click();
    await check('session, focus mode');
    await page.getByRole('button', { name: 'Show everything' }).click();
    await page.getByRole('button', { name: 'Session settings' }).click();
    await page.getByRole('button', { name: 'Stepped assessment' }).click();
    await expect(page.getByRole('progressbar')).toBeVisible();
    await check('assessment, running');
    await page.getByRole('button', { name: 'Cancel assessment' }).click();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Stop session' }).click();
    await expect(page.getByTestId('short-session')).toBeVisible();
    await check('session home, short session not saved');
    await page.getByRole('button', { name: 'Keep it anyway' }).click();
    await expect(page.getByTestId('check-in-after')).toBeVisible();
    await check('session summary, after check-in');
    await page.getByTestId('check-in-after').getByLabel('3').check();
    await page.getByRole('button', { name: 'Done' }).click();

    await openHistory(page);
    await importRecording(page, testInfo.outputPath('recording.txt'));
    await check('history, your data');
    await page.getByRole('tab', { name: 'Sessions' }).click();
    await expect(page.getByTestId('session-list').locator('tbody tr')).toHaveCount(2);
    await check('history, sessions');
    // The imported 3-minute recording (the older of the two) has every chart.
    await page.getByTestId('session-list').getByRole('button').last().click();
    for (const chart of ['tachogram', 'rmssd', 'coherence'])
      await expect(page.getByTestId(`chart-${chart}`)).toHaveAttribute('data-ready', 'true', {
        timeout: 10_000,
      });
    await check('history, session detail with charts');
    await page.getByRole('tab', { name: 'Trends' }).click();
    await expect(page.getByTestId('chart-rmssd-trend')).toHaveAttribute('data-ready', 'true', {
      timeout: 10_000,
    });
    await check('history, trends');
    await page.getByRole('tab', { name: 'Calendar' }).click();
    await expect(page.getByTestId('streak-current')).toHaveText('1');
    await check('history, calendar');
    await page.getByRole('tab', { name: 'Print summary' }).click();
    await expect(page.getByTestId('print-summary')).toBeVisible();
    await check('history, print summary');

    await page.getByRole('button', { name: 'Privacy' }).click();
    await check('privacy');
    await page.getByRole('button', { name: 'Delete all data' }).click();
    await expect(page.getByRole('button', { name: 'Yes, delete everything' })).toBeVisible();
    await check('privacy, confirming delete-all');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'About' }).click();
    await check('about and install');

    // The tab closing mid-session, then a full disk mid-session: the recovery notice and the storage banner.
    await page.getByRole('button', { name: 'Session' }).click();
    // Past 30 s (sessions are stored from then on) and past the next flush, so there is something to recover.
    await runSession(page, 40);
    await page.waitForTimeout(5_500);
    await page.close({ runBeforeUnload: false });
    page = await context.newPage();
    await page.goto('/');
    await expect(page.getByText(/Recovered a session/)).toBeVisible({ timeout: 10_000 });
    await check('session, recovery notice');
    await runSession(page, 3);
    await page.evaluate(() => {
      IDBObjectStore.prototype.put = function put(): IDBRequest<IDBValidKey> {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    // The first write comes once the session passes 30 s.
    await expect(page.getByTestId('storage-problem')).toBeVisible({ timeout: 60_000 });
    await check('session, storage full');

    expect(screens).toEqual(Object.fromEntries(Object.keys(screens).map((name) => [name, []])));
    expect(Object.keys(screens)).toHaveLength(21);
    await context.close();
  });
}

test('the check itself finds a serious problem when one is there', async ({ page, context }) => {
  await skipFirstRun(context);
  await page.goto('/');
  // The app mounts after its settings load: wait for its main before adding the unnamed button to it.
  await page.getByRole('button', { name: 'Start with simulated heart' }).waitFor();
  await page.evaluate(() => document.querySelector('main')?.append(document.createElement('button')));
  expect((await seriousFindings(page)).map((f) => f.id)).toContain('button-name');
});

test('the keyboard reaches the navigation and the session controls, each with a name', async ({
  page,
  context,
}) => {
  await skipFirstRun(context);
  await page.goto('/');
  const reached = await tabReach(page, 24);
  for (const expected of [
    'button:Session',
    'button:Privacy',
    'button:About',
    // The check-in is folded away on the home, one key press to open.
    'summary:How do you feel? (optional)',
    'button:Change session settings',
    'button:Start with simulated heart',
    'summary:Replay a recording',
  ]) {
    expect(reached).toContain(expected);
  }
  expect(reached.filter((r) => r.endsWith(':'))).toEqual([]);
  // The settings sheet opens from the keyboard and its controls are reached in it.
  await page.getByRole('button', { name: 'Change session settings' }).focus();
  await page.keyboard.press('Enter');
  const sheet = await tabReach(page, 30);
  for (const expected of [
    // A radio group is one stop, at its chosen radio (the default length).
    'input:10 min',
    'input:Adapt the rate to my heart',
    'input:Announce each phase for screen readers',
  ])
    expect(sheet).toContain(expected);
  expect(sheet.filter((r) => r.endsWith(':'))).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Start with simulated heart' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Stop session' })).toBeVisible();
  // While a session runs: stopping it, its settings (with the assessment) and focus mode are reachable too.
  // The navigation is hidden during practice: start from the top of the page.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const running = await tabReach(page, 20);
  for (const expected of ['button:Session settings', 'button:Stop session', 'button:Focus mode'])
    expect(running).toContain(expected);
  expect(running.filter((r) => r.endsWith(':'))).toEqual([]);
  await page.getByRole('button', { name: 'Session settings' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Stepped assessment' })).toBeEnabled({ timeout: 10_000 });
  expect(await tabReach(page, 40)).toContain('button:Stepped assessment');
});

test('the keyboard reaches every control of the history screens, each with a name', async ({
  page,
  context,
}, testInfo) => {
  await skipFirstRun(context);
  await page.goto('/');
  await openHistory(page);
  await importRecording(page, testInfo.outputPath('recording.txt'));
  /** From the tab named `tab`, chosen with the keyboard, Tab `presses` times. */
  const reach = async (tab: string, presses: number): Promise<string[]> => {
    await page.getByRole('tab', { name: tab }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('tab', { name: tab }).focus();
    return tabReach(page, presses);
  };
  const screens: Record<string, string[]> = {
    sessions: await reach('Sessions', 6),
    trends: await reach('Trends', 3),
    calendar: await reach('Calendar', 5),
    summary: await reach('Print summary', 10),
    data: await reach('Your data', 11),
  };
  await page.getByRole('tab', { name: 'Sessions' }).click();
  await page.getByTestId('session-list').getByRole('button').first().focus();
  await page.keyboard.press('Enter');
  // The detail's exports come with its beats, read from storage: wait for them before walking the controls.
  await expect(page.getByRole('button', { name: 'Export beats (.csv)' })).toBeVisible({ timeout: 10_000 });
  screens['detail'] = await tabReach(page, 14);
  const expected: Record<string, string[]> = {
    sessions: ['button:Trends', 'button:Your data'],
    trends: ['button:Calendar'],
    calendar: ['button:Previous month', 'button:Next month'],
    summary: ['input:From', 'input:To', 'button:Print or save as PDF'],
    data: [
      'button:Export full backup (.json)',
      'input:Restore from backup…',
      'input:Import RR files…',
      'input:Time',
      'button:Download reminder (.ics)',
      'button:Delete all data',
    ],
    detail: [
      'input:Note (optional)',
      'button:Export RR (.txt, for Kubios)',
      'button:Export beats (.csv)',
      'button:Delete session',
    ],
  };
  for (const [screen, names] of Object.entries(expected)) {
    for (const name of names) expect(screens[screen], screen).toContain(name);
    expect(
      screens[screen]!.filter((r) => r.endsWith(':')),
      `${screen}: controls without a name`,
    ).toEqual([]);
  }
  // The session list's rows open by keyboard: the detail came up from Enter on a row.
  await expect(page.getByRole('button', { name: '← All sessions' })).toBeVisible();
});

test('with reduced motion the guide is a still indicator with words, not a growing shape', async ({
  browser,
}) => {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  await skipFirstRun(context);
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('.pacer .still')).toBeVisible();
  await expect(page.locator('.pacer .stage')).toHaveCount(0);
  await page.getByRole('button', { name: 'Start with simulated heart' }).click();
  await expect(page.locator('.pacer .still .current')).toHaveText(/^(In|Out)$/);
  await expect(page.locator('.pacer .word')).toHaveText(/^Breathe (in|out)$/);
  await expect(page.locator('.pacer .stage')).toHaveCount(0);
  // The still bar names only the phases this pattern has (no hold in 5 s in, 5 s out), and reads as a bar, not
  // as buttons: no borders, nothing to press.
  const steps = page.locator('.pacer .still .step');
  await expect(steps).toHaveText(['In', 'Out']);
  expect(await steps.first().evaluate((el) => getComputedStyle(el).borderTopWidth)).toBe('0px');
  await expect(page.locator('.pacer .still').getByRole('button')).toHaveCount(0);
  // A pattern with holds, chosen during the session, shows them from its next breath.
  await page.getByRole('button', { name: 'Session settings' }).click();
  await page.getByLabel('Pattern').selectOption('box');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(steps).toHaveText(['In', 'Hold', 'Out', 'Hold'], { timeout: 15_000 });
  await context.close();
});

test('in the dark theme the charts draw their axis text in the theme’s muted colour, not chart.js’s grey', async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  await skipFirstRun(context);
  const page = await context.newPage();
  await page.goto('/');
  await openHistory(page);
  await importRecording(page, testInfo.outputPath('recording.txt'));
  await page.getByRole('tab', { name: 'Sessions' }).click();
  await page.getByTestId('session-list').getByRole('button').first().click();
  const canvas = page.getByTestId('chart-rmssd');
  await expect(canvas).toHaveAttribute('data-ready', 'true', { timeout: 10_000 });
  await page.waitForTimeout(500); // past chart.js's first animation frame
  /** Pixels of the chart within a small distance of each colour: chart.js's default grey and the theme's muted. */
  const counts = await canvas.evaluate((el: HTMLCanvasElement) => {
    const muted = getComputedStyle(document.documentElement).getPropertyValue('--muted').trim();
    const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const targets = { grey: rgb('#666666'), muted: rgb(muted) };
    const data = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
    const found = { grey: 0, muted: 0 };
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! < 250) continue;
      for (const key of ['grey', 'muted'] as const) {
        const [r, g, b] = targets[key];
        if (Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) < 12)
          found[key] += 1;
      }
    }
    return found;
  });
  expect(counts.grey).toBe(0);
  expect(counts.muted).toBeGreaterThan(50);
  await context.close();
});
