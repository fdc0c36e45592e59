import { describe, expect, it } from 'vitest';
import { FIRST_RUN_KEY, localShellSettings } from '../../../src/adapters/pwa/shell-settings';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('localShellSettings', () => {
  it('remembers the first run across instances through storage', async () => {
    const storage = memoryStorage();
    expect(await localShellSettings(storage).firstRunDone()).toBe(false);
    await localShellSettings(storage).setFirstRunDone();
    expect(storage.items.get(FIRST_RUN_KEY)).toBe('1');
    expect(await localShellSettings(storage).firstRunDone()).toBe(true);
  });

  it('still lets the person past the welcome screen when storage refuses', async () => {
    const refusing = {
      getItem: (): string | null => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const settings = localShellSettings(refusing);
    expect(await settings.firstRunDone()).toBe(false);
    await settings.setFirstRunDone();
    expect(await settings.firstRunDone()).toBe(true);
    expect(await localShellSettings(null).firstRunDone()).toBe(false);
  });
});
