import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  LEGACY_ASSESSMENT_KEY,
  SETTING_KEYS,
  Settings,
  readSetting,
  type SettingName,
} from '../../src/state/settings.svelte';
import { MapSettingsStorage } from './settings-storage';

const assessment = {
  protocol: 'stepped',
  foundBpm: 5.5,
  edge: null,
  partial: false,
  points: [{ rateBpm: 5.5, amplitudeBpm: 12, score: 0.8 }],
  notes: [],
  dateIso: '2026-11-30T08:00:00.000Z',
} as const;

async function loaded(storage: MapSettingsStorage | null, legacy: Map<string, string> | null = null) {
  const settings = new Settings(
    storage,
    legacy && {
      getItem: (k) => legacy.get(k) ?? null,
      removeItem: (k) => void legacy.delete(k),
    },
  );
  await settings.load();
  return settings;
}

describe('Settings', () => {
  it('starts from the defaults when nothing is stored', async () => {
    const settings = await loaded(new MapSettingsStorage());
    expect(settings.values).toEqual(DEFAULT_SETTINGS);
    expect(settings.loaded).toBe(true);
    expect(settings.problem).toBeNull();
  });

  it('writes each change and reads it back in a new instance (a reload)', async () => {
    const storage = new MapSettingsStorage();
    const first = await loaded(storage);
    expect(first.set('theme', 'dark')).toBe(true);
    expect(first.set('sessionLength', 'open')).toBe(true);
    expect(first.set('band', { minBpm: 4.5, maxBpm: 6 })).toBe(true);
    expect(first.set('cues', { sound: 'tone', vibration: true, volume: 0.3 })).toBe(true);
    expect(first.set('presetId', 'box')).toBe(true);
    expect(first.set('startPattern', { inhaleS: 4, holdInS: 0, exhaleS: 7, holdOutS: 0 })).toBe(true);
    expect(first.set('assessment', assessment)).toBe(true);
    await first.settled();
    expect(storage.map.get('display.theme')).toBe('dark');

    const second = await loaded(storage);
    expect(second.values).toMatchObject({
      theme: 'dark',
      sessionLength: 'open',
      band: { minBpm: 4.5, maxBpm: 6 },
      cues: { sound: 'tone', vibration: true, volume: 0.3 },
      presetId: 'box',
      startPattern: { inhaleS: 4, holdInS: 0, exhaleS: 7, holdOutS: 0 },
      assessment: { foundBpm: 5.5, dateIso: assessment.dateIso },
    });
  });

  it('gives each corrupt stored value its default without touching the others, never throwing', async () => {
    const storage = new MapSettingsStorage();
    const corrupt: Record<SettingName, unknown> = {
      presetId: 'warp-speed',
      customPattern: { inhaleS: 0.1, holdInS: 0, exhaleS: 0.1, holdOutS: 0 },
      startPattern: { inhaleS: 'four' },
      adaptive: 'yes',
      locked: 1,
      band: { minBpm: 2, maxBpm: 9 },
      cues: { sound: 'siren', vibration: false, volume: 0.5 },
      announce: null,
      sessionLength: 7,
      theme: 'purple',
      assessment: { protocol: 'stepped', foundBpm: 'five' },
    };
    for (const [name, value] of Object.entries(corrupt))
      storage.map.set(SETTING_KEYS[name as SettingName], value);
    const settings = await loaded(storage);
    expect(settings.values).toEqual(DEFAULT_SETTINGS);

    storage.map.set(SETTING_KEYS.theme, 'light');
    storage.map.set(SETTING_KEYS.cues, { sound: 'chime', vibration: false, volume: 2 });
    const again = await loaded(storage);
    expect(again.values.theme).toBe('light');
    expect(again.values.cues).toEqual(DEFAULT_SETTINGS.cues);
  });

  it('refuses a value the setting cannot hold and keeps the old one', async () => {
    const storage = new MapSettingsStorage();
    const settings = await loaded(storage);
    expect(settings.set('sessionLength', 12 as never)).toBe(false);
    expect(settings.set('band', { minBpm: 6, maxBpm: 5 })).toBe(false);
    expect(settings.set('volume' as never, 1 as never)).toBe(false);
    await settings.settled();
    expect(settings.values.sessionLength).toBe(10);
    expect(storage.map.size).toBe(0);
  });

  it('keeps working for the page without storage or when a write fails, and says so', async () => {
    const none = await loaded(null);
    expect(none.set('theme', 'dark')).toBe(true);
    expect(none.values.theme).toBe('dark');
    expect(none.problem).toEqual({ kind: 'not-kept' });

    const storage = new MapSettingsStorage();
    const settings = await loaded(storage);
    storage.failWrites = true;
    settings.set('locked', true);
    await settings.settled();
    expect(settings.values.locked).toBe(true);
    expect(settings.problem).toEqual({ kind: 'unsaved', error: { kind: 'storage-full' } });
    storage.failWrites = false;
    settings.set('locked', false);
    await settings.settled();
    expect(settings.problem).toBeNull();
  });

  it('the last of quick changes is the one stored', async () => {
    const storage = new MapSettingsStorage();
    const settings = await loaded(storage);
    for (const theme of ['dark', 'light', 'system', 'dark'] as const) settings.set('theme', theme);
    await settings.settled();
    expect(storage.map.get(SETTING_KEYS.theme)).toBe('dark');
  });

  it('moves the assessment from the old localStorage key once, and drops a corrupt one', async () => {
    const storage = new MapSettingsStorage();
    const legacy = new Map([[LEGACY_ASSESSMENT_KEY, JSON.stringify(assessment)]]);
    const settings = await loaded(storage, legacy);
    await settings.settled();
    expect(settings.values.assessment?.foundBpm).toBe(5.5);
    expect(storage.map.get(SETTING_KEYS.assessment)).toMatchObject({ foundBpm: 5.5 });
    expect(legacy.size).toBe(0);

    const broken = new Map([[LEGACY_ASSESSMENT_KEY, '{"protocol":']]);
    const fresh = await loaded(new MapSettingsStorage(), broken);
    expect(fresh.values.assessment).toBeNull();
    expect(broken.size).toBe(0);
  });

  it('readSetting accepts the custom preset and a null start pattern', () => {
    expect(readSetting('presetId', 'custom')).toBe('custom');
    expect(readSetting('startPattern', null)).toBeNull();
    expect(readSetting('sessionLength', '5')).toBeUndefined();
  });
});
