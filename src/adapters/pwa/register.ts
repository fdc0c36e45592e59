/** How often an open app asks whether a newer version has been published. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/** A new version waiting to take over, as the update banner needs it. */
export interface UpdateChannel {
  /** Call `listener` when a new service worker is installed and waiting (also one found waiting at load). */
  onWaiting(listener: () => void): void;
  /**
   * Let the waiting worker take over (Workbox's SKIP_WAITING message) and call `reload` once it controls this
   * page. Old precaches are deleted by the new worker itself (Workbox's cleanupOutdatedCaches).
   */
  apply(reload: () => void): void;
}

/**
 * Register the Workbox service worker that precaches the whole build, so after one visit the app loads and a
 * simulated session runs with no network. Only in production builds (the dev server has no service worker).
 * The worker never activates by itself (registerType 'prompt'): the page decides when, so nothing reloads during
 * a session. Registration waits for the page's load event (web.dev, "Service worker registration"): on a first
 * visit the worker's precaching of the whole build would otherwise compete with the first screen for the network.
 * workbox-window itself loads then too, so the first screen's script does not carry it.
 */
export function registerServiceWorker(): UpdateChannel | null {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return null;
  let ready: () => void = () => {};
  let takenOver: (() => void) | null = null;
  const failed = (error: unknown): void => {
    console.warn('Service worker registration failed; the app works online only.', error);
  };
  const loaded = new Promise<void>((resolve) => {
    if (document.readyState === 'complete') resolve();
    else window.addEventListener('load', () => resolve(), { once: true });
  });
  const workbox = loaded.then(async () => {
    const { Workbox } = await import('workbox-window');
    const wb = new Workbox('/sw.js', { scope: '/' });
    // Listening before registering: a worker found waiting at load is reported by register() itself.
    wb.addEventListener('waiting', () => ready());
    wb.addEventListener('controlling', (event) => {
      if (takenOver) takenOver();
      // Another tab accepted the new version: this page is now served by it but still runs the old code, so it
      // is offered the reload too. (The first install's take-over is not external and offers nothing.)
      else if (event.isExternal) ready();
    });
    const check = (): void => {
      wb.update().catch(() => {
        // Offline or the server is away: the next check tries again.
      });
    };
    setInterval(check, UPDATE_CHECK_INTERVAL_MS);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') check();
    });
    wb.register().catch(failed);
    return wb;
  });
  workbox.catch(failed);
  return {
    onWaiting(listener) {
      ready = listener;
    },
    apply(reload) {
      takenOver = reload;
      void Promise.all([workbox, navigator.serviceWorker.getRegistration()]).then(([wb, registration]) => {
        // Nothing waiting any more: another tab's update already took over, so only the reload is left.
        if (registration?.waiting) wb.messageSkipWaiting();
        else reload();
      }, failed);
    },
  };
}
