import { describe, expect, it } from 'vitest';
import { ScreenWakeLock, type WakeLockHost } from '../../../src/adapters/cues/wake-lock';

class FakeSentinel extends EventTarget {
  released = false;
  readonly type = 'screen' as const;
  onrelease = null;
  async release(): Promise<void> {
    this.released = true;
  }
}

function fakeHost(refuse = false) {
  const listeners = new Set<() => void>();
  const requests: FakeSentinel[] = [];
  const doc = {
    visibilityState: 'visible' as DocumentVisibilityState,
    addEventListener: (_: string, l: () => void) => listeners.add(l),
    removeEventListener: (_: string, l: () => void) => listeners.delete(l),
  };
  const host = {
    wakeLock: {
      request: async () => {
        if (refuse) throw new DOMException('not allowed', 'NotAllowedError');
        const s = new FakeSentinel();
        requests.push(s);
        return s as unknown as WakeLockSentinel;
      },
    },
    document: doc as unknown as WakeLockHost['document'],
  };
  const setVisible = async (visible: boolean) => {
    doc.visibilityState = visible ? 'visible' : 'hidden';
    if (!visible) requests.forEach((r) => (r.released = true));
    listeners.forEach((l) => l());
    await Promise.resolve();
    await Promise.resolve();
  };
  return { host, requests, listeners, setVisible };
}

describe('ScreenWakeLock', () => {
  it('holds the lock and asks again when the page becomes visible after being hidden', async () => {
    const f = fakeHost();
    const lock = new ScreenWakeLock(f.host);
    expect(await lock.acquire()).toBe('held');
    await f.setVisible(false);
    expect(f.requests).toHaveLength(1);
    await f.setVisible(true);
    expect(f.requests).toHaveLength(2);
    expect(f.requests[1]?.released).toBe(false);
    await lock.release();
    expect(f.requests[1]?.released).toBe(true);
    expect(f.listeners.size).toBe(0);
    await f.setVisible(true);
    expect(f.requests).toHaveLength(2);
  });

  it('reports unsupported and denied instead of throwing', async () => {
    const none = new ScreenWakeLock({ document: fakeHost().host.document });
    expect(await none.acquire()).toBe('unsupported');
    expect(await new ScreenWakeLock(fakeHost(true).host).acquire()).toBe('denied');
  });
});
