import type { StorageResult } from '../../src/adapters/storage/database';
import type { SettingValue, StoredSetting } from '../../src/adapters/storage/schema';
import type { SettingsStorage } from '../../src/state/settings.svelte';

/** The settings store as a Map; `failWrites` makes every write fail like a full disk. */
export class MapSettingsStorage implements SettingsStorage {
  readonly map = new Map<string, unknown>();
  failWrites = false;

  async listSettings(): Promise<StorageResult<StoredSetting[]>> {
    return { ok: true, value: [...this.map].map(([key, value]) => ({ key, value: value as SettingValue })) };
  }

  async putSetting(key: string, value: SettingValue): Promise<StorageResult<void>> {
    if (this.failWrites) return { ok: false, error: { kind: 'storage-full' } };
    this.map.set(key, value);
    return { ok: true, value: undefined };
  }
}
