import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { skipFirstRun } from './first-run';

/** axe-core's browser build, evaluated through the DevTools protocol (the page's CSP forbids inline scripts). */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

async function seriousFindings(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        targets: v.nodes.map((n) => String(n.target)),
      }));
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every screen passes axe with no serious or critical findings (${colorScheme})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    const screens: Record<string, Finding[]> = {};

    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Welcome to Resonance' })).toBeVisible();
    screens['first run'] = await seriousFindings(page);
    await page.getByRole('button', { name: 'I understand, continue' }).click();

    screens['session, idle'] = await seriousFindings(page);
    await page.getByRole('button', { name: 'Start with simulated heart' }).click();
    await expect(page.getByTestId('heart-rate')).toHaveText(/^\d+$/, { timeout: 10_000 });
    screens['session, running'] = await seriousFindings(page);
    await page.getByRole('button', { name: 'Stop session' }).click();

    await page.getByRole('button', { name: 'Privacy' }).click();
    screens['privacy'] = await seriousFindings(page);
    await page.getByRole('button', { name: 'About' }).click();
    screens['about and install'] = await seriousFindings(page);

    expect(screens).toEqual({
      'first run': [],
      'session, idle': [],
      'session, running': [],
      privacy: [],
      'about and install': [],
    });
    await context.close();
  });
}

test('the check itself finds a serious problem when one is there', async ({ page, context }) => {
  await skipFirstRun(context);
  await page.goto('/');
  await page.evaluate(() => document.querySelector('main')?.append(document.createElement('button')));
  expect((await seriousFindings(page)).map((f) => f.id)).toContain('button-name');
});

test('the keyboard reaches the navigation and the session controls, each with a name', async ({
  page,
  context,
}) => {
  await skipFirstRun(context);
  await page.goto('/');
  const reached: string[] = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    reached.push(
      await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return '';
        const label = el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '';
        const labelled = el.id ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '') : '';
        const wrapping = el.closest('label')?.textContent ?? '';
        return `${el.tagName.toLowerCase()}:${(label || labelled || wrapping).trim().replace(/\s+/g, ' ')}`;
      }),
    );
  }
  for (const expected of [
    'button:Session',
    'button:Privacy',
    'button:About',
    'button:Start with simulated heart',
  ]) {
    expect(reached).toContain(expected);
  }
  expect(reached.filter((r) => r.endsWith(':'))).toEqual([]);
  await page.getByRole('button', { name: 'Start with simulated heart' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Stop session' })).toBeVisible();
});

test('with reduced motion the pacer fills a bar instead of growing a circle', async ({ browser }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  await skipFirstRun(context);
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('.pacer .track')).toBeVisible();
  await expect(page.locator('.pacer .circle')).toHaveCount(0);
  await context.close();
});
