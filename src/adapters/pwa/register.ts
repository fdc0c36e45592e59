import { Workbox } from 'workbox-window';

/**
 * Register the Workbox service worker that precaches the whole build, so after one visit the app loads and a
 * simulated session runs with no network. Only in production builds (the dev server has no service worker).
 */
export function registerServiceWorker(): Workbox | null {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return null;
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.register().catch((error: unknown) => {
    console.warn('Service worker registration failed; the app works online only.', error);
  });
  return wb;
}
