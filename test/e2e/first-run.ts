import type { BrowserContext, Page } from '@playwright/test';

/**
 * Mark the welcome screen as read before any page of `target` loads (the key the app's shell settings use), for
 * tests that are about something else.
 */
export async function skipFirstRun(target: Page | BrowserContext): Promise<void> {
  await target.addInitScript(() => localStorage.setItem('resonance.first-run-done', '1'));
}

/** Wait until the page's service worker is active and controls nothing stale: the app is cached for offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker && worker.state !== 'activated') {
      await new Promise<void>((resolve) =>
        worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()),
      );
    }
  });
}
