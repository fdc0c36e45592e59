import { describe, expect, it } from 'vitest';
import { captureInstallPrompt, type InstallPrompt } from '../../../src/adapters/pwa/install-prompt';

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
