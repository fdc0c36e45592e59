/** axe-core run inside the built app's pages, for the accessibility end-to-end tests. */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** axe-core's browser build, evaluated through the DevTools protocol (the page's CSP forbids inline scripts). */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Finding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Serious and critical axe violations on the page as it is now. */
export async function seriousFindings(page: Page): Promise<Finding[]> {
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

/** Tab through the page `presses` times; each focused control as `tag:accessible name` (empty name = unnamed). */
export async function tabReach(page: Page, presses: number): Promise<string[]> {
  const reached: string[] = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    reached.push(
      await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return '';
        const label = el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '';
        const labelled = el.id ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '') : '';
        const wrapping = el.closest('label')?.textContent ?? '';
        const title = el.getAttribute('title') ?? '';
        const name = (label || labelled || wrapping || title).trim().replace(/\s+/g, ' ');
        return `${el.tagName.toLowerCase()}:${name}`;
      }),
    );
  }
  return reached;
}
