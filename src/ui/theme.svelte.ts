/**
 * The theme on the page: `data-theme` on <html> is always 'light' or 'dark' (app.css keys its colours on it),
 * resolved from the person's choice and, for 'system', the device's setting, followed live.
 *
 * The choice itself is a setting (state/settings.svelte.ts). A copy of it sits in localStorage under
 * THEME_HINT_KEY only so that public/theme-boot.js, a tiny script allowed by the CSP (same origin, not inline),
 * can set the theme before the first paint: no flash of the wrong theme while the database opens.
 */
import { LOCAL_KEYS } from '../adapters/storage/keys';
import type { ThemeChoice } from '../state/settings.svelte';

const THEME_HINT_KEY = LOCAL_KEYS.themeHint;

/** The browser bar's colour in each theme (index.html's theme-color). */
const BAR_COLOUR = { light: '#0f5257', dark: '#0e1514' } as const;

function resolveTheme(choice: ThemeChoice, systemDark: boolean): 'light' | 'dark' {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

/** Apply `choice()` now and whenever it or the device's setting changes; returns the teardown. */
export function followTheme(choice: () => ThemeChoice): () => void {
  const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  let systemDark = $state(media?.matches ?? false);
  const onChange = (e: MediaQueryListEvent): void => {
    systemDark = e.matches;
  };
  media?.addEventListener('change', onChange);
  const stop = $effect.root(() => {
    $effect(() => {
      const picked = choice();
      const theme = resolveTheme(picked, systemDark);
      document.documentElement.dataset.theme = theme;
      for (const meta of document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]'))
        meta.content = BAR_COLOUR[theme];
      // Only a choice other than following the device needs the copy (the boot script's default): a first visit,
      // and the app as it starts over after "delete all", keep nothing in localStorage for it.
      try {
        if (picked === 'system') localStorage.removeItem(THEME_HINT_KEY);
        else localStorage.setItem(THEME_HINT_KEY, picked);
      } catch {
        // Blocked storage: the theme is still applied, just after the database opens.
      }
    });
  });
  return () => {
    media?.removeEventListener('change', onChange);
    stop();
  };
}
