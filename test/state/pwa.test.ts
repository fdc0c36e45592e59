import { describe, expect, it } from 'vitest';
import { PwaState, type PwaDeps } from '../../src/state/pwa.svelte';
import type { UpdateChannel } from '../../src/adapters/pwa/register';
import type { PlatformInfo } from '../../src/adapters/pwa/platform';

class FakeUpdates implements UpdateChannel {
  waiting: (() => void) | null = null;
  applied = 0;
  takeOver: (() => void) | null = null;
  onWaiting(listener: () => void) {
    this.waiting = listener;
  }
  apply(reload: () => void) {
    this.applied += 1;
    this.takeOver = reload;
  }
}

const desktop: PlatformInfo = { ios: false, macSafari: false, standalone: false, bluetooth: true };

function setup(platform: PlatformInfo = desktop) {
  const updates = new FakeUpdates();
  const flags = { running: false, reloads: 0, firstRun: false };
  const deps: PwaDeps = {
    updates,
    sessionRunning: () => flags.running,
    platform,
    settings: {
      firstRunDone: async () => flags.firstRun,
      setFirstRunDone: async () => {
        flags.firstRun = true;
      },
    },
    reload: () => (flags.reloads += 1),
  };
  return { pwa: new PwaState(deps), updates, flags };
}

describe('PwaState updates', () => {
  it('offers a waiting version only between sessions and reloads once the new worker controls the page', () => {
    const { pwa, updates, flags } = setup();
    expect(pwa.offerUpdate).toBe(false);
    flags.running = true;
    updates.waiting?.();
    expect(pwa.updateWaiting).toBe(true);
    expect(pwa.offerUpdate).toBe(false);
    expect(pwa.acceptUpdate()).toBe(false);
    expect(updates.applied).toBe(0);

    flags.running = false;
    expect(pwa.offerUpdate).toBe(true);
    expect(pwa.acceptUpdate()).toBe(true);
    expect(updates.applied).toBe(1);
    expect(pwa.offerUpdate).toBe(false);
    expect(flags.reloads).toBe(0);
    updates.takeOver?.();
    expect(flags.reloads).toBe(1);
  });

  it('never reloads when a session started between accepting and the take-over', () => {
    const { pwa, updates, flags } = setup();
    updates.waiting?.();
    pwa.acceptUpdate();
    flags.running = true;
    updates.takeOver?.();
    expect(flags.reloads).toBe(0);
  });
});

describe('PwaState install', () => {
  it('uses the browser prompt when offered and counts the app installed once accepted', async () => {
    const { pwa } = setup();
    expect(pwa.installRoute).toBe('browser-menu');
    let shown = 0;
    pwa.setInstallPrompt(async () => {
      shown += 1;
      return 'accepted';
    });
    expect(pwa.installRoute).toBe('prompt');
    await pwa.install();
    expect(shown).toBe(1);
    expect(pwa.installRoute).toBe('installed');
  });

  it('falls back to the menu after a dismissed prompt, and gives iOS and Mac Safari their own instructions', async () => {
    const { pwa } = setup();
    pwa.setInstallPrompt(async () => 'dismissed');
    await pwa.install();
    expect(pwa.installRoute).toBe('browser-menu');
    expect(setup({ ...desktop, ios: true, bluetooth: false }).pwa.installRoute).toBe('ios');
    expect(setup({ ...desktop, macSafari: true, bluetooth: false }).pwa.installRoute).toBe('mac-safari');
    expect(setup({ ...desktop, standalone: true }).pwa.installRoute).toBe('installed');
  });
});

describe('PwaState first run', () => {
  it('reads the remembered answer and remembers finishing', async () => {
    const { pwa, flags } = setup();
    expect(pwa.firstRunDone).toBeNull();
    await Promise.resolve();
    expect(pwa.firstRunDone).toBe(false);
    await pwa.finishFirstRun();
    expect(pwa.firstRunDone).toBe(true);
    expect(flags.firstRun).toBe(true);
  });
});
