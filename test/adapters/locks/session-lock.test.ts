import { describe, expect, it } from 'vitest';
import {
  acquireSessionLock,
  HELD_ELSEWHERE_MESSAGE,
  sessionLockHeldElsewhere,
  type LockManagerLike,
} from '../../../src/adapters/locks/session-lock';
import { LiveSession, type HrvAnalyser } from '../../../src/state/session.svelte';
import { ReplaySource } from '../../../src/adapters/sources/replay-source';
import type { HeartSource } from '../../../src/core/heart/types';

/**
 * A stand-in for one tab's navigator.locks with the exclusive, ifAvailable semantics the adapter relies on; tabs
 * share `held` (the browser's lock table). `releaseDelayMs` lets the lock go that much after the holder releases
 * it, as a real browser does across processes.
 */
class FakeLocks implements LockManagerLike {
  constructor(
    readonly held = new Set<string>(),
    readonly releaseDelayMs = 0,
  ) {}
  async request(
    name: string,
    _options: { mode: 'exclusive'; ifAvailable: true },
    callback: (lock: Lock | null) => Promise<void> | void,
  ): Promise<unknown> {
    if (this.held.has(name)) return callback(null);
    this.held.add(name);
    try {
      return await callback({ name, mode: 'exclusive' });
    } finally {
      if (this.releaseDelayMs > 0) await new Promise((r) => setTimeout(r, this.releaseDelayMs));
      this.held.delete(name);
    }
  }
  async query(): Promise<{ held: { name: string }[] }> {
    return { held: [...this.held].map((name) => ({ name })) };
  }
}

const noAnalyser = (): HrvAnalyser => ({ reset() {}, push() {}, breaths() {}, dispose() {} });

describe('session lock', () => {
  it('gives the lock to one holder at a time and frees it on release', async () => {
    const table = new Set<string>();
    const [tabA, tabB] = [new FakeLocks(table), new FakeLocks(table)];
    const first = await acquireSessionLock(tabA);
    expect(typeof first).toBe('function');
    expect(await acquireSessionLock(tabB)).toBe('held-elsewhere');
    expect(await sessionLockHeldElsewhere(tabB)).toBe(true);
    expect(await sessionLockHeldElsewhere(tabA)).toBe(false);
    if (typeof first === 'function') first();
    await new Promise((r) => setTimeout(r, 0));
    expect(await sessionLockHeldElsewhere(tabB)).toBe(false);
    expect(typeof (await acquireSessionLock(tabB))).toBe('function');
  });

  it('a tab that has just released its lock never takes it for another tab', async () => {
    const table = new Set<string>();
    const [tabA, tabB] = [new FakeLocks(table, 30), new FakeLocks(table, 30)];
    const release = await acquireSessionLock(tabA);
    if (typeof release !== 'function') throw new Error('lock not granted');
    release();
    // The browser still lists the lock for a moment: the tab that held it knows it is its own.
    expect(table.has('resonance-session')).toBe(true);
    expect(await sessionLockHeldElsewhere(tabA)).toBe(false);
    expect(await sessionLockHeldElsewhere(tabB)).toBe(true);
    await new Promise((r) => setTimeout(r, 60));
    expect(table.has('resonance-session')).toBe(false);
    expect(await sessionLockHeldElsewhere(tabA)).toBe(false);
    expect(await sessionLockHeldElsewhere(tabB)).toBe(false);
  });

  it('without Web Locks behaves as a single tab', async () => {
    expect(typeof (await acquireSessionLock(null))).toBe('function');
    expect(await sessionLockHeldElsewhere(null)).toBe(false);
  });

  it('a second session never starts its source while the first holds the lock, and can start once it ends', async () => {
    const locks = new FakeLocks();
    const acquire = () => acquireSessionLock(locks);
    const nowMs = 0;
    const now = () => nowMs;
    const tabA = new LiveSession(noAnalyser, now, acquire);
    const tabB = new LiveSession(noAnalyser, now, acquire);
    await tabA.start(new ReplaySource('a', [1000, 1000, 1000], { now }));
    expect(tabA.running).toBe(true);

    let startedB = false;
    const sourceB = new ReplaySource('b', [1000, 1000, 1000], { now });
    const guarded: HeartSource = {
      kind: sourceB.kind,
      label: sourceB.label,
      start: (listener) => {
        startedB = true;
        return sourceB.start(listener);
      },
      stop: () => sourceB.stop(),
    };
    await tabB.start(guarded);
    expect(startedB).toBe(false);
    expect(tabB.running).toBe(false);
    expect(tabB.error).toBe(HELD_ELSEWHERE_MESSAGE);

    await tabA.stop();
    await new Promise((r) => setTimeout(r, 0));
    await tabB.start(guarded);
    expect(startedB).toBe(true);
    expect(tabB.running).toBe(true);
    expect(tabB.error).toBeNull();
    await tabB.stop();
  });

  it('claim takes the lock before a chooser, refuses in a second tab, and unclaim gives it back', async () => {
    const locks = new FakeLocks();
    const acquire = () => acquireSessionLock(locks);
    const tabA = new LiveSession(noAnalyser, () => 0, acquire);
    const tabB = new LiveSession(noAnalyser, () => 0, acquire);
    expect(await tabA.claim()).toBe(true);
    expect(await tabA.claim()).toBe(true);
    expect(await tabB.claim()).toBe(false);
    expect(tabB.error).toBe(HELD_ELSEWHERE_MESSAGE);
    tabA.unclaim();
    await new Promise((r) => setTimeout(r, 0));
    expect(await tabB.claim()).toBe(true);
    expect(tabB.error).toBeNull();
    expect(await tabA.claim()).toBe(false);
  });
});
