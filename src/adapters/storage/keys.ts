/**
 * Every key this app keeps in the browser's localStorage, in one place. The privacy page lists them from here and
 * "delete all" removes them from here, so the page and the wipe cannot disagree; a test fails when code anywhere
 * names a `resonance.*` key that is not in this list (test/adapters/storage/keys.test.ts).
 *
 * These names are on people's devices: never rename one (add a new key and let the wipe remove the old one).
 */
export const LOCAL_KEYS = {
  /** That the person has read the first-run screen ('1'). */
  firstRun: 'resonance.first-run-done',
  /** The strap to offer for one-tap reconnection: the browser's opaque device id and the strap's name. */
  strap: 'resonance.bluetooth.strap',
  /**
   * Where versions before the settings store kept the latest assessment's result; read once at launch, moved into
   * the settings store and removed.
   */
  assessment: 'resonance.pacer.assessment.v1',
  /**
   * A copy of the theme choice (the settings store holds the real one), read by public/theme-boot.js before the
   * first paint so the page opens in the right colours.
   */
  themeHint: 'resonance.theme',
} as const;

export type LocalKeyId = keyof typeof LOCAL_KEYS;

/** Every key the app owns starts with this; the wipe also removes any such key an older version left behind. */
export const LOCAL_KEY_PREFIX = 'resonance.';

/** localStorage, or null where it is missing or blocked (some private modes throw on access). */
export function browserLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
