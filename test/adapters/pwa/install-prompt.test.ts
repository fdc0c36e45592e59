import { describe, expect, it } from 'vitest';
import {
  captureInstallPrompt,
  earlyInstallPrompt,
  type InstallPrompt,
} from '../../../src/adapters/pwa/install-prompt';

function offerEvent(outcome: 'accepted' | 'dismissed') {
  const event = new Event('beforeinstallprompt', { cancelable: true });
  let prompted = 0;
  Object.assign(event, {
    prompt: async () => {
      prompted += 1;
    },
    userChoice: Promise.resolve({ outcome, platform: 'web' }),
  });
  return { event, prompted: () => prompted };
}

describe('captureInstallPrompt', () => {
  it('keeps the offer, stops the browser bar, and shows the dialog only when asked', async () => {
    const target = new EventTarget();
    const seen: (InstallPrompt | null)[] = [];
    const stop = captureInstallPrompt(target, (p) => seen.push(p));
    const { event, prompted } = offerEvent('accepted');
    target.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(seen).toHaveLength(1);
    expect(prompted()).toBe(0);
    expect(await seen[0]?.()).toBe('accepted');
    expect(prompted()).toBe(1);

    target.dispatchEvent(new Event('appinstalled'));
    expect(seen.at(-1)).toBeNull();
    stop();
    target.dispatchEvent(offerEvent('dismissed').event);
    expect(seen).toHaveLength(2);
  });

  it('ignores an event that is not a real install offer', () => {
    const target = new EventTarget();
    const seen: unknown[] = [];
    captureInstallPrompt(target, (p) => seen.push(p));
    target.dispatchEvent(new Event('beforeinstallprompt', { cancelable: true }));
    expect(seen).toHaveLength(0);
  });
});

describe('earlyInstallPrompt', () => {
  it('keeps an offer made before anyone listens and hands it over, then passes on what follows', async () => {
    const target = new EventTarget();
    const subscribe = earlyInstallPrompt(target);
    const { event } = offerEvent('dismissed');
    target.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    const seen: (InstallPrompt | null)[] = [];
    subscribe((p) => seen.push(p));
    expect(seen).toHaveLength(1);
    expect(await seen[0]?.()).toBe('dismissed');
    target.dispatchEvent(new Event('appinstalled'));
    expect(seen).toEqual([seen[0], null]);
  });

  it('hands nothing over when no offer came', () => {
    const seen: unknown[] = [];
    earlyInstallPrompt(new EventTarget())((p) => seen.push(p));
    expect(seen).toEqual([]);
  });
});
