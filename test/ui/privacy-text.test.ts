import { describe, expect, it } from 'vitest';
import { LOCAL_KEYS, type LocalKeyId } from '../../src/adapters/storage/keys';
import { STORE, type StoreName } from '../../src/adapters/storage/schema';
import { keysSummary, LOCAL_KEY_SHORT, STORE_SHORT, storesSummary } from '../../src/ui/privacy-text';

describe('the privacy page’s summaries', () => {
  it('count every store of the database and name each in a few words', () => {
    const stores: StoreName[] = Object.values(STORE);
    const text = storesSummary(stores);
    expect(text.startsWith(`${stores.length} kinds of record: `)).toBe(true);
    for (const store of stores) expect(text).toContain(STORE_SHORT[store]);
    expect(text.endsWith(` and ${STORE_SHORT[stores.at(-1)!]}.`)).toBe(true);
  });

  it('count every local-storage key and name each in a few words', () => {
    const keys = Object.keys(LOCAL_KEYS) as LocalKeyId[];
    const text = keysSummary(keys);
    expect(text.startsWith(`${keys.length} small keys: `)).toBe(true);
    for (const key of keys) expect(text).toContain(LOCAL_KEY_SHORT[key]);
  });

  it('reads well for one and for two', () => {
    expect(storesSummary(['sessions'])).toBe('1 kind of record: your sessions.');
    expect(keysSummary(['firstRun', 'themeHint'])).toBe(
      `2 small keys: ${LOCAL_KEY_SHORT.firstRun} and ${LOCAL_KEY_SHORT.themeHint}.`,
    );
  });
});
