import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { playwright } from '@vitest/browser-playwright';
import { chromiumArgs, chromiumPath } from './scripts/chromium.ts';

/** Unit tests in node and tests in a real Chromium; kept apart from vite.config.ts so the PWA plugin stays out. */
export default defineConfig({
  plugins: [svelte()],
  // Per checkout, so several work trees sharing one node_modules never share a cache.
  cacheDir: '.vite-cache',
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          // Every core: the default leaves one idle, and the validation panels are CPU-bound (97 s -> 57 s on 2).
          maxWorkers: '100%',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.browser.test.ts', 'test/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/**/*.browser.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromiumPath(), args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
