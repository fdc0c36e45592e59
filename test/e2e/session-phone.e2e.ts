import { expect, test, type Page } from '@playwright/test';
import { skipFirstRun } from './first-run';
import { passTime as pass, storeCount } from './history-steps';
import { overflowingElements, PHONE_VIEWPORTS, smallTargets, wrappedText } from './overflow';

/**
 * The session screens on phones held upright and sideways, and the session's life: a chosen length that ends by
 * itself into the summary, short sessions kept only when asked, and the before check-in taken by Start. Time runs
 * on Playwright's fake clock where minutes must pass (the simulated heart and the session read performance.now and
 * timers, which the clock drives); the HRV worker keeps real time, which only delays its figures.
 */

test.beforeEach(({ context }) => skipFirstRun(context));

/** Whether the element lies wholly inside the viewport as it is (nothing scrolled). */
async function inView(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height;
}

async function shownHeartRate(page: Page): Promise<number | null> {
  const text = (await page.getByTestId('heart-rate').textContent())?.trim() ?? '';
  return /^\d+$/.test(text) ? Number(text) : null;
}

/** Open the app at this size with Playwright's fake clock driving time. */
async function openAt(page: Page, viewport: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(viewport);
  await page.clock.install();
  await page.goto('/');
}

for (const viewport of PHONE_VIEWPORTS) {
  test(`at ${viewport.width}x${viewport.height} the guide and heart rate share one screen and nothing is wider than it`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await openAt(page, viewport);
    await expect(page.getByRole('button', { name: 'Start with simulated heart' })).toBeVisible();
    expect(await overflowingElements(page)).toEqual([]);
    // Home: Start is on the first screen, in its lower half, a full-size target.
    const start = await page.getByRole('button', { name: 'Start with simulated heart' }).boundingBox();
    expect(start && start.y).toBeLessThan(viewport.height - 44);
    expect(start && start.y + start.height / 2).toBeGreaterThan(viewport.height / 2);
    expect(start?.height).toBeGreaterThanOrEqual(44);
    // Start is on the first screen, wholly above the tab bar (when there is one), and so is the settings button.
    const tabBar = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
    const reachable = tabBar && tabBar.y > viewport.height / 2 ? tabBar.y : viewport.height;
    for (const name of ['Start with simulated heart', 'Change session settings']) {
      const box = await page.getByRole('button', { name }).boundingBox();
      expect(box && box.y + box.height, name).toBeLessThanOrEqual(reachable);
    }
    // The footer scrolls clear of the tab bar.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const textBottom = await page
      .locator('footer')
      .evaluate((f) => f.getBoundingClientRect().bottom - parseFloat(getComputedStyle(f).paddingBottom));
    const barNow = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
    if (barNow && barNow.y > viewport.height / 2) expect(textBottom).toBeLessThanOrEqual(barNow.y);
    await page.evaluate(() => window.scrollTo(0, 0));

    await page.getByRole('button', { name: 'Start with simulated heart' }).click();
    await expect(page.getByRole('button', { name: 'Stop session' })).toBeVisible();
    // The screen belongs to the guide: no tabs or top navigation to tap by mistake, in any orientation.
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    // The start is calm: the figures that need more beats say they are settling in, with no counts of zero and
    // no label of where the heart rate comes from.
    await expect(page.getByTestId('rmssd')).toHaveText('Settling in…');
    await expect(page.getByTestId('rmssd')).toHaveAttribute('data-state', 'settling');
    expect(await page.locator('main').innerText()).not.toMatch(/collecting|\b0 of \d|from the device|–/i);
    await expect
      .poll(async () => (await pass(page, 2), shownHeartRate(page)), { timeout: 30_000 })
      .not.toBeNull();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await inView(page, '[data-breath-phase]')).toBe(true);
    expect(await inView(page, '[data-testid="heart-rate"]')).toBe(true);
    expect(await inView(page, '[data-testid="session-time"]')).toBe(true);
    // The phase word and its seconds fit inside the disk at its smallest (0.42 of the guide).
    const guide = await page.locator('[data-breath-phase]').boundingBox();
    for (const part of ['[data-breath-phase] .word', '[data-testid="phase-seconds"]']) {
      const box = await page.locator(part).boundingBox();
      expect(box?.width ?? 0, part).toBeLessThanOrEqual((guide?.width ?? 0) * 0.42);
    }
    // "Breathe in" and "Breathe out" each on one line, and not spilling out of their box either.
    for (const phase of ['inhale', 'exhale']) {
      await expect
        .poll(
          async () => (
            await pass(page, 1),
            page.locator('[data-breath-phase]').getAttribute('data-breath-phase')
          ),
        )
        .toBe(phase);
      expect(await wrappedText(page, '[data-breath-phase] .word')).toEqual([]);
      const word = page.locator('[data-breath-phase] .word');
      expect(await word.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    }
    // The primary action sits in the lower half, where a thumb reaches, and is a full-size target.
    const stop = await page.getByRole('button', { name: 'Stop session' }).boundingBox();
    expect(stop && stop.y + stop.height / 2).toBeGreaterThan(viewport.height / 2);
    expect(stop && stop.y + stop.height).toBeLessThanOrEqual(viewport.height);
    expect(stop?.height).toBeGreaterThanOrEqual(44);
    expect(await overflowingElements(page)).toEqual([]);

    await page.getByRole('button', { name: 'Session settings' }).click();
    const sheet = page.getByRole('dialog', { name: 'Session settings' });
    await expect(sheet).toBeVisible();
    expect(await overflowingElements(page)).toEqual([]);
    // Every control is a full-size target (a checkbox through its label), and the chosen pattern's name fits
    // its menu.
    expect(await smallTargets(page, '[role="dialog"]')).toEqual([]);
    const pattern = sheet.getByLabel('Pattern');
    expect(
      await pattern.evaluate((select: HTMLSelectElement) => {
        const ctx = document.createElement('canvas').getContext('2d');
        if (!ctx) return false;
        ctx.font = getComputedStyle(select).font;
        const text = select.selectedOptions[0]?.textContent ?? '';
        return ctx.measureText(text).width + 48 <= select.clientWidth;
      }),
    ).toBe(true);
    // Volume only with a sound chosen.
    await sheet.getByLabel('Sound').selectOption('off');
    await expect(sheet.getByLabel('Volume')).toHaveCount(0);
    await sheet.getByLabel('Sound').selectOption('tone');
    await expect(sheet.getByLabel('Volume')).toBeVisible();
    await sheet.getByLabel('Sound').selectOption('off');
    await sheet.getByRole('button', { name: 'Done' }).click();
    await expect(sheet).toBeHidden();

    await page.getByRole('button', { name: 'Focus mode' }).click();
    expect(await inView(page, '[data-breath-phase]')).toBe(true);
    // Focus mode: the guide and one signal (the resonance bar), and no numbers at all.
    expect(await inView(page, '[data-testid="focus-signal"] [role="meter"]')).toBe(true);
    await expect(page.getByTestId('heart-rate')).toHaveCount(0);
    await expect(page.getByTestId('session-time')).toHaveCount(0);
    await pass(page, 1);
    expect(await page.getByRole('region', { name: 'Session in progress' }).innerText()).not.toMatch(/\d/);
    await expect(page.getByRole('button', { name: 'Stop session' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Show everything' }).click();

    await pass(page, 40);
    await page.getByRole('button', { name: 'Stop session' }).click();
    await expect(page.getByTestId('session-summary')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Your session' })).toBeVisible();
    expect(await overflowingElements(page)).toEqual([]);
    // The tiles' labels and figures each keep to one line, even at 320 px.
    const summary = '[data-testid="session-summary"]';
    expect(await wrappedText(page, `${summary} dl dt, ${summary} dl dd`)).toEqual([]);
    // A first session of under a minute is not called a first session of a few minutes.
    await expect(page.getByTestId('summary-comparison')).toHaveText(
      'Sessions of a minute or more are compared with your recent ones; this one was shorter.',
    );
    await expect(page.getByTestId('chart-top')).toHaveText(/^\d+ bpm$/);
  });
}

for (const viewport of [
  { width: 320, height: 568 },
  { width: 844, height: 390 },
]) {
  test(`at ${viewport.width}x${viewport.height} the breath's trace, once grown, pushes neither the heart rate nor Stop off the screen`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await openAt(page, viewport);
    await page.getByRole('button', { name: 'Start with simulated heart' }).click();
    // The simulated heart breathes with the guide: after some breaths its trace fills the breath readout.
    await expect
      .poll(async () => (await pass(page, 5), page.locator('[data-testid="breath-readout"] svg').count()), {
        timeout: 60_000,
      })
      .toBe(1);
    await expect.poll(async () => (await pass(page, 1), shownHeartRate(page))).not.toBeNull();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    for (const part of ['[data-breath-phase]', '[data-testid="heart-rate"]', '[data-testid="session-time"]'])
      expect(await inView(page, part), part).toBe(true);
    // Stop is on the screen and nothing lies on top of the heart rate (the sticky actions bar would).
    const stop = await page.getByRole('button', { name: 'Stop session' }).boundingBox();
    expect(stop && stop.y + stop.height).toBeLessThanOrEqual(viewport.height);
    const covered = await page.getByTestId('heart-rate').evaluate((el) => {
      const box = el.getBoundingClientRect();
      const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return top !== null && !el.contains(top);
    });
    expect(covered).toBe(false);
  });
}

test('a 5-minute session ends by itself after its last breath and shows the summary', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.clock.install();
  await page.goto('/');
  await page.getByRole('button', { name: 'Change session settings' }).click();
  await page.getByRole('radio', { name: '5 min', exact: true }).check();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('6.0 a minute · 5 min')).toBeVisible();
  await page.getByRole('button', { name: 'Start with simulated heart' }).click();
  await expect(page.getByTestId('session-time')).toHaveText('5:00');

  await pass(page, 295);
  await expect(page.getByRole('button', { name: 'Stop session' })).toBeVisible();
  await expect(page.getByTestId('session-time')).toHaveText(/^0:0\d$/);
  await pass(page, 20);
  await expect(page.getByTestId('session-summary')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop session' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Well done' })).toBeVisible();
  await expect(page.getByText('Session complete')).toBeVisible();
  // It ended within a breath of its length: adaptive pacing moves the rate from 6 a minute by at most 0.2 a minute
  // per minute, so after 5 minutes a breath lasts at most 12 s (5 a minute).
  const [m, s] = ((await page.getByTestId('summary-duration').textContent()) ?? '').split(':').map(Number);
  expect((m ?? 0) * 60 + (s ?? 0)).toBeGreaterThanOrEqual(290);
  expect((m ?? 0) * 60 + (s ?? 0)).toBeLessThanOrEqual(312);
  await expect(page.getByTestId('summary-rates')).toContainText(
    /At (\d\.\d to )?6\.0( to \d\.\d)? breaths a minute your heart rate rose/,
  );
  // The rates breathed read as a few bands, not one line per 0.1 a minute.
  const rates = await page.getByTestId('summary-rates').getByRole('listitem').allInnerTexts();
  expect(rates.length).toBeGreaterThan(0);
  expect(rates.length).toBeLessThanOrEqual(3);
  await expect(
    page.getByRole('img', { name: /^Heart rate between \d+ and \d+ bpm over 5 minutes$/ }),
  ).toBeVisible();
  await expect(page.getByTestId('summary-comparison')).toContainText('first session');
  await expect.poll(() => storeCount(page, 'sessions')).toBe(1);

  await page.getByTestId('check-in-after').getByLabel('3').check();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('button', { name: 'Start with simulated heart' })).toBeVisible();
  await expect.poll(() => storeCount(page, 'check-ins')).toBe(1);
});

test('a session under 30 s is not saved unless the person asks to keep it', async ({ page }) => {
  await page.clock.install();
  await page.goto('/');
  await page.getByRole('button', { name: 'Start with simulated heart' }).click();
  await pass(page, 10);
  await page.getByRole('button', { name: 'Stop session' }).click();
  await expect(page.getByTestId('short-session')).toContainText('Sessions under 30 seconds are not saved');
  await expect(page.getByRole('button', { name: 'Start with simulated heart' })).toBeVisible();
  await pass(page, 5);
  expect(await storeCount(page, 'sessions')).toBe(0);
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByTestId('short-session')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Start with simulated heart' })).toBeVisible();
  expect(await storeCount(page, 'sessions')).toBe(0);

  await page.getByRole('button', { name: 'Start with simulated heart' }).click();
  await pass(page, 10);
  await page.getByRole('button', { name: 'Stop session' }).click();
  await page.getByRole('button', { name: 'Keep it anyway' }).click();
  await expect(page.getByRole('heading', { name: 'Your session' })).toBeVisible();
  await expect.poll(() => storeCount(page, 'sessions')).toBe(1);
  expect(await storeCount(page, 'beat-chunks')).toBeGreaterThan(0);
});

test('the check-in filled in before Start is stored with the session, with no button of its own', async ({
  page,
}) => {
  await page.clock.install();
  await page.goto('/');
  const before = page.getByTestId('check-in-before');
  await expect(before.getByRole('button')).toHaveCount(0);
  // Folded away on the home (which is not a form), one tap to open.
  await expect(before).toBeHidden();
  await page.getByText('How do you feel? (optional)').click();
  await before.getByLabel('6').check();
  await before.getByText('Add a note').click();
  const beforeExample = await before.getByLabel('Note (optional)').getAttribute('placeholder');
  expect(beforeExample).toBeTruthy();
  await before.getByLabel('Note (optional)').fill('Busy morning');
  await page.getByRole('button', { name: 'Start with simulated heart' }).click();
  await pass(page, 40);
  await page.getByRole('button', { name: 'Stop session' }).click();
  await expect(page.getByTestId('summary-feeling')).toHaveText('Stress 6 before the session.');
  // The note after the session has an example of its own (how the session left the person, not how the day went).
  const afterNote = page.getByTestId('check-in-after').getByLabel('Note (optional)');
  await expect(afterNote).toHaveAttribute('placeholder', /\S/);
  expect(await afterNote.getAttribute('placeholder')).not.toBe(beforeExample);
  const stored = await page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('resonance');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('check-ins').objectStore('check-ins').getAll();
          req.onsuccess = () => (open.result.close(), resolve(req.result as unknown[]));
          req.onerror = () => reject(req.error);
        };
      }),
  );
  expect(stored).toEqual([expect.objectContaining({ moment: 'before', stress: 6, note: 'Busy morning' })]);
  // The next session starts without it: the form is fresh again.
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('check-in-before').getByLabel('6')).not.toBeChecked();

  // In the history the session is over: its check-ins are asked of the past, not as if it were happening now.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'History' }).click();
  await page.locator('[data-session-id]').first().getByRole('button').first().click();
  const pastBefore = page.getByTestId('session-detail').getByTestId('check-in-before');
  const pastAfter = page.getByTestId('session-detail').getByTestId('check-in-after');
  await expect(pastBefore.locator('legend')).toHaveText(/^How stressed did you feel before this session\?/);
  await expect(pastAfter.locator('legend')).toHaveText(/^How stressed did you feel after this session\?/);
  for (const form of [pastBefore, pastAfter]) await expect(form.locator('legend')).not.toContainText('now');
  await expect(pastBefore.getByLabel('6')).toBeChecked();
  await expect(pastAfter.getByLabel('Note (optional)')).not.toHaveAttribute('placeholder', beforeExample!);
});
