/**
 * The person's settings: the breathing pattern and where the pacer starts, adaptation (on, lock, band), cues and
 * their volume, the session length, the theme, and the latest resonance-rate assessment. Kept through the storage
 * module's settings store, one key per setting, so a corrupt value costs only that setting: every value is checked
 * when read and anything malformed falls back to its default (never a throw).
 *
 * Loaded once at launch (`load`), written on every change (`set`). Without storage (private mode, a failed
 * open) the settings still work for this page and say why they are not kept.
 */
import type { StorageError, StorageResult } from '../adapters/storage/database';
import { LOCAL_KEYS } from '../adapters/storage/keys';
import type { SettingValue, StoredSetting } from '../adapters/storage/schema';
import {
  checkStoredAssessment,
  parseStoredAssessment,
  type StoredAssessment,
} from '../core/pacer/assessment/result';
import { DEFAULT_CUES, type CueOptions, type SoundCue } from '../core/pacer/cues';
import { PatternError, validatePattern, type BreathPattern } from '../core/pacer/pattern';
import { PACER_PRESETS, type PacerPresetId } from '../core/pacer/presets';
import { BadValue, boolean, nullable, number, object, oneOf, valid, type Json } from '../core/validate';

export type ThemeChoice = 'light' | 'dark' | 'system';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** Session length in minutes, or open (no end). */
export type SessionLength = 5 | 10 | 15 | 20 | 'open';
export const SESSION_LENGTHS: readonly SessionLength[] = [5, 10, 15, 20, 'open'];

/** The band the adaptive controller may move in, breaths/min (inside 4-7). */
interface RateBand {
  readonly minBpm: number;
  readonly maxBpm: number;
}

export interface SettingsValues {
  /** The chosen pattern preset. */
  readonly presetId: PacerPresetId;
  /** The custom pattern (used when presetId is 'custom'). */
  readonly customPattern: BreathPattern;
  /**
   * The pattern the next session starts from (rate and in-breath share as the person, the controller or an
   * assessment last left them); null: the preset's own pattern.
   */
  readonly startPattern: BreathPattern | null;
  readonly adaptive: boolean;
  readonly locked: boolean;
  readonly band: RateBand;
  readonly cues: CueOptions;
  /** Announce each breath phase to screen readers. */
  readonly announce: boolean;
  readonly sessionLength: SessionLength;
  readonly theme: ThemeChoice;
  /** The latest finished resonance-rate assessment. */
  readonly assessment: StoredAssessment | null;
}

export const DEFAULT_SETTINGS: SettingsValues = {
  presetId: 'resonance-40-60',
  customPattern: { inhaleS: 4, holdInS: 0, exhaleS: 6, holdOutS: 0 },
  startPattern: null,
  adaptive: true,
  locked: false,
  band: { minBpm: 4, maxBpm: 7 },
  cues: DEFAULT_CUES,
  announce: false,
  sessionLength: 10,
  theme: 'system',
  assessment: null,
};

export type SettingName = keyof SettingsValues;

/**
 * The stored key of each setting. These names are on people's devices and in their backups: never rename one
 * (add a new key and read the old one instead). Listed on the privacy page.
 */
export const SETTING_KEYS: { readonly [K in SettingName]: string } = {
  presetId: 'pacer.preset',
  customPattern: 'pacer.custom-pattern',
  startPattern: 'pacer.start-pattern',
  adaptive: 'pacer.adaptive',
  locked: 'pacer.locked',
  band: 'pacer.band',
  cues: 'pacer.cues',
  announce: 'pacer.announce',
  sessionLength: 'session.length',
  theme: 'display.theme',
  assessment: 'pacer.assessment',
};

/** Where the latest assessment lived before settings moved to the database (read once, then removed). */
export const LEGACY_ASSESSMENT_KEY = LOCAL_KEYS.assessment;

type Check<T> = (value: Json, path: string) => T;

function pattern(value: Json, path: string): BreathPattern {
  const p = object(value, path);
  const seconds = (name: keyof BreathPattern) => number(p[name], `${path}.${name}`);
  const read = {
    inhaleS: seconds('inhaleS'),
    holdInS: seconds('holdInS'),
    exhaleS: seconds('exhaleS'),
    holdOutS: seconds('holdOutS'),
  };
  try {
    return validatePattern(read);
  } catch (error) {
    if (error instanceof PatternError) throw new BadValue(path, { kind: 'bad-pattern' });
    throw error;
  }
}

const SOUNDS: readonly SoundCue[] = ['off', 'tone', 'chime'];
const PRESET_IDS: readonly PacerPresetId[] = [...PACER_PRESETS.map((p) => p.id), 'custom'];

/** Each setting's check (core/validate.ts): the value when it is valid; a BadValue otherwise. */
const CHECKS: { readonly [K in SettingName]: Check<SettingsValues[K]> } = {
  presetId: (v, path) => oneOf(v, path, PRESET_IDS),
  customPattern: pattern,
  startPattern: nullable(pattern),
  adaptive: boolean,
  locked: boolean,
  band: (v, path) => {
    const b = object(v, path);
    const maxBpm = number(b['maxBpm'], `${path}.maxBpm`, -Infinity, 7);
    return { minBpm: number(b['minBpm'], `${path}.minBpm`, 4, maxBpm), maxBpm };
  },
  cues: (v, path) => {
    const c = object(v, path);
    return {
      sound: oneOf(c['sound'], `${path}.sound`, SOUNDS),
      vibration: boolean(c['vibration'], `${path}.vibration`),
      volume: number(c['volume'], `${path}.volume`, 0, 1),
    };
  },
  announce: boolean,
  sessionLength: (v, path) => oneOf(v, path, SESSION_LENGTHS),
  theme: (v, path) => oneOf(v, path, THEME_CHOICES),
  assessment: nullable(checkStoredAssessment),
};

/** Checks a value for one setting: the value, or undefined when it is not one the setting can hold. */
export function readSetting<K extends SettingName>(name: K, value: unknown): SettingsValues[K] | undefined {
  return Object.hasOwn(CHECKS, name) ? valid(CHECKS[name], value) : undefined;
}

/** What the settings need of storage (the storage module's ResonanceStore; a Map-backed fake in tests). */
export interface SettingsStorage {
  listSettings(): Promise<StorageResult<readonly StoredSetting[]>>;
  putSetting(key: string, value: SettingValue): Promise<StorageResult<void>>;
}

/** Why settings are not being kept. */
export type SettingsProblem =
  /** There is no storage: settings last until the page closes. */
  | { readonly kind: 'not-kept' }
  /** The stored settings could not be read, so the defaults are used. */
  | { readonly kind: 'unread'; readonly error: StorageError }
  /** The latest change could not be written. */
  | { readonly kind: 'unsaved'; readonly error: StorageError };

/** The old localStorage, for a one-time move of what was kept there. */
export interface LegacyStorage {
  getItem(key: string): string | null;
  removeItem(key: string): void;
}

const NAMES = Object.keys(SETTING_KEYS) as SettingName[];

export class Settings {
  #values = $state.raw<SettingsValues>(DEFAULT_SETTINGS);
  #loaded = $state(false);
  #problem = $state.raw<SettingsProblem | null>(null);
  readonly #storage: SettingsStorage | null;
  readonly #legacy: LegacyStorage | null;
  /** Writes run one after another, so the last change is the one stored. */
  #writes: Promise<void> = Promise.resolve();

  constructor(storage: SettingsStorage | null, legacy: LegacyStorage | null = null) {
    this.#storage = storage;
    this.#legacy = legacy;
  }

  /** Every setting's current value (defaults until loaded). */
  get values(): SettingsValues {
    return this.#values;
  }
  get loaded(): boolean {
    return this.#loaded;
  }
  /** Why settings are not being kept (no storage, a failed read or write); null when all is well. */
  get problem(): SettingsProblem | null {
    return this.#problem;
  }

  /** Read every stored setting, checked; a missing or malformed one keeps its default. */
  async load(): Promise<void> {
    if (!this.#storage) {
      this.#problem = { kind: 'not-kept' };
      this.#loaded = true;
      return;
    }
    const listed = await this.#storage.listSettings();
    if (!listed.ok) {
      this.#problem = { kind: 'unread', error: listed.error };
      this.#loaded = true;
      return;
    }
    const stored = new Map(listed.value.map((s) => [s.key, s.value]));
    const next: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const name of NAMES) {
      const key = SETTING_KEYS[name];
      if (!stored.has(key)) continue;
      const value = readSetting(name, stored.get(key));
      if (value !== undefined) next[name] = value;
    }
    this.#values = next as unknown as SettingsValues;
    this.#migrateLegacy(stored.has(SETTING_KEYS.assessment));
    this.#loaded = true;
  }

  /** Change one setting and store it. A value the setting cannot hold is refused (false) and nothing changes. */
  set<K extends SettingName>(name: K, value: SettingsValues[K]): boolean {
    const checked = readSetting(name, value);
    if (checked === undefined) return false;
    this.#values = { ...this.#values, [name]: checked };
    this.#write(name, checked);
    return true;
  }

  /** Back to the defaults in memory, writing nothing: after "delete all" emptied the store. */
  forget(): void {
    this.#values = DEFAULT_SETTINGS;
  }

  /** Resolves when every change so far has been written (or has failed). */
  settled(): Promise<void> {
    return this.#writes;
  }

  #write(name: SettingName, value: unknown): void {
    const storage = this.#storage;
    if (!storage) return;
    // Settings are plain JSON (patterns, numbers, words): a copy drops any reactive wrapper.
    const json = JSON.parse(JSON.stringify(value)) as SettingValue;
    this.#writes = this.#writes.then(async () => {
      const result = await storage.putSetting(SETTING_KEYS[name], json);
      this.#problem = result.ok ? null : { kind: 'unsaved', error: result.error };
    });
  }

  /** The assessment used to live in localStorage: move it into storage once. */
  #migrateLegacy(alreadyStored: boolean): void {
    let text: string | null;
    try {
      text = this.#legacy?.getItem(LEGACY_ASSESSMENT_KEY) ?? null;
    } catch {
      return;
    }
    if (text === null) return;
    const assessment = parseStoredAssessment(text);
    if (!alreadyStored && assessment) this.set('assessment', assessment);
    try {
      this.#legacy?.removeItem(LEGACY_ASSESSMENT_KEY);
    } catch {
      // Blocked storage: it is read again next time and ignored, since the database holds one now.
    }
  }
}
