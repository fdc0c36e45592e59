import type { Page } from '@playwright/test';

/** The phone and landscape sizes every screen must fit (issue 10). */
export const PHONE_VIEWPORTS = [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
  { width: 412, height: 915 },
  { width: 844, height: 390 },
] as const;

/**
 * Every visible element whose right edge lies beyond the viewport, and every element that scrolls sideways, as
 * one line each ("table.sessions (412 px > 320 px): Date Duration Heart…"), for `expect(...).toEqual([])`.
 * Elements clipped by an ancestor that hides overflow are not on screen and are not reported; an element inside a
 * sideways-scrolling box is reported as that box (the problem), and of nested offenders only the outermost. The page itself scrolling sideways is reported as `page`.
 */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    const name = (el: Element): string => {
      const id = el.id ? `#${el.id}` : '';
      const testId = el.getAttribute('data-testid');
      const classes = [...el.classList].filter((c) => !c.startsWith('svelte-')).slice(0, 2);
      return `${el.tagName.toLowerCase()}${id}${classes.map((c) => `.${c}`).join('')}${testId ? `[data-testid=${testId}]` : ''}`;
    };
    const snippet = (el: Element): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    const clipped = (el: Element): boolean => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowX === 'hidden' || style.overflowX === 'clip') {
          if (a.getBoundingClientRect().right <= width + 0.5) return true;
        }
      }
      return false;
    };
    if (document.documentElement.scrollWidth > width + 0.5)
      found.push(`page (scrolls to ${document.documentElement.scrollWidth} px > ${width} px)`);
    // Only the outermost element of each problem: its descendants overflow with it.
    const reported: Element[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (reported.some((r) => r.contains(el))) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'contents') continue;
      const scrolls =
        (style.overflowX === 'auto' || style.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1;
      if (scrolls) reported.push(el);
      if (scrolls)
        found.push(
          `${name(el)} scrolls sideways (${el.scrollWidth} px in ${el.clientWidth} px): ${snippet(el)}`,
        );
      if (scrolls) continue;
      if (rect.right > width + 0.5 && !clipped(el)) {
        reported.push(el);
        found.push(`${name(el)} (right edge ${Math.round(rect.right)} px > ${width} px): ${snippet(el)}`);
      }
    }
    return found;
  });
}

/**
 * The visible elements matching `selector` whose text takes more than one line, as "text (n lines)", for
 * `expect(...).toEqual([])`: labels, tabs and the guide's word that should never break.
 */
export async function wrappedText(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.flatMap((el) => {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return [];
      const range = document.createRange();
      range.selectNodeContents(el);
      // A fragment that starts below the bottom of the line so far starts a new line (fragments of one line,
      // such as a number and its smaller unit, overlap vertically).
      const rects = [...range.getClientRects()].filter((r) => r.width > 0).sort((x, y) => x.top - y.top);
      let lines = 0;
      let bottom = -Infinity;
      for (const r of rects) {
        if (r.top >= bottom - 1) lines += 1;
        bottom = Math.max(r.top >= bottom - 1 ? r.bottom : bottom, r.bottom);
      }
      return lines > 1 ? [`${(el.textContent ?? '').trim()} (${lines} lines)`] : [];
    }),
  );
}

/**
 * Controls inside `scope` smaller than 44 px tall, as "tag name (h px)": buttons, selects and text/number/range
 * inputs themselves, checkboxes, radios and file choosers by their label (the label is the target).
 */
export async function smallTargets(page: Page, scope: string): Promise<string[]> {
  return page.locator(`${scope} :is(button, select, input)`).evaluateAll((els) =>
    els.flatMap((el) => {
      const input = el instanceof HTMLInputElement ? el : null;
      // A checkbox, a radio and a file chooser drawn as a button are tapped through their label.
      const byLabel = input && ['checkbox', 'radio', 'file'].includes(input.type);
      const target = byLabel ? input.closest('label') : el;
      const box = (target ?? el).getBoundingClientRect();
      if (box.width === 0 && box.height === 0) return [];
      const name = el.getAttribute('aria-label') ?? (target ?? el).textContent?.trim().slice(0, 30) ?? '';
      return box.height < 43.5 ? [`${el.tagName.toLowerCase()} ${name} (${Math.round(box.height)} px)`] : [];
    }),
  );
}
