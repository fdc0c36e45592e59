import { describe, expect, it } from 'vitest';
import { OtherTabs, type OtherTabsDeps } from '../../src/state/other-tabs.svelte';

/** A world of tabs: which sessions other tabs record, whether the lock is held, and what this tab was told. */
function world() {
  const ends = new Map<string, () => void>();
  const state = { held: true, here: false, recording: ['a-1'], recordingHere: null as string | null };
  const told = { ended: [] as string[], freed: 0 };
  const deps: OtherTabsDeps = {
    sessionLockHeld: async () => state.held,
    holdsLockHere: () => state.here,
    sessionsBeingRecorded: async () => state.recording,
    recordingHere: () => state.recordingHere,
    whenRecordingEnds: (id, signal) =>
      new Promise<void>((resolve, reject) => {
        ends.set(id, resolve);
        signal.addEventListener('abort', () => reject(new Error('aborted')));
      }),
    recordingEnded: async (id) => void told.ended.push(id),
    lockFreed: () => (told.freed += 1),
  };
  return { deps, state, told, ends };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('OtherTabs', () => {
  it('says another tab runs a session, and the moment that tab goes, finishes its session and clears', async () => {
    const { deps, state, told, ends } = world();
    const tabs = new OtherTabs(deps);
    await tabs.check();
    expect(tabs.elsewhere).toBe(true);
    await tabs.check();
    expect([...ends.keys()]).toEqual(['a-1']); // watched once, however often it looks

    state.held = false;
    state.recording = [];
    ends.get('a-1')!();
    await settle();
    await settle();
    expect(told.ended).toEqual(['a-1']);
    expect(tabs.elsewhere).toBe(false);
    expect(told.freed).toBe(1);
  });

  it('does not count its own session or its own lock as another tab’s', async () => {
    const { deps, state, ends } = world();
    state.here = true;
    state.recordingHere = 'a-1';
    const tabs = new OtherTabs(deps);
    await tabs.check();
    expect(tabs.elsewhere).toBe(false);
    expect(ends.size).toBe(0);
  });

  it('stops waiting when disposed', async () => {
    const { deps, told, ends } = world();
    const tabs = new OtherTabs(deps);
    await tabs.check();
    tabs.dispose();
    ends.get('a-1')!();
    await settle();
    expect(told.ended).toEqual([]);
  });
});
