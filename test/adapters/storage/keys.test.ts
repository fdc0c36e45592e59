import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCAL_KEY_PREFIX, LOCAL_KEYS } from '../../../src/adapters/storage/keys';
import { ownedKeys } from '../../../src/adapters/storage/wipe';

/** Every source file of the app, its scripts and its tests (fixtures are data, not code). */
async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return e.name === 'fixtures' ? [] : sourceFiles(path);
      return /\.(ts|svelte|js)$/.test(e.name) ? [path] : [];
    }),
  );
  return nested.flat();
}

describe('the localStorage keys the app owns', () => {
  it('every resonance.* key named anywhere in the code is in the one list the wipe and the privacy page read', async () => {
    // The app's own code, including the script that sets the theme before the first paint (tests may name
    // made-up keys and file names on purpose).
    const scanned = (await Promise.all(['src', 'workers', 'public'].map(sourceFiles))).flat();
    const known = new Set<string>(Object.values(LOCAL_KEYS));
    const unknown: string[] = [];
    let seen = 0;
    for (const file of scanned) {
      const text = await readFile(file, 'utf8');
      // A key in quotes, or the start of one built in a template literal (`resonance.${...}`).
      for (const match of text.matchAll(/['"`](resonance\.[A-Za-z0-9_.${}-]*)['"`]?/g)) {
        const key = match[1]!;
        if (key === LOCAL_KEY_PREFIX) continue;
        seen += 1;
        if (key.includes('${') || !known.has(key)) unknown.push(`${file}: ${key}`);
      }
    }
    expect(unknown).toEqual([]);
    // The scan finds the list itself, so it is looking in the right places.
    expect(seen).toBeGreaterThanOrEqual(Object.keys(LOCAL_KEYS).length);
  });

  it('every key starts with the prefix, and the wipe finds the listed keys and any stray one under it', () => {
    for (const key of Object.values(LOCAL_KEYS)) expect(key.startsWith(LOCAL_KEY_PREFIX)).toBe(true);
    const items = ['resonance.old-setting', 'someone-else', LOCAL_KEYS.strap];
    const storage = { length: items.length, key: (i: number) => items[i] ?? null };
    expect(ownedKeys(storage).sort()).toEqual([...Object.values(LOCAL_KEYS), 'resonance.old-setting'].sort());
  });
});
