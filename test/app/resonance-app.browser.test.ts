import { afterEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { ResonanceApp } from '../../src/app/resonance-app.svelte';
import { ReplaySource } from '../../src/adapters/sources/replay-source';
import { ResonanceStore } from '../../src/adapters/storage/store';
import { Settings } from '../../src/state/settings.svelte';
import { uniqueDbName } from '../adapters/storage/fixtures';

const apps: ResonanceApp[] = [];
const names: string[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) app.dispose();
  for (const name of names.splice(0)) await deleteDB(name);
});

/** The app as main.ts builds it, on a database of its own (and no local storage). */
async function build(): Promise<ResonanceApp> {
  const name = uniqueDbName('app');
  names.push(name);
  const opened = await ResonanceStore.open(name);
  const settings = new Settings(opened.ok ? opened.value : null, null);
  await settings.load();
  const app = new ResonanceApp({ settings, opened, installPrompts: () => {} });
  apps.push(app);
  return app;
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const endMs = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > endMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the composition root', () => {
  it('opens storage at launch and only then lets the data controls work', async () => {
    const app = await build();
    expect(app.storageReady).toBe(false);
    expect(app.history.loaded).toBe(false);
    await app.launch();
    expect(app.storageReady).toBe(true);
    expect(app.history.loaded).toBe(true);
    expect(app.history.sessions).toEqual([]);
    expect(app.history.notice).toBeNull();
  });

  it('wires the recorder to the session: a session stopped here joins the history without a reload', async () => {
    const app = await build();
    await app.launch();
    // 60 beats of 1 s played 100 times faster: past the 30 s a session needs to be kept.
    const source = new ReplaySource(
      'replay',
      Array.from({ length: 60 }, () => 1000),
      { speed: 100 },
    );
    await app.session.start(source);
    await until(() => !app.session.running);
    await until(() => app.history.sessions.length === 1);
    expect(app.history.sessions[0]?.summary.beatCount).toBeGreaterThanOrEqual(59);
    expect(app.history.sessions[0]?.end).toBe('stopped');
  });

  it('deletes everything through every part, and refuses nothing when no other tab runs a session', async () => {
    const app = await build();
    await app.launch();
    const outcome = await app.deleteAll();
    expect('refused' in outcome).toBe(false);
    expect(app.history.sessions).toEqual([]);
    expect(app.pwa.firstRunDone).toBe(false);
  });
});
