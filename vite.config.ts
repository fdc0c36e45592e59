import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';
import { metaContentSecurityPolicy, SECURITY_HEADERS } from './scripts/security-headers.ts';

/** The build's version marker: RESONANCE_VERSION when set (the update test builds twice), else package.json's. */
const appVersion =
  process.env.RESONANCE_VERSION ??
  (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string })
    .version;

/**
 * The app build. Tests use vitest.config.ts, which leaves the PWA plugin out.
 * The service worker is Workbox's generated one (precaching the whole build); the page registers it with
 * workbox-window (src/adapters/pwa/), so nothing inline is injected into index.html.
 */
/**
 * The build's Content-Security-Policy meta tag: the policy public/_headers sends as a header, without the
 * directives a meta tag cannot carry (frame-ancestors). Everything from the app's own origin, no inline script.
 * Only in builds: the dev server injects styles inline for hot reloading.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'resonance-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy() },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [
    svelte(),
    contentSecurityPolicy(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      includeAssets: ['icons/*.png', 'icons/*.svg'],
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest,txt}'],
        // Store listings only: not needed offline, and the largest files in the build.
        globIgnores: ['screenshots/**'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // Take the page of the first visit at once: otherwise it stays uncontrolled, never sees `controlling`,
        // and an update accepted in it could not reload into the new version. Updates still wait (skipWaiting).
        clientsClaim: true,
        skipWaiting: false,
      },
    }),
  ],
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(appVersion) },
  // Per checkout, so several work trees sharing one node_modules never share a cache.
  cacheDir: '.vite-cache',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Everything the first screen imports statically in one chunk: otherwise each module it shares with a
        // lazily loaded screen becomes a tiny chunk of its own, each one more request and less compression.
        codeSplitting: { groups: [{ name: 'shell', tags: ['$initial'] }] },
      },
    },
  },
  // The headers a static host sends from public/_headers, so tests and `npm start` see them too.
  preview: { port: 4173, strictPort: true, host: '127.0.0.1', headers: { ...SECURITY_HEADERS } },
  server: { port: 5173 },
});
